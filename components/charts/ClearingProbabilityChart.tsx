import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import type { ClearingProbabilityState } from "./clearingProbabilityState";

/** Probability that each shortage has cleared by each month, one line per input and product. */
export function ClearingProbabilityChart({ state, hover, onHover }: ChartViewProps<ClearingProbabilityState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={p.x} y={12} items={state.legend} />
      <AxisY ticks={state.ticks} x0={p.x} x1={p.x + p.width} />
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
      {state.lines.map((l) => <Line key={l.input} d={l.d} color={l.color} width={1.8} />)}
    </ChartFigure>
  );
}
