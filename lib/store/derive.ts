import { simulate, type Run } from "@/lib/model";
import { resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { evaluateCalibration, type CalibrationRow } from "@/lib/scenario/calibration";

// The last scenario object and its run: the store replaces the scenario object on every edit, so identity is
// a sufficient cache key, and every component reading the run in one render shares one simulation.
let lastScenario: ScenarioState | null = null;
let lastRun: Run | null = null;

/** The model run of a scenario, memoized on the scenario object's identity. */
export function runOf(scenario: ScenarioState): Run {
  if (scenario !== lastScenario || !lastRun) {
    lastRun = simulate(resolveScenario(scenario));
    lastScenario = scenario;
  }
  return lastRun;
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
