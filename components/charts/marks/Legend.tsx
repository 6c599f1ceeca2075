/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  /** Drawn as a filled swatch rather than a line. */
  swatch?: boolean;
}

/** A one-row legend; items are laid out left to right with widths estimated from their text. */
export function Legend({ items, x, y }: { items: LegendItem[]; x: number; y: number }) {
  let cx = x;
  return (
    <g className="legend" fontSize={10} fill="#1b1f24">
      {items.map((it) => {
        const at = cx;
        cx += 22 + it.label.length * 5.8 + 12;
        return (
          <g key={it.label} transform={`translate(${at},${y})`}>
            {it.swatch ? (
              <rect x={0} y={-6} width={14} height={9} fill={it.color} />
            ) : (
              <line x1={0} x2={16} y1={-2} y2={-2} stroke={it.color} strokeWidth={2} strokeDasharray={it.dash} />
            )}
            <text x={20} y={1}>{it.label}</text>
          </g>
        );
      })}
    </g>
  );
}
