"use client";
import { useContext, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { ChartUiContext } from "./chartUi";
import { Crosshair } from "./marks/Crosshair";
import type { ChartBase } from "./types";
import { DataTable } from "./DataTable";
import { ExportMenu } from "./ExportMenu";

/** Props every chart view takes: its pure state and the shared crosshair. */
export interface ChartViewProps<S extends ChartBase> {
  state: S;
  /** Month index under the shared crosshair, or null. */
  hover: number | null;
  onHover?: (index: number | null) => void;
}

/**
 * The frame of every chart: a `<figure data-chart>` with title and units, the month readout, an `<svg role="img">`
 * with a title and a one-sentence description, the crosshair (pointer or arrow keys), and the data table one toggle away.
 */
export function ChartFigure({ chart, hover, onHover, children, after }: { chart: ChartBase; hover: number | null; onHover?: (i: number | null) => void; children: ReactNode; after?: ReactNode }) {
  const uid = useId();
  const titleId = `${uid}-t`, descId = `${uid}-d`;
  const [showTable, setShowTable] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const active = hover !== null && chart.monthCount > 0 ? Math.min(hover, chart.monthCount - 1) : null;
  const readout = active !== null ? chart.readout(active) : [];
  const ui = useContext(ChartUiContext);
  // Highlighted months as bands through each panel, from the crosshair geometry of their first and last month.
  const bands = chart.monthCount
    ? ui.highlights.flatMap((h, k) => {
        const a = chart.crosshair(Math.max(0, Math.min(chart.monthCount - 1, h.from)));
        const b = chart.crosshair(Math.max(0, Math.min(chart.monthCount - 1, h.to)));
        return a.map((s, j) => ({ key: `${k}-${j}`, x: Math.min(s.x, b[j]?.x ?? s.x) - 1.5, width: Math.abs((b[j]?.x ?? s.x) - s.x) + 3, y: s.y1, height: s.y2 - s.y1, label: h.label }));
      })
    : [];

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!onHover || !chart.monthCount) return;
    const svg = e.currentTarget;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    onHover(chart.indexAt(p.x, p.y));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onHover || !chart.monthCount) return;
    const last = chart.monthCount - 1;
    const cur = hover ?? -1;
    const next: Record<string, number | null> = {
      ArrowRight: Math.min(last, cur + 1),
      ArrowLeft: Math.max(0, cur < 0 ? last : cur - 1),
      PageUp: Math.min(last, cur + 12),
      PageDown: Math.max(0, cur < 0 ? last : cur - 12),
      Home: 0,
      End: last,
      Escape: null,
    };
    if (e.key in next) {
      e.preventDefault();
      onHover(next[e.key]);
    }
  };

  return (
    <figure className={chart.wide ? "chart wide" : "chart"} data-chart={chart.id}>
      <figcaption>
        <span className="chart-title">{chart.title}</span> <span className="chart-subtitle">{chart.subtitle}</span>
        {chart.note ? <span className="baseline-note" data-chart-note="">{chart.note}</span> : null}
        {chart.baselineNote ? <span className="baseline-note" data-baseline-note="">{chart.baselineNote}</span> : null}
        {chart.fanNote ? <span className="baseline-note" data-fan-note="">{chart.fanNote}</span> : null}
      </figcaption>
      {chart.scale?.offered && ui.setScaleMode ? (
        <div className="scale-switch" role="group" aria-label={`${chart.title}: y-axis scale (values span ${Math.round(chart.scale.span).toLocaleString("en-US")}×)`}>
          {(["linear", "log"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={chart.scale!.mode === m} data-scale={m} onClick={() => ui.setScaleMode!(chart.id, m)}>
              {m === "log" ? "Log" : "Linear"}
            </button>
          ))}
        </div>
      ) : null}
      {chart.monthCount ? <p className="readout" data-readout="">
        {active === null ? (
          <span className="muted">{chart.monthCount ? "Hover, or focus and use ← →, to read a month." : "\u00a0"}</span>
        ) : (
          readout.map((r, i) => (
            <span key={i} className="readout-item">
              {r.color ? <i style={{ background: r.color }} aria-hidden="true" /> : null}
              {r.label}: <b>{r.value}</b>
            </span>
          ))
        )}
      </p> : null}
      <div
        className="chart-plot"
        tabIndex={chart.monthCount && onHover ? 0 : undefined}
        onKeyDown={onKeyDown}
        aria-label={chart.monthCount && onHover ? `${chart.title}: arrow keys move the month crosshair` : undefined}
      >
        <svg
          ref={svgRef}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${chart.width} ${chart.height}`}
          width="100%"
          preserveAspectRatio="xMidYMid meet"
          onPointerMove={onPointerMove}
          onPointerLeave={onHover ? () => onHover(null) : undefined}
          fontFamily="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
        >
          <title id={titleId}>{chart.title}</title>
          <desc id={descId}>{chart.description}</desc>
          {bands.length ? (
            <g className="highlight" pointerEvents="none" data-highlight="">
              {bands.map((b) => <rect key={b.key} x={b.x} y={b.y} width={b.width} height={b.height} fill="rgba(240, 228, 66, 0.22)" stroke="#b8a800" strokeWidth={0.6}><title>{b.label}</title></rect>)}
            </g>
          ) : null}
          {children}
          {active !== null ? <Crosshair segments={chart.crosshair(active)} /> : null}
        </svg>
      </div>
      <p className="chart-description">{chart.description}</p>
      {after}
      <button type="button" className="table-toggle" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
        {showTable ? "Hide data table" : "Show data table"}
      </button>
      <ExportMenu chart={chart} svgRef={svgRef} />
      {showTable ? <DataTable table={chart.table()} caption={`${chart.title} (${chart.subtitle})`} /> : null}
    </figure>
  );
}
