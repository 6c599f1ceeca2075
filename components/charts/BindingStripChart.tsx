import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { Legend } from "./marks/Legend";
import { AxisY } from "./marks/AxisY";
import { Line } from "./marks/Line";
import { BaselineLine } from "./marks/BaselineLine";
import { PanelTitle } from "./marks/PanelTitle";
import { LineLabel } from "./marks/LineLabel";
import type { BindingStripState } from "./bindingStripState";

/** The binding-constraint strip. */
export function BindingStripChart({ state, hover, onHover }: ChartViewProps<BindingStripState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={p.x} y={12} items={state.legend} maxWidth={p.width} />
      {state.segments.map((s, i) => (
        <rect key={i} data-binding={s.binding} x={s.x0} y={p.y} width={Math.max(0.5, s.x1 - s.x0)} height={p.height} fill={s.color} />
      ))}
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
      <g data-panel="limits">
        <PanelTitle x={8} y={state.limits.titleY} text={`Output each input allows · H100e / month, ${state.scale?.mode ?? "log"} scale`} />
        <Legend x={8} y={state.limits.legendY} items={state.limits.legend} maxWidth={state.width - 16} />
        <AxisY ticks={state.limits.ticks} x0={state.limits.x} x1={state.limits.x + state.limits.width} />
        <AxisX months={state.months} x={state.limits.xScale} y={state.limits.y + state.limits.height} />
        <BaselineLine d={state.baselineOutputD} />
        {state.limits.lines.map((l) => <Line key={l.key} d={l.d} color={l.color} dash={l.dash} width={l.width} dy={l.dy} />)}
        {state.limits.lines.map((l) => (l.label ? <LineLabel key={l.key} {...l.label} color={l.color} /> : null))}
      </g>
    </ChartFigure>
  );
}
