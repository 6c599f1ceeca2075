"use client";
import { useMemo, useState } from "react";
import type { Run } from "@/lib/model";
import { compareHistory } from "@/lib/scenario/history";
import { historySummary } from "@/lib/scenario/historyFormat";
import { historyRows, type HistoryFilter } from "./historyState";
import { HistoryRowsTable } from "./HistoryRowsTable";

const FILTERS: { id: HistoryFilter; label: string }[] = [
  { id: "all", label: "All" },
  { id: "missed", label: "Missed" },
  { id: "met", label: "Met" },
  { id: "notComparable", label: "Not comparable" },
];

/** The history panel's body: loaded with the figures (data/history.json) when the panel is first opened. */
export default function HistoryTable({ run }: { run: Run }) {
  const [filter, setFilter] = useState<HistoryFilter>("missed");
  const compared = useMemo(() => compareHistory(run), [run]);
  const rows = historyRows(compared, filter);
  return (
    <>
      <p data-history-summary="">
        {historySummary(compared)} A figure is met when the model is inside its band widened by the figure&apos;s stated tolerance; history
        is matched by mechanism and data, not by tuning (docs/model.md §15).
      </p>
      <fieldset className="history-filter">
        <legend>Show</legend>
        {FILTERS.map((f) => (
          <label key={f.id}>
            <input type="radio" name="history-filter" checked={filter === f.id} onChange={() => setFilter(f.id)} /> {f.label}
          </label>
        ))}
      </fieldset>
      <div className="compare-scroll">
        <HistoryRowsTable
          className="compare-table history-table"
          full
          rows={rows}
          caption={`${rows.length} figure${rows.length === 1 ? "" : "s"}; the model's value in the figure's unit, against the public band (the accepted band in brackets).`}
        />
      </div>
    </>
  );
}
