import type { HistoryRow } from "./historyState";

/**
 * History figures as a table: figure, period, the model's value, the public band (accepted band in brackets) and the
 * model's ratio to it; `full` adds the status (with why a figure is not compared) and the source.
 */
export function HistoryRowsTable({ rows, caption, className, full = false }: { rows: readonly HistoryRow[]; caption: string; className: string; full?: boolean }) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Period</th>
          <th scope="col">Model</th>
          <th scope="col">Public (accepted)</th>
          <th scope="col">Model ÷ figure</th>
          {full ? <th scope="col">Status</th> : null}
          {full ? <th scope="col">Source</th> : null}
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
            {full ? <td>{r.status}{r.reason ? <span className="muted">: {r.reason}</span> : null}</td> : null}
            {full ? <td className="history-source">{r.source}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
