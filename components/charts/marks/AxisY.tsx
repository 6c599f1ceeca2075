import type { YTick } from "../scales";

/** Horizontal grid lines with their labels left of the plot. */
export function AxisY({ ticks, x0, x1 }: { ticks: YTick[]; x0: number; x1: number }) {
  return (
    <g className="axis axis-y" fontSize={10} fill="#5b6470">
      {ticks.map((t, i) => (
        <g key={i}>
          <line x1={x0} x2={x1} y1={t.y} y2={t.y} stroke="#e3e7ec" />
          <text x={x0 - 4} y={t.y} dy="0.32em" textAnchor="end">{t.label}</text>
        </g>
      ))}
    </g>
  );
}
