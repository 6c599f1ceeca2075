import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBands } from "./marks/FanBand";
import { PanelTitle } from "./marks/PanelTitle";
import { ShortageBands } from "./marks/ShortageBands";
import { SHORTAGE_FILL } from "../palette";
import type { SupplyDemandState } from "./supplyDemandState";

/** Supply vs demand small multiples. */
export function SupplyDemandChart({ state, hover, onHover }: ChartViewProps<SupplyDemandState>) {
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend
        x={46}
        y={12}
        items={[
          { label: "Supply (capacity)", color: "#1b1f24" },
          { label: "Demand", color: "#1b1f24", dash: "5 3" },
          { label: "Demand above supply", color: SHORTAGE_FILL, swatch: true },
        ]}
      />
      {state.panels.map((p) => (
        <g key={p.input} data-panel={p.input}>
          <PanelTitle x={p.x - 40} y={p.y - 8} text={`${p.title} · ${p.unit}`} />
          <ShortageBands bands={p.shortage} y={p.y} height={p.height} />
          <AxisY ticks={p.ticks} x0={p.x} x1={p.x + p.width} />
          <AxisX months={state.months} x={p.xScale} y={p.y + p.height} every={2} />
          <FanBands fans={p.fans} />
          <Line d={p.supplyPath} color={p.color} width={2} />
          <Line d={p.demandPath} color={p.color} dash="5 3" />
          <BaselineLine d={p.baselineSupplyPath} />
          <BaselineLine d={p.baselineDemandPath} dash="6 2 1 2" />
        </g>
      ))}
    </ChartFigure>
  );
}
