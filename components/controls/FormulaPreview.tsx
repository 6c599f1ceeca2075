"use client";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { max, min } from "d3-array";
import type { DriverFormulaCheck } from "@/lib/model";
import { monthLabel } from "@/lib/model";

const W = 260;
const H = 56;
const PAD = 3;

/** A small chart of the formula's path (solid) against the driver's default path (dashed). */
export function FormulaPreview({ check, unit }: { check: DriverFormulaCheck; unit: string }) {
  const def = Array.from(check.defaultPath);
  const f = check.outcome.ok ? Array.from(check.outcome.values) : null;
  const all = f ? def.concat(f) : def;
  const lo = Math.min(0, min(all) ?? 0);
  const hi = Math.max(lo + 1e-9, max(all) ?? 1);
  const x = scaleLinear().domain([0, Math.max(1, def.length - 1)]).range([PAD, W - PAD]);
  const y = scaleLinear().domain([lo, hi]).range([H - PAD, PAD]);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v));
  const last = def.length - 1;
  const fmt = (v: number) => Number(v.toPrecision(3)).toLocaleString("en-US");
  const label = f
    ? `Preview: the formula gives ${fmt(f[0])} in 2024-01 and ${fmt(f[last])} in ${monthLabel(last)}; the default path ${fmt(def[0])} and ${fmt(def[last])} (${unit}).`
    : `Preview: the default path, ${fmt(def[0])} in 2024-01 to ${fmt(def[last])} in ${monthLabel(last)} (${unit}); the formula is not used.`;
  return (
    <figure className="formula-preview">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-label={label}>
        <path d={path(def) ?? ""} fill="none" stroke="#8a94a3" strokeWidth={1.5} strokeDasharray="4 3" />
        {f ? <path d={path(f) ?? ""} fill="none" stroke="var(--accent, #1f6feb)" strokeWidth={2} /> : null}
      </svg>
      <figcaption className="muted">
        {f ? "— formula" : ""} <span className="dash">- - default path</span> · 2024-01 to {monthLabel(last)}, 0 to {fmt(hi)} {unit}
      </figcaption>
    </figure>
  );
}
