import type { HistoryComparison } from "@/lib/scenario/history";
import { fmtBand, fmtFigure } from "@/lib/scenario/historyFormat";

/** Which figures the history panel lists. */
export type HistoryFilter = "all" | "missed" | "met" | "notComparable";

/** One row of the history panel, as written on screen. */
export interface HistoryRow {
  id: string;
  figure: string;
  period: string;
  /** The model's value in the figure's unit, or "—" when it cannot be read. */
  model: string;
  /** The public figure's band, then the band the comparison accepts (its tolerance). */
  band: string;
  accepted: string;
  /** The model's value against the figure's central value ("×0.83"), or "". */
  ratio: string;
  status: "met" | "missed" | "not comparable";
  /** Why a figure is not compared, or "". */
  reason: string;
  source: string;
}

/** The rows of a comparison that a filter keeps, written for the panel (pure). */
export function historyRows(rows: readonly HistoryComparison[], filter: HistoryFilter): HistoryRow[] {
  const keep = (r: HistoryComparison) =>
    filter === "all" || (filter === "missed" && r.within === false) || (filter === "met" && r.within === true) || (filter === "notComparable" && r.within === null);
  return rows.filter(keep).map((r) => ({
    id: r.id,
    figure: `${r.quantity} (${r.unit})`,
    period: r.period,
    model: r.model === null ? "—" : fmtFigure(r.model),
    band: fmtBand(r.expected),
    accepted: fmtBand(r.accepted),
    ratio: r.ratio === null || !Number.isFinite(r.ratio) ? "" : `×${Number(r.ratio.toPrecision(2))}`,
    status: r.within === true ? "met" : r.within === false ? "missed" : "not comparable",
    reason: r.reason,
    source: r.source,
  }));
}
