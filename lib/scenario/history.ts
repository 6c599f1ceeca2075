import * as z from "zod/mini";
import historyJson from "../../data/history.json";
import type { Run } from "../model";

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])(?:\/(\d{4})-(0[1-9]|1[0-2]))?)?$/;

const bandSchema = z.object({ low: z.nullable(z.number()), high: z.nullable(z.number()) });
const aggregationSchema = z.enum(["sum", "mean", "end", "ratio"]);
const entrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  quantity: z.string().check(z.minLength(1)),
  unit: z.string().check(z.minLength(1)),
  period: z.string().check(z.regex(PERIOD)),
  value: z.union([z.number(), bandSchema]),
  median: z.optional(z.number()),
  bound: z.optional(z.enum(["lower", "upper"])),
  source: z.string().check(z.minLength(1)),
  date: z.string().check(z.regex(/^\d{4}(-\d{2})?$/)),
  confidence: z.enum(["H", "M", "L"]),
  note: z.string(),
  mapsTo: z.object({
    series: z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
    aggregation: aggregationSchema,
    of: z.optional(z.enum(["sum", "mean", "end"])),
    base: z.optional(z.string().check(z.regex(PERIOD))),
    scale: z.optional(z.number().check(z.positive())),
  }),
  tolerance: z.object({ relative: z.number().check(z.gte(0)), reason: z.string().check(z.minLength(1)) }),
});
const fileSchema = z.object({
  schema: z.literal("chokepoint.history/1"),
  note: z.string(),
  proposedSeries: z.record(z.string(), z.string()),
  entries: z.array(entrySchema),
});

/** One public figure from data/history.json, with the model series and aggregation it is compared with. */
export type HistoryEntry = z.infer<typeof entrySchema>;
/** How an entry is read from a run: series (or series summed), aggregation over the period, optional scale. */
export type HistoryMapping = HistoryEntry["mapsTo"];
/** A band with open ends (null = unbounded on that side). */
export interface Band {
  low: number | null;
  high: number | null;
}

/** The parsed history file: entries plus the series ids it proposes for the model. */
export interface HistoryFile {
  entries: HistoryEntry[];
  proposedSeries: Record<string, string>;
}

/**
 * Parses and checks a history document (schema, unique ids, low ≤ high, ratio entries name a base, …);
 * returns the entries or the list of problems, never throws.
 */
export function parseHistory(json: unknown): { ok: true; file: HistoryFile } | { ok: false; errors: string[] } {
  const r = z.safeParse(fileSchema, json);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const e of r.data.entries) {
    if (seen.has(e.id)) errors.push(`${e.id}: duplicate id`);
    seen.add(e.id);
    if (typeof e.value === "object") {
      const { low, high } = e.value;
      if (low === null && high === null) errors.push(`${e.id}: value has neither low nor high`);
      if (low !== null && high !== null && low > high) errors.push(`${e.id}: low ${low} > high ${high}`);
    }
    if (e.mapsTo.aggregation === "ratio" && (!e.mapsTo.base || !e.mapsTo.of)) errors.push(`${e.id}: a ratio needs "of" and "base"`);
    if (e.mapsTo.aggregation !== "ratio" && (e.mapsTo.base || e.mapsTo.of)) errors.push(`${e.id}: "of" and "base" apply to ratios only`);
    if (!periodMonths(e.period)) errors.push(`${e.id}: period ${e.period} does not parse`);
    if (e.mapsTo.base && !periodMonths(e.mapsTo.base)) errors.push(`${e.id}: base ${e.mapsTo.base} does not parse`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, file: { entries: r.data.entries, proposedSeries: r.data.proposedSeries } };
}

const parsed = parseHistory(historyJson);
/** Problems found in data/history.json at load (empty when it is valid; then HISTORY is empty). */
export const HISTORY_ERRORS: readonly string[] = parsed.ok ? [] : parsed.errors;
/** Every history entry of data/history.json (checked at load; empty if the file is invalid, see HISTORY_ERRORS). */
export const HISTORY: readonly HistoryEntry[] = parsed.ok ? parsed.file.entries : [];
/** Series ids the history file proposes for the model (id pattern → description). */
export const PROPOSED_SERIES: Readonly<Record<string, string>> = parsed.ok ? parsed.file.proposedSeries : {};

/** The first and last month ("YYYY-MM") of a period: a month, a quarter "YYYY-Qn", a year "YYYY" or a range "YYYY-MM/YYYY-MM"; null if it does not parse or runs backwards. */
export function periodMonths(period: string): { first: string; last: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const [, y, q, mo, y2, mo2] = m;
  if (q) {
    const start = (Number(q) - 1) * 3 + 1;
    return { first: `${y}-${String(start).padStart(2, "0")}`, last: `${y}-${String(start + 2).padStart(2, "0")}` };
  }
  if (mo && y2) {
    const first = `${y}-${mo}`, last = `${y2}-${mo2}`;
    return first <= last ? { first, last } : null;
  }
  if (mo) return { first: `${y}-${mo}`, last: `${y}-${mo}` };
  return { first: `${y}-01`, last: `${y}-12` };
}

/** The figure's own band: a number is [v, v]; a lower (upper) bound opens the top (bottom). */
export function expectedBand(e: Pick<HistoryEntry, "value" | "bound">): Band {
  let band: Band = typeof e.value === "number" ? { low: e.value, high: e.value } : { low: e.value.low, high: e.value.high };
  if (e.bound === "lower") band = { low: band.low ?? band.high, high: null };
  if (e.bound === "upper") band = { low: null, high: band.high ?? band.low };
  return band;
}

/** The band widened by a relative tolerance t: low/(1+t) … high·(1+t) (for negative bounds the other way round). */
export function toleranceBand(band: Band, t: number): Band {
  const widen = (v: number | null, up: boolean) => (v === null ? null : (v >= 0) === up ? v * (1 + t) : v / (1 + t));
  return { low: widen(band.low, false), high: widen(band.high, true) };
}

/** Why an entry could not be compared. */
export type MissingReason = "series" | "period";

function seriesValues(run: Run, series: string | string[]): { values: (t: number) => number } | { missing: string[] } {
  const ids = Array.isArray(series) ? series : [series];
  const missing = ids.filter((id) => !run.series[id]);
  if (missing.length) return { missing };
  const arrays = ids.map((id) => run.series[id]);
  return { values: (t: number) => arrays.reduce((s, a) => s + a[t], 0) };
}

function window(run: Run, period: string): [number, number] | null {
  const p = periodMonths(period);
  if (!p) return null;
  const i0 = run.months.indexOf(p.first), i1 = run.months.indexOf(p.last);
  return i0 < 0 || i1 < 0 ? null : [i0, i1];
}

function reduce(values: (t: number) => number, [i0, i1]: [number, number], how: "sum" | "mean" | "end"): number {
  if (how === "end") return values(i1);
  let s = 0;
  for (let t = i0; t <= i1; t++) s += values(t);
  return how === "sum" ? s : s / (i1 - i0 + 1);
}

/**
 * Reads one mapping from a run over a period: the aggregated value (times scale), or why it cannot:
 * a series the run lacks, or a period (or ratio base) not wholly inside the run's months.
 */
export function aggregate(run: Run, mapping: HistoryMapping, period: string): { value: number } | { missing: MissingReason; detail: string } {
  const sv = seriesValues(run, mapping.series);
  if ("missing" in sv) return { missing: "series", detail: `series not in the model: ${sv.missing.join(", ")}` };
  const w = window(run, period);
  if (!w) return { missing: "period", detail: `period ${period} is not wholly inside the run (${run.months[0]}…${run.months.at(-1)})` };
  const scale = mapping.scale ?? 1;
  if (mapping.aggregation !== "ratio") return { value: reduce(sv.values, w, mapping.aggregation) * scale };
  const base = mapping.base ?? "";
  const wb = window(run, base);
  if (!wb) return { missing: "period", detail: `base period ${base} is not wholly inside the run (${run.months[0]}…${run.months.at(-1)})` };
  const how = mapping.of ?? "mean";
  const den = reduce(sv.values, wb, how);
  return { value: den === 0 ? NaN : reduce(sv.values, w, how) / den };
}

/** One history entry compared with a run. */
export interface HistoryComparison {
  id: string;
  quantity: string;
  unit: string;
  period: string;
  confidence: HistoryEntry["confidence"];
  source: string;
  /** The figure's band (open ends null). */
  expected: Band;
  /** The band after the entry's tolerance. */
  accepted: Band;
  /** The model's value in the entry's unit; null when it cannot be read. */
  model: number | null;
  /** Whether the model is inside the accepted band; null when the series or period is missing (or the value is not finite). */
  within: boolean | null;
  /** model ÷ the figure's central value (geometric mid of low and high, or the one bound); null when not comparable. */
  ratio: number | null;
  /** Why the entry was not compared, or "". */
  reason: string;
  series: string[];
}

/** The central value of a band: the geometric mean of positive bounds, else the arithmetic mean, else the one finite bound. */
export function centre(b: Band): number | null {
  if (b.low !== null && b.high !== null) return b.low > 0 && b.high > 0 ? Math.sqrt(b.low * b.high) : (b.low + b.high) / 2;
  return b.low ?? b.high;
}

/** Compares every history entry (or the given ones) with a run: expected band, model value, within tolerance, ratio. */
export function compareHistory(run: Run, entries: readonly HistoryEntry[] = HISTORY): HistoryComparison[] {
  return entries.map((e) => {
    const expected = expectedBand(e);
    const accepted = toleranceBand(expected, e.tolerance.relative);
    const got = aggregate(run, e.mapsTo, e.period);
    const base = {
      id: e.id, quantity: e.quantity, unit: e.unit, period: e.period, confidence: e.confidence, source: e.source, expected, accepted,
      series: Array.isArray(e.mapsTo.series) ? e.mapsTo.series : [e.mapsTo.series],
    };
    if ("missing" in got) return { ...base, model: null, within: null, ratio: null, reason: got.detail };
    if (!Number.isFinite(got.value)) return { ...base, model: null, within: null, ratio: null, reason: "the model's value is not finite (a zero base for a ratio?)" };
    const m = got.value;
    const within = (accepted.low === null || m >= accepted.low) && (accepted.high === null || m <= accepted.high);
    const c = centre(expected);
    return { ...base, model: m, within, ratio: c ? m / c : null, reason: "" };
  });
}
