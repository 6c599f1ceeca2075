import type { ParamSpec } from "@/lib/model";

/** Decimal places implied by a slider step (0.005 → 3). */
export function decimalsOf(step: number): number {
  const s = String(step);
  const e = s.indexOf("e-");
  if (e >= 0) return Number(s.slice(e + 2));
  return (s.split(".")[1] ?? "").length;
}

/** A parameter's value with its unit, at the precision of its step. */
export function fmtParam(v: number, spec: Pick<ParamSpec, "step" | "unit">): string {
  if (!Number.isFinite(v)) return "—";
  const n = Number(v.toFixed(decimalsOf(spec.step))).toLocaleString("en-US", { maximumFractionDigits: decimalsOf(spec.step) });
  return spec.unit.startsWith("×") ? `${spec.unit === "×" ? "×" : ""}${n}${spec.unit === "×" ? "" : ` ${spec.unit}`}` : `${n} ${spec.unit}`;
}
