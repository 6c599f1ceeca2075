"use client";
import type { Run } from "@/lib/model";
import type { HistoryRow } from "./historyState";
import { HistoryRowsTable } from "./HistoryRowsTable";

/** What the brief prints of the history comparison: its summary and the figures the scenario misses. */
export interface BriefHistoryView {
  summary: string;
  missed: HistoryRow[];
}

/** Loads the history figures (on demand: they are not in the page's first-load JS) and reads a run against them. */
export async function loadBriefHistory(): Promise<(run: Run) => BriefHistoryView> {
  const [{ compareHistory }, { historySummary }, { historyRows }] = await Promise.all([
    import("@/lib/scenario/history"),
    import("@/lib/scenario/historyFormat"),
    import("./historyState"),
  ]);
  return (run) => {
    const rows = compareHistory(run);
    return { summary: historySummary(rows), missed: historyRows(rows, "missed") };
  };
}

/** The brief's history section: the summary line and a compact table of the figures missed. */
export function BriefHistory({ view, failed }: { view: BriefHistoryView | null; failed: string | null }) {
  return (
    <section className="sheet brief-section sheet-history" data-sheet="history" aria-label="History 2024–2026">
      <h2>History 2024–2026: this scenario against public figures</h2>
      {failed ? <p className="notice" role="alert">Could not load the history figures: {failed}</p> : null}
      {view ? (
        <>
          <p data-history-summary="">
            {view.summary} A figure is met when the model is inside its band widened by the figure&apos;s stated tolerance (docs/model.md §15); every
            figure, with its source, is in the workspace&apos;s History panel.
          </p>
          {view.missed.length ? (
            <HistoryRowsTable className="assumptions history-missed" rows={view.missed} caption={`Figures missed (${view.missed.length})`} />
          ) : (
            <p>Every comparable figure is met.</p>
          )}
        </>
      ) : failed ? null : (
        <p className="muted">Loading the figures…</p>
      )}
    </section>
  );
}
