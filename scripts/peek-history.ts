import history from "../data/history.json";
import { simulate } from "../lib/model/simulate";
const params: Record<string, number> = {};
for (const a of process.argv.slice(2)) { const [k, v] = a.split("="); params[k] = Number(v); }
const run = simulate({ params, policy: "priority" });
const idx = (m: string) => run.months.indexOf(m);
function range(period: string): [number, number] {
  if (/^\d{4}$/.test(period)) return [idx(`${period}-01`), idx(`${period}-12`)];
  const q = period.match(/^(\d{4})-Q(\d)$/);
  if (q) { const s = (Number(q[2]) - 1) * 3 + 1; return [idx(`${q[1]}-${String(s).padStart(2, "0")}`), idx(`${q[1]}-${String(s + 2).padStart(2, "0")}`)]; }
  const r = period.match(/^(\d{4}-\d{2})\/(\d{4}-\d{2})$/);
  if (r) return [idx(r[1]), idx(r[2])];
  return [idx(period), idx(period)];
}
function agg(series: string | string[], period: string, how: string): number | null {
  const ids = Array.isArray(series) ? series : [series];
  if (ids.some((i) => !run.series[i])) return null;
  const [a, b] = range(period);
  if (a < 0 || b < 0) return null;
  const v = (t: number) => ids.reduce((s, i) => s + run.series[i][t], 0);
  if (how === "end") return v(b);
  let s = 0; for (let t = a; t <= b; t++) s += v(t);
  return how === "sum" ? s : s / (b - a + 1);
}
/** The parts of a history entry this script reads. */
interface Entry {
  id: string;
  period: string;
  value: number | { low: number | null; high: number | null };
  tolerance?: { relative?: number };
  mapsTo?: { series: string | string[]; aggregation: string; of: string; base: string; scale?: number };
}
for (const e of (history as unknown as { entries: Entry[] }).entries) {
  const mt = e.mapsTo; if (!mt) continue;
  let val: number | null;
  if (mt.aggregation === "ratio") { const x = agg(mt.series, e.period, mt.of), y = agg(mt.series, mt.base, mt.of); val = x != null && y ? x / y : null; }
  else val = agg(mt.series, e.period, mt.aggregation);
  if (val != null && mt.scale) val *= mt.scale;
  const lo = typeof e.value === "number" ? e.value : e.value.low, hi = typeof e.value === "number" ? e.value : e.value.high;
  const tol = e.tolerance?.relative ?? 0;
  const ok = val == null ? "  ?" : (lo == null || val >= lo / (1 + tol)) && (hi == null || val <= hi * (1 + tol)) ? " ok" : " XX";
  const f = (x: number | null) => x == null ? "-" : Math.abs(x) >= 1e5 ? x.toExponential(2) : x.toFixed(3);
  console.log(ok, e.id.padEnd(34), f(val).padStart(10), "  [", f(lo), "…", f(hi), "]");
}
