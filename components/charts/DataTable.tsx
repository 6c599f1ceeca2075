import type { ChartTable } from "./types";

/** A chart's numbers as an HTML table. */
export function DataTable({ table, caption }: { table: ChartTable; caption: string }) {
  return (
    <div className="data-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>{r.map((v, j) => (j === 0 ? <th key={j} scope="row">{v}</th> : <td key={j}>{v}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
