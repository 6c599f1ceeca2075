"use client";
import { chartSvgDocument, changedAssumptions, embedSnippet, embedUrl, exportFileName, exportSourceLine, isoDate, MODEL_VERSION, runToCsv, scenarioDigest, tableToCsv, type ExportExt } from "@/lib/export";
import { downloadBlob, serializeChartSvg } from "@/lib/export/domSvg";
import { copyPngToClipboard, svgToPngBlob } from "@/lib/export/png";
import { embeddedFontCss } from "@/lib/export/fonts";
import { queryOf } from "@/lib/store/urlSync";
import type { ChartExportContext } from "./exportContext";
import { downloadDataPackage, downloadSlides } from "./deliverables";
import { CHART_SOURCES, CHART_UNITS } from "./sources";
import type { ChartBase } from "./types";

// What one chart's export menu does. Its own module, imported when a menu action is chosen (ExportMenu.tsx), so
// that the SVG, PNG, CSV and embed code stays out of the workspace's first-load JS.

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

/** The file name of one of the chart's exports: chart, preset, the scenario's digest, date and scale. */
function fileName(chart: ChartBase, ctx: ChartExportContext, ext: ExportExt, scale?: number): string {
  const digest = scenarioDigest(queryOf({ scenario: ctx.scenario, baseline: ctx.baseline }));
  return exportFileName(chart.id, ctx.scenario.presetId, new Date(), ext, { digest, scale });
}

/** Downloads the chart as PNG at `scale`× its size. */
export async function downloadPng(chart: ChartBase, svg: SVGSVGElement, ctx: ChartExportContext, scale: number): Promise<void> {
  downloadBlob(await svgToPngBlob(await chartDocument(chart, svg, ctx), scale), fileName(chart, ctx, "png", scale));
}

/** Downloads the chart as a standalone SVG document. */
export async function downloadSvg(chart: ChartBase, svg: SVGSVGElement, ctx: ChartExportContext): Promise<void> {
  downloadBlob(new Blob([await chartDocument(chart, svg, ctx)], { type: "image/svg+xml;charset=utf-8" }), fileName(chart, ctx, "svg"));
}

/** Downloads the chart's numbers as CSV. */
export function downloadCsv(chart: ChartBase, ctx: ChartExportContext): void {
  downloadBlob(new Blob([chartCsv(chart, ctx)], { type: "text/csv;charset=utf-8" }), fileName(chart, ctx, "csv"));
}

/** Copies the chart as PNG at 2× to the clipboard. */
export async function copyPng(chart: ChartBase, svg: SVGSVGElement, ctx: ChartExportContext): Promise<void> {
  await copyPngToClipboard(await svgToPngBlob(await chartDocument(chart, svg, ctx), 2));
}

/** Downloads the chart as one slide (.pptx). */
export async function downloadSlide(chart: ChartBase, ctx: ChartExportContext): Promise<void> {
  const s = await ctx.deliverable();
  await downloadSlides(s, s.charts.filter((c) => c.id === chart.id), false, fileName(chart, ctx, "pptx"));
}

/** Downloads the chart's data package (.zip). */
export async function downloadChartData(chart: ChartBase, ctx: ChartExportContext): Promise<void> {
  const s = await ctx.deliverable();
  await downloadDataPackage(s, s.charts.filter((c) => c.id === chart.id), fileName(chart, ctx, "zip"));
}

/** The HTML snippet that embeds the chart (an iframe of /embed/<chart> with the scenario's query). */
export function chartEmbedSnippet(chart: ChartBase, ctx: ChartExportContext, origin: string): string {
  return embedSnippet(embedUrl(origin, chart.id, queryOf({ scenario: ctx.scenario, baseline: ctx.baseline })), `${chart.title} — Chokepoint`, 720, Math.round(140 + (chart.height / chart.width) * 720));
}
