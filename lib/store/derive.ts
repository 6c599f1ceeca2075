import { formulaEngineReady, simulate, type Run } from "@/lib/model";
import { resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { evaluateCalibration, type CalibrationRow } from "@/lib/scenario/calibration";

// Runs keyed by scenario object: the store replaces the scenario object on every edit, so identity is a
// sufficient cache key; every component reading a run in one render shares one simulation, and the current
// scenario and a pinned baseline (or an undo step back) do not evict each other.
let runs = new WeakMap<ScenarioState, Run>();

/** Whether a scenario replaces any driver by a formula (and so needs the formula engine). */
export function hasFormulas(scenario: ScenarioState | null | undefined): boolean {
  return !!scenario?.formulas && Object.keys(scenario.formulas).length > 0;
}

/**
 * The model run of a scenario, memoized on the scenario object's identity. While the formula engine is
 * still loading, a scenario with formulas runs without them (not memoized; the page says it is loading).
 */
export function runOf(scenario: ScenarioState): Run {
  if (hasFormulas(scenario) && !formulaEngineReady()) return simulate(resolveScenario({ ...scenario, formulas: undefined }));
  let run = runs.get(scenario);
  if (!run) runs.set(scenario, (run = simulate(resolveScenario(scenario))));
  return run;
}

/** Forgets every memoized run (for tests). */
export function clearRunCache(): void {
  runs = new WeakMap();
}

/** The run of the scenario's preset with no edits (for marks at the preset's values). */
export function presetRunOf(presetId: string): Run {
  return runOf(presetScenario(presetId));
}

const presetScenarios = new Map<string, ScenarioState>();
function presetScenario(presetId: string): ScenarioState {
  let s = presetScenarios.get(presetId);
  if (!s) presetScenarios.set(presetId, (s = { presetId, overrides: {} }));
  return s;
}

let calibration: CalibrationRow[] | null = null;

/** Every seed claim checked under its own preset (computed once: it does not depend on the analyst's edits). */
export function calibrationRows(): CalibrationRow[] {
  return (calibration ??= evaluateCalibration());
}
