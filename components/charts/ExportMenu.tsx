"use client";
import { useState, type RefObject } from "react";
import { chartSvgDocument, changedAssumptions, embedSnippet, embedUrl, exportFileName, exportSourceLine, isoDate, MODEL_VERSION, runToCsv, scenarioDigest, tableToCsv, type ExportExt } from "@/lib/export";
import { downloadBlob, serializeChartSvg } from "@/lib/export/domSvg";
import { copyPngToClipboard, svgToPngBlob } from "@/lib/export/png";
import { embeddedFontCss } from "@/lib/export/fonts";
import { queryOf } from "@/lib/store/urlSync";
import { useExportContext, type ChartExportContext } from "./exportContext";
import { downloadDataPackage, downloadSlides } from "./deliverables";
import { CHART_SOURCES, CHART_UNITS } from "./sources";
import type { ChartBase } from "./types";

/** The chart as a standalone SVG document: title, subtitle, units, the chart, source line (with date and version), changed assumptions and link, with the font embedded. */
async function chartDocument(chart: ChartBase, svg: SVGSVGElement, ctx: ChartExportContext): Promise<string> {
  const fontCss = await embeddedFontCss();
  return chartSvgDocument({
    css: fontCss,
    markup: serializeChartSvg(svg, chart.width, chart.height),
    width: chart.width,
    height: chart.height,
    title: chart.title,
    subtitle: chart.baselineNote ? `${chart.subtitle}. ${chart.baselineNote}` : chart.subtitle,
    units: CHART_UNITS[chart.id],
    sourceLine: exportSourceLine(MODEL_VERSION, CHART_SOURCES[chart.id] ?? [], isoDate(new Date())),
    changedAssumptions: changedAssumptions(ctx.scenario),
    scenarioUrl: ctx.scenarioUrl(),
  });
}

/** The chart's numbers as CSV: its run series by month (and the baseline's when pinned), or its table when it has no months. */
function chartCsv(chart: ChartBase, ctx: ChartExportContext): string {
  if (chart.csvSeries?.length) return runToCsv(ctx.run, chart.csvSeries, ctx.baselineRun ?? undefined);
  const t = chart.table();
  return tableToCsv(t.columns, t.rows);
}

/** Export of one chart: PNG at 2× and 4×, SVG, CSV, a slide, a data package, an embed snippet, and PNG to the clipboard. Shown only inside the workspace. */
export function ExportMenu({ chart, svgRef }: { chart: ChartBase; svgRef: RefObject<SVGSVGElement | null> }) {
  const ctx = useExportContext();
  const [status, setStatus] = useState("");
  const [snippet, setSnippet] = useState<string | null>(null);
  if (!ctx) return null;
  const digest = () => scenarioDigest(queryOf({ scenario: ctx.scenario, baseline: ctx.baseline }));
  const name = (ext: ExportExt, scale?: number) => exportFileName(chart.id, ctx.scenario.presetId, new Date(), ext, { digest: digest(), scale });
  const run = (label: string, action: () => Promise<void> | void) => async () => {
    const svg = svgRef.current;
    if (!svg) return;
    try {
      setStatus(`${label}…`);
      await action();
      setStatus(`${label}: done.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const png = (scale: number) => run(`PNG ${scale}×`, async () => downloadBlob(await svgToPngBlob(await chartDocument(chart, svgRef.current!, ctx), scale), name("png", scale)));
  const thisChart = () => {
    const s = ctx.deliverable();
    return { s, charts: s.charts.filter((c) => c.id === chart.id) };
  };
  const embed = run("Embed", async () => {
    ctx.scenarioUrl();
    const html = embedSnippet(embedUrl(window.location.origin, chart.id, queryOf({ scenario: ctx.scenario, baseline: ctx.baseline })), `${chart.title} — Chokepoint`, 720, Math.round(140 + (chart.height / chart.width) * 720));
    setSnippet(html);
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(html);
    } catch {
      // The snippet stays in the field below, selected, to copy by hand.
      setStatus("Embed: copy the snippet below.");
      throw new Error("the clipboard is not available here; copy the snippet below");
    }
  });
  return (
    <details className="export" data-export="">
      <summary aria-label={`Export ${chart.title}`}>Export</summary>
      <div className="export-actions" role="group" aria-label={`Export ${chart.title}`}>
        <button type="button" onClick={png(2)}>PNG 2×</button>
        <button type="button" onClick={png(4)}>PNG 4×</button>
        <button type="button" onClick={run("SVG", async () => downloadBlob(new Blob([await chartDocument(chart, svgRef.current!, ctx)], { type: "image/svg+xml;charset=utf-8" }), name("svg")))}>SVG</button>
        <button type="button" onClick={run("CSV", () => downloadBlob(new Blob([chartCsv(chart, ctx)], { type: "text/csv;charset=utf-8" }), name("csv")))}>CSV</button>
        <button type="button" onClick={run("Slide", async () => { const { s, charts } = thisChart(); await downloadSlides(s, charts, false, name("pptx")); })}>Slide (.pptx)</button>
        <button type="button" onClick={run("Data", async () => { const { s, charts } = thisChart(); await downloadDataPackage(s, charts, name("zip")); })}>Data (.zip)</button>
        <button type="button" onClick={embed}>Embed</button>
        <button type="button" onClick={run("Copy PNG", async () => copyPngToClipboard(await svgToPngBlob(await chartDocument(chart, svgRef.current!, ctx), 2)))}>Copy PNG</button>
        <span className="export-status" role="status" aria-live="polite">{status}</span>
      </div>
      {snippet ? (
        <label className="embed-snippet">
          Embed code
          <input type="text" readOnly value={snippet} data-embed-snippet="" onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </details>
  );
}
