/**
 * How a history comparison is written, shared by docs/model.md §15's table (scripts/history-table.ts) and the
 * workspace's history panel. Type-only imports: the history data itself stays out of what imports this.
 */
import type { Band, HistoryComparison } from "./history";

/** A figure as the table writes it: 3 significant digits, thousands separated below a million, powers of ten above. */
export function fmtFigure(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) {
    const [m, e] = x.toExponential(2).split("e");
    return `${Number(m)}e${Number(e)}`;
  }
  if (a >= 1000) return Math.round(x).toLocaleString("en-US");
  return String(Number(x.toPrecision(3)));
}

/** A band as "low–high", one value when both ends agree, or "≥ low" / "≤ high" when one end is open. */
export function fmtBand(b: Band): string {
  if (b.low !== null && b.high !== null) return fmtFigure(b.low) === fmtFigure(b.high) ? fmtFigure(b.low) : `${fmtFigure(b.low)}–${fmtFigure(b.high)}`;
  if (b.low !== null) return `≥ ${fmtFigure(b.low)}`;
  return b.high !== null ? `≤ ${fmtFigure(b.high)}` : "any";
}

/** Counts of a comparison: figures met, missed, and not comparable (series or period outside the model). */
export function historyCounts(rows: readonly HistoryComparison[]): { met: number; missed: number; notComparable: number; total: number } {
  let met = 0, missed = 0;
  for (const r of rows) if (r.within === true) met++;
  else if (r.within === false) missed++;
  return { met, missed, notComparable: rows.length - met - missed, total: rows.length };
}

/** The summary line under the table: "53 met, 47 missed, 15 not comparable (…) of 115." */
export function historySummary(rows: readonly HistoryComparison[]): string {
  const c = historyCounts(rows);
  return `${c.met} met, ${c.missed} missed, ${c.notComparable} not comparable (series or period outside the model) of ${c.total}.`;
}
