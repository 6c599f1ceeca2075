"use client";
import { useMemo, useState } from "react";
import { PRESETS } from "@/lib/scenario/presets";
import { encodeScenario } from "@/lib/scenario/url";
import { useSavedScenarios } from "@/lib/store/useSavedScenarios";
import { useWorkspace } from "@/lib/store/StoreProvider";
import { compareCsv, compareTable, MAX_COMPARED, sortedColumns, type CompareColumn } from "./compareState";
import { downloadText } from "./download";

/** A table comparing up to six scenarios (the current one, saved ones, presets) × the headline metrics. */
export function CompareTable() {
  const { list } = useSavedScenarios();
  const scenario = useWorkspace((s) => s.scenario);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>(["current", "preset:baseline"]);
  const [sort, setSort] = useState<{ id: string | null; desc: boolean }>({ id: null, desc: false });
  const options = useMemo(() => {
    const o: (CompareColumn & { key: string })[] = [{ key: "current", label: "Current scenario", query: encodeScenario(scenario) }];
    for (const s of list) o.push({ key: `saved:${s.id}`, label: s.name, query: s.query });
    for (const p of PRESETS) o.push({ key: `preset:${p.id}`, label: `Preset: ${p.label}`, query: encodeScenario({ presetId: p.id, overrides: {} }) });
    return o;
  }, [list, scenario]);
  const chosen = picked.map((k) => options.find((o) => o.key === k)).filter((o): o is NonNullable<typeof o> => !!o);
  const table = useMemo(() => (open && chosen.length ? compareTable(chosen) : null), [open, chosen]);
  const order = table ? sortedColumns(table, sort.id, sort.desc) : [];
  const toggle = (key: string) => setPicked((p) => (p.includes(key) ? p.filter((k) => k !== key) : p.length >= MAX_COMPARED ? p : [...p, key]));
  return (
    <details className="compare panel-box" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-compare="">
      <summary>Compare scenarios ({chosen.length} of up to {MAX_COMPARED})</summary>
      <fieldset className="compare-pick">
        <legend>Scenarios (the first ticked is the reference)</legend>
        {options.map((o) => (
          <label key={o.key}>
            <input type="checkbox" checked={picked.includes(o.key)} disabled={!picked.includes(o.key) && picked.length >= MAX_COMPARED} onChange={() => toggle(o.key)} /> {o.label}
          </label>
        ))}
      </fieldset>
      {table ? (
        <>
          <div className="compare-scroll">
            <table className="compare-table">
              <caption>Headline metrics; below each value, its change from “{table.columns[0].label}”. Click a metric to sort the other scenarios by it.</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  {order.map((i) => (
                    <th scope="col" key={i}>
                      <a href={table.columns[i].href}>{table.columns[i].label}</a>
                      {table.columns[i].issues ? <span className="muted"> ({table.columns[i].issues} link values ignored)</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.id} data-compare-row={r.id}>
                    <th scope="row">
                      <button type="button" className="linklike" aria-label={`Sort scenarios by ${r.label}`} aria-pressed={sort.id === r.id} onClick={() => setSort((s) => ({ id: r.id, desc: s.id === r.id ? !s.desc : false }))}>
                        {r.label}{sort.id === r.id ? (sort.desc ? " ▼" : " ▲") : ""}
                      </button>
                    </th>
                    {order.map((i) => (
                      <td key={i}>
                        {r.cells[i].text}
                        {r.cells[i].delta ? <span className="compare-delta">{r.cells[i].delta}</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={() => downloadText(`chokepoint_compare_${new Date().toISOString().slice(0, 10)}.csv`, compareCsv(table, order, window.location.origin), "text/csv")}>Export CSV</button>
        </>
      ) : open ? <p className="muted">Tick at least one scenario.</p> : null}
    </details>
  );
}
