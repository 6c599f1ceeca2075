import { useId } from "react";
import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { LineLabel } from "./marks/LineLabel";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBands } from "./marks/FanBand";
import { PanelTitle } from "./marks/PanelTitle";
import type { RevenueState } from "./revenueState";

/** Revenue and rent per GPU-hour by generation; lines above the fitted scale are clipped at the panel's top. */
export function RevenueChart({ state, hover, onHover }: ChartViewProps<RevenueState>) {
  const uid = useId().replace(/:/g, "");
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={50} y={12} items={state.legend} maxWidth={state.legendWidth} />
      {state.panels.map((p) => (
        <g key={p.key} data-panel={p.key}>
          <clipPath id={`${uid}-${p.key}`}>
            <rect x={p.x - 2} y={p.y - 2} width={p.width + 4} height={p.height + 4} />
          </clipPath>
          <PanelTitle x={p.x - 44} y={p.y - 10} text={`${p.title} · USD`} />
          <AxisY ticks={p.ticks} x0={p.x} x1={p.x + p.width} />
          <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
          <g clipPath={`url(#${uid}-${p.key})`}>
            <FanBands fans={p.fans} />
            {p.baselineLines.map((l) => <BaselineLine key={l.gen} d={l.d} color={l.color} />)}
            {p.lines.map((l) => (
              <g key={l.gen} opacity={l.inFocus ? 1 : 0.35} data-gen={l.gen} data-in-focus={l.inFocus ? "true" : "false"}>
                <Line d={l.d} color={l.color} dash={l.dash} width={l.width} dy={l.dy} />
              </g>
            ))}
          </g>
          {p.lines.map((l) => (l.label ? <LineLabel key={l.gen} {...l.label} color={l.color} /> : null))}
        </g>
      ))}
    </ChartFigure>
  );
}
