"use client";
import { chartPictureSvg, exportFileName, type ChartData, type ScenarioExport } from "@/lib/export";
import { downloadBlob, serializeChartSvg } from "@/lib/export/domSvg";
import { embeddedFontCss } from "@/lib/export/fonts";
import type { SlidePicture } from "@/lib/export/deck";

/** The chart's live <svg> on the page, by chart id. */
function chartSvgElement(chartId: string, root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>(`figure[data-chart="${CSS.escape(chartId)}"] .chart-plot > svg`);
}

/** A chart's picture for a slide: the chart alone as SVG with the font embedded (browser only). */
export async function chartPicture(chartId: string): Promise<SlidePicture | null> {
  const svg = chartSvgElement(chartId);
  if (!svg) return null;
  const vb = svg.viewBox.baseVal;
  const width = vb && vb.width ? vb.width : svg.clientWidth || 800;
  const height = vb && vb.height ? vb.height : svg.clientHeight || 400;
  const css = await embeddedFontCss();
  // Stated at 3× its size: pptxgenjs draws the PNG fallback at the SVG's natural size.
  return { svg: chartPictureSvg(serializeChartSvg(svg, width, height), width, height, css, 3), width, height };
}

const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The file name of a deliverable: what it is, the preset, the scenario's digest and the date. */
export function deliverableName(what: string, s: ScenarioExport, ext: "pptx" | "zip" | "xlsx"): string {
  return exportFileName(what, s.presetId, s.asOf, ext, { digest: s.digest });
}

/** Downloads slides for some charts (one chart: a slide; `cover`: the deck with the thesis and cards first). */
export async function downloadSlides(s: ScenarioExport, charts: readonly ChartData[], cover: boolean, name: string): Promise<void> {
  const { chartDeck } = await import("@/lib/export/deck");
  const slides = [];
  for (const chart of charts) {
    const picture = await chartPicture(chart.id);
    if (picture) slides.push({ chart, picture });
  }
  if (!slides.length && !cover) throw new Error("The chart is not on the page.");
  const bytes = await chartDeck(s, slides, { cover });
  downloadBlob(new Blob([bytes as BlobPart], { type: PPTX }), name);
}

/** Downloads a data package (.zip) of some charts. */
export async function downloadDataPackage(s: ScenarioExport, charts: readonly ChartData[], name: string): Promise<void> {
  const { dataPackageZip } = await import("@/lib/export/datapackage");
  downloadBlob(new Blob([dataPackageZip(s, charts) as BlobPart], { type: "application/zip" }), name);
}

/** Downloads the scenario's workbook (.xlsx). */
export async function downloadWorkbook(s: ScenarioExport, name: string): Promise<void> {
  const { scenarioWorkbook } = await import("@/lib/export/workbook");
  downloadBlob(new Blob([(await scenarioWorkbook(s)) as BlobPart], { type: XLSX }), name);
}
