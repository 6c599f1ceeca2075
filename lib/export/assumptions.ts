import { CHOICES, DRIVERS, PARAMS, type Provenance } from "../model";
import { formatParamWithUnit, roundToStep } from "../scenario/numberFormat";
import { PRESET_BY_ID, DEFAULT_PRESET_ID, presetParams, type ScenarioState } from "../scenario/presets";

/** One assumption changed from the preset, for exports and the brief. */
export interface AssumptionChange {
  /** Parameter id, "throttlePolicy", or "formula.<driverId>". */
  id: string;
  label: string;
  /** The scenario's value as shown, with its unit. */
  value: string;
  /** The preset's value as shown, with its unit. */
  presetValue: string;
  /** "Label: value (preset: value)". */
  text: string;
  provenance?: Provenance;
}

const policyName = (id: string) => {
  const label = CHOICES.find((c) => c.id === "throttlePolicy")?.options.find((o) => o.id === id)?.label ?? id;
  return label.split(" — ")[0];
};

/**
 * The assumptions a scenario changes from its preset, in catalog order: parameters whose value differs at
 * the slider's precision, the throttling policy, and formulas that replace a driver's default path.
 */
export function changedAssumptionRows(state: ScenarioState): AssumptionChange[] {
  const presetId = PRESET_BY_ID.has(state.presetId) ? state.presetId : DEFAULT_PRESET_ID;
  const preset = PRESET_BY_ID.get(presetId)!;
  const base = presetParams(presetId);
  const rows: AssumptionChange[] = [];
  for (const p of PARAMS) {
    if (!Object.prototype.hasOwnProperty.call(state.overrides, p.id)) continue;
    const v = state.overrides[p.id];
    if (typeof v !== "number" || !Number.isFinite(v) || roundToStep(v, p.step) === roundToStep(base[p.id], p.step)) continue;
    const value = formatParamWithUnit(p, v);
    const presetValue = formatParamWithUnit(p, base[p.id]);
    rows.push({ id: p.id, label: p.label, value, presetValue, text: `${p.label}: ${value} (preset: ${presetValue})`, provenance: p.provenance });
  }
  if (state.policy && state.policy !== preset.policy) {
    const choice = CHOICES.find((c) => c.id === "throttlePolicy");
    const label = choice?.label ?? "Throttling policy";
    const value = policyName(state.policy);
    const presetValue = policyName(preset.policy);
    rows.push({ id: "throttlePolicy", label, value, presetValue, text: `${label}: ${value} (preset: ${presetValue})`, provenance: choice?.provenance });
  }
  for (const d of DRIVERS) {
    const f = state.formulas?.[d.id];
    if (typeof f !== "string" || !f.trim()) continue;
    const value = `formula ${f.trim()}`;
    rows.push({ id: `formula.${d.id}`, label: d.label, value, presetValue: "default path", text: `${d.label} (${d.unit}): ${value} (preset: default path)` });
  }
  return rows;
}

/** The changed assumptions as lines: "Label: value unit (preset: value unit)". */
export function changedAssumptions(state: ScenarioState): string[] {
  return changedAssumptionRows(state).map((r) => r.text);
}
