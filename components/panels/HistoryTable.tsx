"use client";
import { useMemo, useState } from "react";
import type { Run } from "@/lib/model";
import { compareHistory } from "@/lib/scenario/history";
import { historySummary } from "@/lib/scenario/historyFormat";
import { historyRows, type HistoryFilter } from "./historyState";

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
        <table className="compare-table history-table">
          <caption>{rows.length} figure{rows.length === 1 ? "" : "s"}; the model&apos;s value in the figure&apos;s unit, against the public band (the accepted band in brackets).</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Period</th>
              <th scope="col">Model</th>
              <th scope="col">Public (accepted)</th>
              <th scope="col">Model ÷ figure</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-history-row={r.id} data-status={r.status}>
                <th scope="row">{r.figure}</th>
                <td>{r.period}</td>
                <td>{r.model}</td>
                <td>
                  {r.band} ({r.accepted})
                </td>
                <td>{r.ratio}</td>
                <td>{r.status}{r.reason ? <span className="muted">: {r.reason}</span> : null}</td>
                <td className="history-source">{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
