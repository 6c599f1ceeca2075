import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { AxisY } from "./marks/AxisY";
import { Legend } from "./marks/Legend";
import { Line } from "./marks/Line";
import { LineLabel } from "./marks/LineLabel";
import { BaselineLine } from "./marks/BaselineLine";
import { FanBand, FanBands } from "./marks/FanBand";
import { PanelTitle } from "./marks/PanelTitle";
import type { TokensState } from "./tokensState";

/** Tokens by tier and the throttle share. */
export function TokensChart({ state, hover, onHover }: ChartViewProps<TokensState>) {
  const v = state.volume, t = state.throttle;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      <Legend x={54} y={12} items={state.legend} maxWidth={state.legendWidth} />
      <g data-panel="volume">
        <PanelTitle x={v.x - 48} y={v.y - 10} text={`Tokens · tokens / month, ${state.scale?.mode ?? "log"} scale`} />
        <AxisY ticks={v.ticks} x0={v.x} x1={v.x + v.width} />
        <AxisX months={state.months} x={v.xScale} y={v.y + v.height} />
        <FanBands fans={state.volumeFans} />
        {state.baselineVolume.map((l) => <BaselineLine key={l.key} d={l.d} color={l.color} />)}
        {v.lines.map((l) => <Line key={l.key} d={l.d} color={l.color} dash={l.dash} width={l.width} dy={l.dy} />)}
        {v.lines.map((l) => (l.label ? <LineLabel key={l.key} {...l.label} color={l.color} /> : null))}
      </g>
      <g data-panel="throttle">
        <PanelTitle x={t.x - 44} y={t.y - 10} text="Share of tokens unserved · %" />
        <AxisY ticks={t.ticks} x0={t.x} x1={t.x + t.width} />
        <AxisX months={state.months} x={t.xScale} y={t.y + t.height} />
        <FanBand fan={state.throttleFan} />
        <BaselineLine d={state.baselineThrottleD} />
        {t.lines.map((l) => <Line key={l.key} d={l.d} color={l.color} dash={l.dash} width={l.width} dy={l.dy} />)}
        {t.lines.map((l) => (l.label ? <LineLabel key={l.key} {...l.label} color={l.color} /> : null))}
      </g>
    </ChartFigure>
  );
}
