import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { AxisX } from "./marks/AxisX";
import { HorizonBar } from "./marks/HorizonBar";
import { BASELINE_COLOR } from "../palette";
import type { ShortageHorizonState } from "./shortageHorizonState";

/** The shortage-horizon timeline. */
export function ShortageHorizonChart({ state, hover, onHover }: ChartViewProps<ShortageHorizonState>) {
  const p = state.panel;
  return (
    <ChartFigure chart={state} hover={hover} onHover={onHover}>
      {state.rows.map((r) => (
        <g key={r.input} data-row={r.input} fontSize={10.5}>
          <text x={p.x - 6} y={r.y + state.rowHeight / 2} dy="0.32em" textAnchor="end" fill="#1b1f24">{r.label}</text>
          <line x1={p.x} x2={p.x + p.width} y1={r.y + state.rowHeight / 2} y2={r.y + state.rowHeight / 2} stroke="#eef0f3" />
          {r.bar ? <HorizonBar x0={r.bar.x0} x1={r.bar.x1} y={r.y + 4} height={state.rowHeight - 8} color={r.color} openEnded={r.bar.openEnded} /> : null}
          {r.episodes.map((e, i) => (
            <rect key={i} x={e.x0} y={r.y + 7} width={Math.max(0.5, e.x1 - e.x0)} height={state.rowHeight - 14} fill={r.color} />
          ))}
          {r.baselineBar ? (
            <rect data-baseline="" x={r.baselineBar.x0} y={r.y + 2} width={Math.max(2, r.baselineBar.x1 - r.baselineBar.x0)} height={state.rowHeight - 4} fill="none" stroke={BASELINE_COLOR} strokeWidth={1.2} strokeDasharray="2 2" rx={2} />
          ) : null}
          <text x={p.x + p.width + 6} y={r.y + state.rowHeight / 2} dy="0.32em" fill={r.bar ? "#1b1f24" : "#5b6470"}>{r.status}</text>
        </g>
      ))}
      <AxisX months={state.months} x={p.xScale} y={p.y + p.height} />
    </ChartFigure>
  );
}
