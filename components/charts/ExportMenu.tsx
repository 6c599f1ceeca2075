"use client";
import { useState, type RefObject } from "react";
import { useExportContext } from "./exportContext";
import type { ChartBase } from "./types";

/** The export actions, loaded when one is first chosen (they are not needed to draw the page). */
const actions = () => import("./chartExports");

/** Export of one chart: PNG at 2× and 4×, SVG, CSV, a slide, a data package, an embed snippet, and PNG to the clipboard. Shown only inside the workspace. */
export function ExportMenu({ chart, svgRef }: { chart: ChartBase; svgRef: RefObject<SVGSVGElement | null> }) {
  const ctx = useExportContext();
  const [status, setStatus] = useState("");
  const [snippet, setSnippet] = useState<string | null>(null);
  if (!ctx) return null;
  const run = (label: string, action: (svg: SVGSVGElement, a: Awaited<ReturnType<typeof actions>>) => Promise<void> | void) => async () => {
    const svg = svgRef.current;
    if (!svg) return;
    try {
      setStatus(`${label}…`);
      await action(svg, await actions());
      setStatus(`${label}: done.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const png = (scale: number) => run(`PNG ${scale}×`, (svg, a) => a.downloadPng(chart, svg, ctx, scale));
  const embed = run("Embed", async (_svg, a) => {
    ctx.scenarioUrl();
    const html = a.chartEmbedSnippet(chart, ctx, window.location.origin);
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
    // Opening the menu starts loading the actions, so a click finds them loaded and a clipboard write still runs
    // within the click's user activation (browsers refuse clipboard writes once it has lapsed).
    <details className="export" data-export="" onToggle={(e) => void (e.currentTarget.open && actions())}>
      <summary aria-label={`Export ${chart.title}`}>Export</summary>
      <div className="export-actions" role="group" aria-label={`Export ${chart.title}`}>
        <button type="button" onClick={png(2)}>PNG 2×</button>
        <button type="button" onClick={png(4)}>PNG 4×</button>
        <button type="button" onClick={run("SVG", (svg, a) => a.downloadSvg(chart, svg, ctx))}>SVG</button>
        <button type="button" onClick={run("CSV", (_svg, a) => a.downloadCsv(chart, ctx))}>CSV</button>
        <button type="button" onClick={run("Slide", (_svg, a) => a.downloadSlide(chart, ctx))}>Slide (.pptx)</button>
        <button type="button" onClick={run("Data", (_svg, a) => a.downloadChartData(chart, ctx))}>Data (.zip)</button>
        <button type="button" onClick={embed}>Embed</button>
        <button type="button" onClick={run("Copy PNG", (svg, a) => a.copyPng(chart, svg, ctx))}>Copy PNG</button>
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
