import { csvFormatRows } from "d3-dsv";
import type { Run } from "@/lib/model";
import { decodeScenario } from "@/lib/scenario/url";
import { clearingIndex } from "@/lib/scenario/clearing";
import { runOf } from "@/lib/store/derive";
import { asNumber, asPeak } from "../format";
import { INPUT_NAME } from "../charts/common";
import { clearsAtText, peakPriceText, peakThrottleText, revenueH100Text } from "./metricText";
import { CLEARS } from "./headlineCards";
import { clearsAtDelta, peakPriceDelta, peakThrottleDelta, revenueH100Delta, type MetricDelta } from "./metricDelta";

/** Most scenarios the comparison holds. */
export const MAX_COMPARED = 6;

/** A scenario in the comparison: a label and its share-link query. */
export interface CompareColumn {
  label: string;
  query: string;
}

/** One headline metric: its text in a run, its change against a reference run, and a number to sort by. */
interface MetricDef {
  id: string;
  label: string;
  text(run: Run): string;
  delta(run: Run, ref: Run): MetricDelta;
  sortKey(run: Run): number;
}

/** The headline metrics compared, as the metric cards show them. */
export const COMPARED_METRICS: readonly MetricDef[] = [
  ...CLEARS.map((r) => ({ id: `clearsAt.${r}`, label: `${INPUT_NAME[r]}: shortage clears`, text: (run: Run) => clearsAtText(run, r), delta: (run: Run, ref: Run) => clearsAtDelta(run, ref, r), sortKey: (run: Run) => clearingIndex(run, r) })),
  ...(["dram", "nand"] as const).map((r) => ({ id: `peakPrice.${r}`, label: `${INPUT_NAME[r]} peak price (× 2024-01)`, text: (run: Run) => peakPriceText(run, r), delta: (run: Run, ref: Run) => peakPriceDelta(run, ref, r), sortKey: (run: Run) => asPeak(run.metrics[`peakPrice.${r}`])?.value ?? NaN })),
  { id: "peakThrottleShare", label: "Peak share of tokens unserved", text: peakThrottleText, delta: peakThrottleDelta, sortKey: (run) => asPeak(run.metrics.peakThrottleShare)?.value ?? NaN },
  { id: "revenuePerGpuHour.h100.2027", label: "Revenue per H100-hour, 2027 (USD)", text: revenueH100Text, delta: revenueH100Delta, sortKey: (run) => asNumber(run.metrics["revenuePerGpuHour.h100.2027"]) },
];

/** The comparison: each column's run and, per metric, each column's text, change from the first column and sort key. */
export interface CompareTableState {
  columns: (CompareColumn & { href: string; issues: number })[];
  rows: { id: string; label: string; cells: { text: string; delta: string | null; sortKey: number }[] }[];
}

/** Builds the comparison of up to six scenarios (extra ones are dropped); each link goes through the URL codec. */
export function compareTable(columns: CompareColumn[]): CompareTableState {
  const cols = columns.slice(0, MAX_COMPARED).map((c) => {
    const d = decodeScenario(c.query);
    return { ...c, href: `/?${c.query}`, issues: d.issues.length, run: runOf(d.state) };
  });
  const ref = cols[0]?.run;
  return {
    columns: cols.map(({ run: _run, ...c }) => c),
    rows: COMPARED_METRICS.map((m) => ({
      id: m.id,
      label: m.label,
      cells: cols.map((c, k) => ({ text: m.text(c.run), delta: k === 0 || !ref ? null : m.delta(c.run, ref).text, sortKey: m.sortKey(c.run) })),
    })),
  };
}

/** Column order with the first (reference) column kept first and the others sorted by one metric's key. */
export function sortedColumns(t: CompareTableState, metricId: string | null, descending: boolean): number[] {
  const idx = t.columns.map((_, i) => i);
  const row = t.rows.find((r) => r.id === metricId);
  if (!row || idx.length < 3) return idx;
  const rest = idx.slice(1).sort((a, b) => {
    const x = row.cells[a].sortKey, y = row.cells[b].sortKey;
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return (descending ? y - x : x - y) || a - b;
  });
  return [0, ...rest];
}

/** The comparison as CSV: one row per metric, a value and a change column per scenario, the links in the last rows. */
export function compareCsv(t: CompareTableState, order: number[], origin: string): string {
  const cols = order.map((i) => t.columns[i]);
  const head = ["Metric", ...cols.flatMap((c, k) => (k === 0 ? [c.label] : [c.label, `${c.label}: change vs ${cols[0].label}`]))];
  const body = t.rows.map((r) => [r.label, ...order.flatMap((i, k) => (k === 0 ? [r.cells[i].text] : [r.cells[i].text, r.cells[i].delta ?? ""]))]);
  const links = ["Link", ...cols.flatMap((c, k) => (k === 0 ? [`${origin}${c.href}`] : [`${origin}${c.href}`, ""]))];
  return csvFormatRows([head, ...body, links]);
}
