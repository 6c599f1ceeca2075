import { layoutLegend } from "./legendLayout";

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  /** Line width of the sample (2 when absent). */
  width?: number;
  /** Drawn as a filled swatch rather than a line. */
  swatch?: boolean;
  /** Drawn as the pinned baseline is: a wide, pale band. */
  baseline?: boolean;
}

/** A legend laid out left to right, wrapping into rows past `maxWidth` (widths estimated from the text). */
export function Legend({ items, x, y, maxWidth }: { items: LegendItem[]; x: number; y: number; maxWidth?: number }) {
  const placed = layoutLegend(items, maxWidth).items;
  return (
    <g className="legend" fontSize={10} fill="#1b1f24">
      {placed.map((it) => (
        <g key={it.label} transform={`translate(${x + it.dx},${y + it.dy})`} data-legend={it.baseline ? "baseline" : undefined}>
          {it.swatch ? (
            <rect x={0} y={-6} width={14} height={9} fill={it.color} />
          ) : it.baseline ? (
            <line x1={0} x2={16} y1={-2} y2={-2} stroke={it.color} strokeWidth={6} strokeOpacity={0.3} strokeLinecap="round" />
          ) : (
            <line x1={0} x2={16} y1={-2} y2={-2} stroke={it.color} strokeWidth={it.width ?? 2} strokeDasharray={it.dash} />
          )}
          <text x={20} y={1}>{it.label}</text>
        </g>
      ))}
    </g>
  );
}
