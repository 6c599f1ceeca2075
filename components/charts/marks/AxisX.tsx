import type { ScaleLinear } from "d3-scale";
import { round3, yearTicks } from "../scales";

/** The shared time axis: a label under each January (every `every` years). */
export function AxisX({ months, x, y, every = 1 }: { months: string[]; x: ScaleLinear<number, number>; y: number; every?: number }) {
  return (
    <g className="axis axis-x" fontSize={10} fill="#5b6470">
      {yearTicks(months, every).map((t) => (
        <g key={t.index}>
          <line x1={round3(x(t.index))} x2={round3(x(t.index))} y1={y} y2={y + 3} stroke="#9aa3ad" />
          <text x={round3(x(t.index))} y={y + 13} textAnchor="middle">{t.label}</text>
        </g>
      ))}
    </g>
  );
}
