import type { ScaleLinear } from "d3-scale";
import { round3, yearTicks } from "../scales";

/** Least room a year label needs, in SVG units: closer years are labelled every second (or third…) year. */
const MIN_YEAR_GAP = 34;

/** The shared time axis: a label under each January (every `every` years, more when years are too close to label). */
export function AxisX({ months, x, y, every = 1 }: { months: string[]; x: ScaleLinear<number, number>; y: number; every?: number }) {
  const perYear = Math.abs(x(12) - x(0));
  const step = Math.max(every, perYear > 0 ? Math.ceil(MIN_YEAR_GAP / perYear) : 1);
  return (
    <g className="axis axis-x" fontSize={10} fill="#5b6470">
      {yearTicks(months, step).map((t) => (
        <g key={t.index}>
          <line x1={round3(x(t.index))} x2={round3(x(t.index))} y1={y} y2={y + 3} stroke="#9aa3ad" />
          <text x={round3(x(t.index))} y={y + 13} textAnchor="middle">{t.label}</text>
        </g>
      ))}
    </g>
  );
}
