"use client";
import { useState } from "react";
import type { Provenance } from "@/lib/model";
import { changedAssumptionRows } from "@/lib/export";
import { MODEL_VERSION } from "@/lib/export/version";
import { PRESET_BY_ID } from "@/lib/scenario/presets";
import { useWorkspace } from "@/lib/store/StoreProvider";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
import { queryOf, type LinkNotice } from "@/lib/store/urlSync";
import { linkTo } from "@/lib/scenario/url";
import { MetricCards } from "./MetricCards";
import { Charts } from "./Charts";
import { UrlNotice } from "./UrlNotice";
import { RunWarnings } from "./RunWarnings";
import { hasFormulas } from "@/lib/store/derive";
import { useFormulaEngine } from "@/lib/store/formulaEngineStatus";

const CONFIDENCE: Record<string, string> = { H: "high", M: "medium", L: "low", "H/M": "high to medium", "M–L": "medium to low" };

/** A provenance in one line: source, date and confidence, or the assumption's reasoning. */
function provenanceText(p?: Provenance): string {
  if (!p) return "formula written in the link";
  return p.kind === "source" ? `${p.source} (${p.date}; confidence ${CONFIDENCE[p.confidence] ?? p.confidence})` : `Assumption: ${p.reasoning}`;
}

/** The changed assumptions of a scenario with their provenance, as a table. */
function AssumptionTable({ rows, caption }: { rows: ReturnType<typeof changedAssumptionRows>; caption: string }) {
  if (!rows.length) return <p className="muted">{caption}: none; the preset as is.</p>;
  return (
    <table className="assumptions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Assumption</th>
          <th scope="col">This scenario</th>
          <th scope="col">Preset</th>
          <th scope="col">Provenance of the preset value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-assumption={r.id}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
            <td>{r.presetValue}</td>
            <td className="muted">{provenanceText(r.provenance)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The brief: scenario name and thesis, changed assumptions with provenance, metric cards, every chart and the calibration table. */
export function Brief() {
  const url = useUrlScenario({ sync: false });
  const [dismissed, setDismissed] = useState<LinkNotice | null>(null);
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const preset = PRESET_BY_ID.get(scenario.presetId);
  const basePreset = baseline ? PRESET_BY_ID.get(baseline.presetId) : null;
  const query = queryOf({ scenario, baseline });
  // Ready for print only once formulas, if any, are applied (the formula engine loads on demand).
  const engine = useFormulaEngine(hasFormulas(scenario) || hasFormulas(baseline));
  const ready = url.ready && (!(hasFormulas(scenario) || hasFormulas(baseline)) || engine === "ready" || engine === "failed");
  return (
    <article className="brief" data-scenario-ready={ready ? "true" : "false"}>
      <nav className="brief-nav no-print" aria-label="Brief actions">
        <a className="button-link" href={linkTo("/", query)}>← Back to the workspace</a>
        <button type="button" className="button-link" onClick={() => window.print()}>Print or save as PDF</button>
      </nav>
      {url.notice === dismissed ? null : <UrlNotice notice={url.notice} editable={false} onDismiss={() => setDismissed(url.notice)} />}
      <RunWarnings />
      <header className="brief-head">
        <p className="brief-kicker">Chokepoint scenario brief · model {MODEL_VERSION}</p>
        <h1>{preset?.label ?? scenario.presetId}</h1>
        <p className="brief-thesis">{preset?.thesis}</p>
        <p className="muted">Source of the thesis: {preset?.source}</p>
        {basePreset ? <p className="brief-baseline">Compared with a pinned baseline: <b>{basePreset.label}</b>{Object.keys(baseline!.overrides).length ? " with edits" : ""} (dotted on the charts; changes on the cards).</p> : null}
      </header>
      <section className="brief-section" aria-label="Changed assumptions">
        <h2>Assumptions changed from the preset</h2>
        <AssumptionTable rows={changedAssumptionRows(scenario)} caption="This scenario" />
        {baseline ? <AssumptionTable rows={changedAssumptionRows(baseline)} caption="The pinned baseline" /> : null}
      </section>
      <MetricCards />
      <Charts exportable={false} />
      <footer className="brief-foot">
        <p>Scenario link: <a href={linkTo("/", query)}>{linkTo("/", query)}</a></p>
      </footer>
    </article>
  );
}
