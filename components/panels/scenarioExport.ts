import type { Run } from "@/lib/model";
import { changedAssumptionRows, isoDate, MODEL_VERSION, provenanceText, scenarioDigest, scenarioLink, type AssumptionExport, type ScenarioExport } from "@/lib/export";
import { PRESET_BY_ID, type ScenarioState } from "@/lib/scenario/presets";
import { queryOf } from "@/lib/store/urlSync";
import { calibrationRows } from "@/lib/store/derive";
import { CHARTS } from "../charts/registry";
import { chartExportData } from "../charts/chartData";
import { headlineCards } from "./headlineCards";

/** What a scenario's deliverables are made from. */
export interface ScenarioExportInput {
  scenario: ScenarioState;
  baseline: ScenarioState | null;
  run: Run;
  baselineRun: Run | null;
  /** The app's origin (e.g. https://chokepoint.example), for the absolute link. */
  origin: string;
  /** The day of the export (today when absent). */
  date?: Date;
}

/** The changed assumptions of a scenario as export rows with provenance. */
function assumptionRows(state: ScenarioState, of: AssumptionExport["of"]): AssumptionExport[] {
  return changedAssumptionRows(state).map((r) => ({ of, id: r.id, label: r.label, value: r.value, presetValue: r.presetValue, provenance: provenanceText(r.provenance) }));
}

/** The scenario's deliverable content (pure): title, thesis, link, digest, date, version, assumptions, cards and every chart's data. */
export function scenarioExport(i: ScenarioExportInput): ScenarioExport {
  const query = queryOf({ scenario: i.scenario, baseline: i.baseline });
  const preset = PRESET_BY_ID.get(i.scenario.presetId);
  const basePreset = i.baseline ? PRESET_BY_ID.get(i.baseline.presetId) : null;
  const asOf = isoDate(i.date ?? new Date());
  const ctx = { presetId: i.scenario.presetId, calibration: calibrationRows, baseline: i.baselineRun };
  return {
    title: preset?.label ?? i.scenario.presetId,
    thesis: preset?.thesis ?? "",
    presetId: i.scenario.presetId,
    url: scenarioLink(i.origin, "/", query),
    digest: scenarioDigest(query),
    asOf,
    modelVersion: MODEL_VERSION,
    baselineNote: i.baseline ? `Compared with a pinned baseline: ${basePreset?.label ?? i.baseline.presetId}${Object.keys(i.baseline.overrides).length ? " with edits" : ""}` : undefined,
    assumptions: [...assumptionRows(i.scenario, "scenario"), ...(i.baseline ? assumptionRows(i.baseline, "baseline") : [])],
    cards: headlineCards(i.run, i.baselineRun).map((c) => ({ label: c.label, value: c.value, note: c.note ?? undefined, delta: c.delta?.text })),
    charts: CHARTS.map((c) => chartExportData(c.state(i.run, ctx), i.run, i.baselineRun, asOf)),
  };
}
