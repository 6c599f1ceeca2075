/**
 * One driver's formula checked the way the model applies it, for the editor: the default path, and the
 * formula's path or the problem that keeps the model from using it.
 */
import { defaultParams } from "./catalog";
import { defaultDriver, driverBounds } from "./drivers";
import { formulaOutcome, type FormulaOutcome } from "./formulaPaths";

/** A driver's default path beside what its formula gives (or why the formula is not used). */
export interface DriverFormulaCheck {
  defaultPath: Float64Array;
  outcome: FormulaOutcome;
}

/** Checks `text` as the formula of driver `id` under the scenario's parameters, over `n` months. */
export function checkDriverFormula(id: string, text: string, scenarioParams: Record<string, number>, n: number): DriverFormulaCheck {
  const params = { ...defaultParams(), ...scenarioParams };
  const defaultPath = defaultDriver(id, params, new Float64Array(n));
  return { defaultPath, outcome: formulaOutcome(text.trim(), params, defaultPath, driverBounds(id, defaultPath)) };
}
