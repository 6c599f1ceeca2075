import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBands } from "./marks/FanBand";
import { PanelTitle } from "./marks/PanelTitle";
import type { RevenueState } from "./revenueState";

/** Revenue and rent per GPU-hour by generation. */
export function RevenueChart({ state, hover, onHover }: ChartViewProps<RevenueState>) {
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={50} y={12} items={state.legend} />
      {state.panels.map((p) => (
        <g key={p.key} data-panel={p.key}>
          <PanelTitle x={p.x - 44} y={p.y - 10} text={`${p.title} · USD`} />
          <AxisY ticks={p.ticks} x0={p.x} x1={p.x + p.width} />
          <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
          <FanBands fans={p.fans} />
          {p.lines.map((l) => <Line key={l.gen} d={l.d} color={l.color} width={1.8} />)}
          {p.baselineLines.map((l) => <BaselineLine key={l.gen} d={l.d} color={l.color} />)}
        </g>
      ))}
    </ChartFigure>
  );
}
