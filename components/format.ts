import { format } from "d3-format";
import type { MetricValue, PeakMetric } from "@/lib/model";

const si = format(".3~s");
const fixed2 = format(",.2f");
const pct0 = format(".0%");
const pct1 = format(".1%");
const tableNumber = format(",.4~r");
const tableExp = format(".4~e");

/** Shown wherever a number is missing or not finite: never "NaN" on screen. */
export const MISSING = "—";

/** A compact number with SI prefixes (1.2M, 350k); d3's "G" is spelled "B" (billions) as analysts read it. */
export function fmtCompact(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  if (Math.abs(v) < 1e-9) return "0";
  return si(v).replace("G", "B").replace("−", "-");
}

/** A share as a percentage. */
export function fmtShare(v: number, digits: 0 | 1 = 0): string {
  if (!Number.isFinite(v)) return MISSING;
  return (digits ? pct1 : pct0)(v);
}

/** A price multiple ("×3.2", "×1.2k"). */
export function fmtMultiple(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  return v < 1000 ? `×${format(",.3~r")(v)}` : `×${fmtCompact(v)}`;
}

/** US dollars with cents. */
export function fmtUsd(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  return `$${fixed2(v)}`;
}

/** A number with its unit, chosen by the unit's kind. */
export function fmtWithUnit(v: number, unit: string): string {
  if (!Number.isFinite(v)) return MISSING;
  if (unit.startsWith("share")) return fmtShare(v, 1);
  if (unit.startsWith("USD")) return `${fmtUsd(v)} ${unit.replace(/^USD\s*/, "")}`.trim();
  if (unit.startsWith("index")) return fmtMultiple(v);
  if (unit === "ratio") return format(".3~r")(v);
  return `${fmtCompact(v)} ${unit}`;
}

/** A number for a data table: 4 significant digits, plain notation below 10¹², scientific above. */
export function fmtTable(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  return Math.abs(v) >= 1e12 ? tableExp(v) : tableNumber(v);
}

/** Parses a data-table cell back to a number (for scripts and tests). */
export function parseTable(text: string): number {
  return text === MISSING ? NaN : Number(text.replace(/,/g, "").replace("−", "-"));
}

/** Narrows a metric value to a peak. */
export function asPeak(v: MetricValue | undefined): PeakMetric | null {
  return v && typeof v === "object" && "value" in v ? v : null;
}

/** Narrows a metric value to a number. */
export function asNumber(v: MetricValue | undefined): number {
  return typeof v === "number" && Number.isFinite(v) ? v : NaN;
}
