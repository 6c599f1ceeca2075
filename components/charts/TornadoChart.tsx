"use client";
import type { KeyboardEvent } from "react";
import { ChartFigure } from "./ChartFigure";
import { TORNADO_METRICS, type TornadoState } from "./tornadoState";
import { requestParamFocus } from "./paramFocus";

/** The sensitivity tornado: a metric picker and one bar per parameter; a bar opens that parameter's slider. */
export function TornadoChart({ state, onMetric, busy }: { state: TornadoState; onMetric: (id: string) => void; busy: boolean }) {
  const open = (id: string) => requestParamFocus(id);
  const onKey = (e: KeyboardEvent<SVGGElement>, id: string) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open(id);
    }
  };
  const p = state.plot;
  return (
    <ChartFigure
      chart={state}
      hover={null}
      after={
        <p className="tornado-controls">
          <label>
            Metric{" "}
            <select value={state.metric.id} onChange={(e) => onMetric(e.target.value)} data-tornado-metric="">
              {TORNADO_METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          </label>{" "}
          <span className="muted">{busy ? "computing…" : "Select a bar (or focus it and press Enter) to open that parameter's slider."}</span>
        </p>
      }
    >
      <g fontSize={10.5} fill="#1b1f24">
        <text x={p.x0} y={12} fontSize={10}>
          <tspan fill={state.lowColor}>■</tspan> parameter at its low <tspan dx={10} fill={state.highColor}>■</tspan> at its high · centre line: this scenario ({state.baseText})
        </text>
        <line x1={state.centerX} x2={state.centerX} y1={p.y0} y2={p.y1} stroke="#1b1f24" strokeWidth={1} />
        <line x1={p.x0} x2={p.x1} y1={p.y1 + 2} y2={p.y1 + 2} stroke="#c9d3dd" />
        {state.ends.map((e) => <text key={e.anchor} x={e.x} y={p.y1 + 14} textAnchor={e.anchor} fontSize={10} fill="#5b6470">{e.text}</text>)}
        {state.rows.map((r) => (
          <g
            key={r.param}
            data-tornado-param={r.param}
            role="button"
            tabIndex={0}
            aria-label={`${r.text}. Open its slider.`}
            className="tornado-bar"
            onClick={() => open(r.param)}
            onKeyDown={(e) => onKey(e, r.param)}
            style={{ cursor: "pointer" }}
          >
            <title>{r.text}</title>
            <rect x={0} y={r.y - 2} width={state.width} height={20} fill="transparent" />
            <text x={p.x0 - 8} y={r.y + 12} textAnchor="end">{r.label.length > 48 ? `${r.label.slice(0, 47)}…` : r.label}</text>
            {/* The longer segment first, so that when both ends fall on one side the shorter stays visible. */}
            {[{ s: r.lowSeg, c: state.lowColor, k: "low" }, { s: r.highSeg, c: state.highColor, k: "high" }]
              .sort((a, b) => b.s.x1 - b.s.x0 - (a.s.x1 - a.s.x0))
              .map(({ s, c, k }) => <rect key={k} data-end={k} x={s.x0} y={r.y + 1} width={Math.max(1, s.x1 - s.x0)} height={14} fill={c} />)}
          </g>
        ))}
      </g>
    </ChartFigure>
  );
}
