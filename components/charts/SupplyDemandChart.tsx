import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBands } from "./marks/FanBand";
import { PanelTitle } from "./marks/PanelTitle";
import { ShortageBands } from "./marks/ShortageBands";
import type { SupplyDemandState } from "./supplyDemandState";

/** Supply vs demand small multiples. */
export function SupplyDemandChart({ state, hover, onHover }: ChartViewProps<SupplyDemandState>) {
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={46} y={12} items={state.legend} maxWidth={state.legendWidth} />
      {state.panels.map((p) => (
        <g key={p.input} data-panel={p.input}>
          <PanelTitle x={p.x - 40} y={p.y - 8} text={`${p.title} · ${p.unit}`} />
          <ShortageBands bands={p.shortage} y={p.y} height={p.height} />
          <AxisY ticks={p.ticks} x0={p.x} x1={p.x + p.width} />
          <AxisX months={state.months} x={p.xScale} y={p.y + p.height} every={2} />
          <FanBands fans={p.fans} />
          <BaselineLine d={p.baselineSupplyPath} />
          <BaselineLine d={p.baselineDemandPath} />
          <Line d={p.supplyPath} color={p.color} width={2} />
          <Line d={p.demandPath} color={p.color} dash="5 3" />
        </g>
      ))}
    </ChartFigure>
  );
}
