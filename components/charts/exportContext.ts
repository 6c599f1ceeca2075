"use client";
import { createContext, useContext } from "react";
import type { Run } from "@/lib/model";
import type { ScenarioState } from "@/lib/scenario/presets";
import type { ScenarioExport } from "@/lib/export";

/** What a chart's export needs beyond the chart: the scenario, its run and the pinned baseline's, and the link. */
export interface ChartExportContext {
  scenario: ScenarioState;
  run: Run;
  baseline: ScenarioState | null;
  baselineRun: Run | null;
  /** The full share URL of the scenario (flushed into the address bar first). */
  scenarioUrl(): string;
  /** The scenario's deliverable content (title, link, digest, date, assumptions, cards, every chart's data), built by code loaded on demand. */
  deliverable(): Promise<ScenarioExport>;
}

/** Provided by the workspace; absent on the brief and in tests, where charts have no export menu. */
export const ExportContext = createContext<ChartExportContext | null>(null);

/** The export context of the enclosing workspace, or null. */
export function useExportContext(): ChartExportContext | null {
  return useContext(ExportContext);
}
