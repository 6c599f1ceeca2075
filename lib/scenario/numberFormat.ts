import type { ParamSpec } from "../model";

/** Decimal places of a slider step: 0.05 → 2, 0.005 → 3, 1 → 0, 50 → 0. */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 6;
  for (let d = 0; d < 10; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 10;
}

/**
 * Rounds a value to the decimal places of a parameter's step (not to the step grid: a typed 1.23 on a
 * 0.05 slider stays 1.23). The result k / 10^d is the double nearest to that decimal, so formatting it
 * and parsing it back gives the same number: rounding is idempotent and round trips are exact.
 */
export function roundToStep(value: number, step: number): number {
  const f = 10 ** stepDecimals(step);
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r; // no "-0"
}

/** The one number format of share URLs and exports: rounded to the step's decimals, no trailing zeros. */
export function formatStepValue(value: number, step: number): string {
  // String() of k / 10^d is the shortest decimal that reads back to it; it uses an exponent only
  // below 1e-6 or from 1e21, which no catalog range reaches.
  return String(roundToStep(value, step));
}

/** A parameter's value as written in URLs and exports, e.g. "1.2". */
export function formatParamValue(spec: Pick<ParamSpec, "step">, value: number): string {
  return formatStepValue(value, spec.step);
}

/** A parameter's value with its unit, e.g. "1.2 × plan", "30 months". */
export function formatParamWithUnit(spec: Pick<ParamSpec, "step" | "unit">, value: number): string {
  return spec.unit ? `${formatParamValue(spec, value)} ${spec.unit}` : formatParamValue(spec, value);
}
