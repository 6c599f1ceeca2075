import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { Area } from "./marks/Area";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBand } from "./marks/FanBand";
import type { WaferAllocationState } from "./waferAllocationState";

/** Wafer allocation as stacked areas. */
export function WaferAllocationChart({ state, hover, onHover }: ChartViewProps<WaferAllocationState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={p.x} y={12} items={state.legend} maxWidth={p.width} />
      {state.layers.map((l) => <Area key={l.key} d={l.d} color={l.color} />)}
      <FanBand fan={state.fan} />
      {state.baselineLines.map((l) => <BaselineLine key={l.key} d={l.d} color="#000" />)}
      <AxisY ticks={state.ticks} x0={p.x} x1={p.x + p.width} />
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
    </ChartFigure>
  );
}
