"use client";
import { useState } from "react";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import type { ScenarioExport } from "@/lib/export";

/** The deliverables' code, loaded when one is first asked for (it is not needed to draw the page). */
const deliverables = () => import("../charts/deliverables");

/** The scenario's deliverables: the deck (thesis, cards, a slide per chart), the data package of every chart, and the workbook. */
export function ScenarioExports({ flush }: { flush?: () => void }) {
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const run = useRun();
  const baselineRun = useBaselineRun();
  const [status, setStatus] = useState("");
  const act = (label: string, action: (s: ScenarioExport, d: Awaited<ReturnType<typeof deliverables>>) => Promise<void>) => async () => {
    try {
      flush?.();
      setStatus(`${label}…`);
      const [{ scenarioExport }, d] = await Promise.all([import("./scenarioExport"), deliverables()]);
      const s = scenarioExport({ scenario, baseline, run, baselineRun, origin: window.location.origin });
      await action(s, d);
      setStatus(`${label}: done.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="scenario-exports" role="group" aria-label="Scenario downloads">
      <button type="button" onClick={act("Deck", (s, d) => d.downloadSlides(s, s.charts, true, d.deliverableName("deck", s, "pptx")))}>Deck (.pptx)</button>
      <button type="button" onClick={act("Data", (s, d) => d.downloadDataPackage(s, s.charts, d.deliverableName("scenario", s, "zip")))}>Data (.zip)</button>
      <button type="button" onClick={act("Workbook", (s, d) => d.downloadWorkbook(s, d.deliverableName("workbook", s, "xlsx")))}>Workbook (.xlsx)</button>
      <span className="export-status" role="status" aria-live="polite">{status}</span>
    </span>
  );
}
