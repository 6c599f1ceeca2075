import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Line } from "./marks/Line";
import { BaselineLine } from "./marks/BaselineLine";
import { Legend } from "./marks/Legend";
import { FanBand } from "./marks/FanBand";
import type { PowerRatioState } from "./powerRatioState";

/** CPU:GPU power ratio with the 1:1 line. */
export function PowerRatioChart({ state, hover, onHover }: ChartViewProps<PowerRatioState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      {state.legend.length ? <Legend x={p.x} y={12} items={state.legend} maxWidth={p.width} /> : null}
      <AxisY ticks={state.ticks} x0={p.x} x1={p.x + p.width} />
      {state.parityY !== null ? (
        <g>
          <line x1={p.x} x2={p.x + p.width} y1={state.parityY} y2={state.parityY} stroke="#5b6470" strokeDasharray="2 3" />
          <text x={p.x + p.width} y={state.parityY - 4} textAnchor="end" fontSize={10} fill="#5b6470">equal CPU and GPU power</text>
        </g>
      ) : null}
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
      <FanBand fan={state.fan} />
      <BaselineLine d={state.baselineD} />
      <Line d={state.d} color={state.color} width={2} />
    </ChartFigure>
  );
}
