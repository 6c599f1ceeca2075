import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { LineLabel } from "./marks/LineLabel";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBands } from "./marks/FanBand";
import type { PricesState } from "./pricesState";

/** Price indices by input: a colour and a dash per input, labelled at the line ends. */
export function PricesChart({ state, hover, onHover }: ChartViewProps<PricesState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={p.x} y={12} items={state.legend} maxWidth={p.width} />
      <AxisY ticks={state.ticks} x0={p.x} x1={p.x + p.width} />
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
      <FanBands fans={state.fans} />
      {state.baselineLines.map((l) => <BaselineLine key={l.input} d={l.d} color={l.color} />)}
      {state.lines.map((l) => <Line key={l.key} d={l.d} color={l.color} dash={l.dash} width={l.width} dy={l.dy} />)}
      {state.lines.map((l) => (l.label ? <LineLabel key={l.key} {...l.label} color={l.color} /> : null))}
    </ChartFigure>
  );
}
