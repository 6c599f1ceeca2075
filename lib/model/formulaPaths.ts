/**
 * Formulas applied to drivers: a formula's monthly values, checked against the driver's domain. A formula
 * that cannot be compiled, or whose value in any month is not finite or outside the driver's bounds, is an
 * error: the driver keeps its default path and the run's warning says why. Nothing is clamped silently.
 */
import { compiledFormula } from "./formulaEngine";
import type { CompiledFormula } from "./formulaSyntax";
import { monthLabel } from "./time";

/** The values a driver may take: [lo, hi], and how to say so. */
export interface DriverBounds {
  lo: number;
  hi: number;
  /** Why a value below lo is refused, e.g. "a share must be between 0 and 1". */
  loReason: string;
  /** Why a value above hi is refused. */
  hiReason: string;
}

/** Why a formula is not used: the message, and where it is in the text or in time when known. */
export interface FormulaProblem {
  message: string;
  /** 0-based character index in the formula text. */
  position?: number;
  /** The first month ("YYYY-MM") with a refused value. */
  month?: string;
}

/** A formula's monthly values, or the problem that keeps it from being used. */
export type FormulaOutcome = { ok: true; values: Float64Array } | { ok: false; problem: FormulaProblem; pending?: boolean };

const fmt = (v: number) => String(Number(v.toPrecision(4)));
/** Why a value is not finite, in words (the page never shows a bare NaN or Infinity). */
const notFinite = (v: number) =>
  Number.isNaN(v) ? "is not a number (e.g. 0/0, or sqrt or log of a negative number)" : `is ${v > 0 ? "" : "minus "}infinite (e.g. a division by zero or a power that overflows)`;

/** Evaluates a compiled formula month by month over `base` (the default path), checking every value. */
export function evaluateFormula(f: CompiledFormula, params: Record<string, number>, base: Float64Array, bounds: DriverBounds): FormulaOutcome {
  const n = base.length;
  const values = new Float64Array(n);
  const scope: Record<string, number> = { ...params, t: 0, year: 2024, base: 0 };
  for (let t = 0; t < n; t++) {
    scope.t = t;
    scope.year = 2024 + t / 12;
    scope.base = base[t];
    let v = f(scope);
    const when = `${monthLabel(t)} (t = ${t})`;
    if (!Number.isFinite(v)) return { ok: false, problem: { message: `The formula's value in ${when} ${notFinite(v)}.`, month: monthLabel(t) } };
    // Values too small to mean anything (denormals) count as zero.
    if (Math.abs(v) < 1e-12) v = 0;
    if (v < bounds.lo) return { ok: false, problem: { message: `The formula gives ${fmt(v)} in ${when}; ${bounds.loReason}.`, month: monthLabel(t) } };
    if (v > bounds.hi) return { ok: false, problem: { message: `The formula gives ${fmt(v)} in ${when}; ${bounds.hiReason}.`, month: monthLabel(t) } };
    values[t] = v;
  }
  return { ok: true, values };
}

/** Compiles (memoized) and evaluates one formula; `pending` when the formula engine is not loaded yet. */
export function formulaOutcome(text: string, params: Record<string, number>, base: Float64Array, bounds: DriverBounds): FormulaOutcome {
  const f = compiledFormula(text);
  if (f === null) return { ok: false, pending: true, problem: { message: "The formula engine is not loaded yet (loadFormulaEngine)." } };
  if (f instanceof Error) return { ok: false, problem: { message: f.message, ...(f.position !== undefined ? { position: f.position } : {}) } };
  return evaluateFormula(f, params, base, bounds);
}

/**
 * Replaces each driver in `paths` that has a usable formula by the formula's values; every formula that
 * cannot be used leaves its driver's default path and adds a warning saying why.
 */
export function applyFormulas(
  paths: Record<string, Float64Array>,
  params: Record<string, number>,
  formulas: Record<string, string>,
  boundsOf: (id: string, base: Float64Array) => DriverBounds,
  warnings: string[],
): void {
  for (const [id, text] of Object.entries(formulas)) {
    if (!Object.prototype.hasOwnProperty.call(paths, id)) {
      warnings.push(`Formula for unknown driver "${id}" ignored.`);
      continue;
    }
    const r = formulaOutcome(text, params, paths[id], boundsOf(id, paths[id]));
    if (r.ok) paths[id] = r.values;
    else warnings.push(`Formula for ${id} not used, default path kept: ${r.problem.message}`);
  }
}
