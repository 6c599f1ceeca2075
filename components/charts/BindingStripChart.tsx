import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { Legend } from "./marks/Legend";
import type { BindingStripState } from "./bindingStripState";

/** The binding-constraint strip. */
export function BindingStripChart({ state, hover, onHover }: ChartViewProps<BindingStripState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={p.x} y={12} items={state.legend} />
      {state.segments.map((s, i) => (
        <rect key={i} data-binding={s.binding} x={s.x0} y={p.y} width={Math.max(0.5, s.x1 - s.x0)} height={p.height} fill={s.color} />
      ))}
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
    </ChartFigure>
  );
}
