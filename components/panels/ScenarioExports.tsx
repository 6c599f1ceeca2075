"use client";
import { useState } from "react";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { deliverableName, downloadDataPackage, downloadSlides, downloadWorkbook } from "../charts/deliverables";
import { scenarioExport } from "./scenarioExport";

/** The scenario's deliverables: the deck (thesis, cards, a slide per chart), the data package of every chart, and the workbook. */
export function ScenarioExports({ flush }: { flush?: () => void }) {
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const run = useRun();
  const baselineRun = useBaselineRun();
  const [status, setStatus] = useState("");
  const act = (label: string, action: (s: ReturnType<typeof scenarioExport>) => Promise<void>) => async () => {
    try {
      flush?.();
      setStatus(`${label}…`);
      const s = scenarioExport({ scenario, baseline, run, baselineRun, origin: window.location.origin });
      await action(s);
      setStatus(`${label}: done.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="scenario-exports" role="group" aria-label="Scenario downloads">
      <button type="button" onClick={act("Deck", (s) => downloadSlides(s, s.charts, true, deliverableName("deck", s, "pptx")))}>Deck (.pptx)</button>
      <button type="button" onClick={act("Data", (s) => downloadDataPackage(s, s.charts, deliverableName("scenario", s, "zip")))}>Data (.zip)</button>
      <button type="button" onClick={act("Workbook", (s) => downloadWorkbook(s, deliverableName("workbook", s, "xlsx")))}>Workbook (.xlsx)</button>
      <span className="export-status" role="status" aria-live="polite">{status}</span>
    </span>
  );
}
