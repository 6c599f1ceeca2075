import type { ParamSpec } from "@/lib/model";

/** Decimal places implied by a slider step (0.005 → 3). */
export function decimalsOf(step: number): number {
  const s = String(step);
  const e = s.indexOf("e-");
  if (e >= 0) return Number(s.slice(e + 2));
  return (s.split(".")[1] ?? "").length;
}

/**
 * One number format per count of decimals, made once: `toLocaleString` with options builds a formatter on every
 * call, which costs tens of milliseconds the first time in a browser, inside the key press that moved a slider.
 */
const FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let f = FORMATS.get(decimals);
  if (!f) FORMATS.set(decimals, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals })));
  return f;
}

/** A parameter's value with its unit, at the precision of its step. */
export function fmtParam(v: number, spec: Pick<ParamSpec, "step" | "unit">): string {
  if (!Number.isFinite(v)) return "—";
  const d = decimalsOf(spec.step);
  const n = numberFormat(d).format(Number(v.toFixed(d)));
  return spec.unit.startsWith("×") ? `${spec.unit === "×" ? "×" : ""}${n}${spec.unit === "×" ? "" : ` ${spec.unit}`}` : `${n} ${spec.unit}`;
}
