import presetsJson from "../../data/presets.json";
import { CHOICES, PARAM_BY_ID, defaultParams, type Scenario, type ThrottlePolicy } from "../model";

/** A named scenario: a thesis, its source, and the parameters it changes from the catalog defaults. */
export interface Preset {
  id: string;
  label: string;
  thesis: string;
  source: string;
  params: Record<string, number>;
  policy: ThrottlePolicy;
}

/** Every preset, baseline first. */
export const PRESETS: readonly Preset[] = presetsJson.presets as Preset[];
/** Presets by id. */
export const PRESET_BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((p) => [p.id, p]));
/** The preset a scenario uses when none is named. */
export const DEFAULT_PRESET_ID = "baseline";

/** The throttling policies, in catalog order. */
export const POLICIES: readonly ThrottlePolicy[] = CHOICES.find((c) => c.id === "throttlePolicy")!.options.map((o) => o.id as ThrottlePolicy);

/** Every parameter's value under a preset (catalog defaults overlaid by the preset). */
export function presetParams(presetId: string): Record<string, number> {
  const preset = PRESET_BY_ID.get(presetId);
  if (!preset) throw new Error(`Unknown preset "${presetId}". Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  return { ...defaultParams(), ...preset.params };
}

/** What an analyst edits: a preset plus the parameters, policy and formulas changed from it. */
export interface ScenarioState {
  presetId: string;
  overrides: Record<string, number>;
  policy?: ThrottlePolicy;
  formulas?: Record<string, string>;
}

/** Resolves a preset and its overrides to the model's fully specified Scenario. */
export function resolveScenario(state: ScenarioState): Scenario {
  const preset = PRESET_BY_ID.get(state.presetId);
  if (!preset) throw new Error(`Unknown preset "${state.presetId}". Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const params = presetParams(state.presetId);
  for (const [id, v] of Object.entries(state.overrides)) if (PARAM_BY_ID.has(id)) params[id] = v;
  const formulas = state.formulas && Object.keys(state.formulas).length ? state.formulas : undefined;
  return { params, policy: state.policy ?? preset.policy, ...(formulas ? { formulas } : {}) };
}
