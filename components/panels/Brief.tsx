"use client";
import { useEffect, useMemo, useState } from "react";
import { changedAssumptionRows, isoDate, provenanceText, scenarioDigest, scenarioLink } from "@/lib/export";
import { MODEL_VERSION } from "@/lib/export/version";
import { qrSvg } from "@/lib/export/qr";
import { PRESET_BY_ID } from "@/lib/scenario/presets";
import { calibrationRows } from "@/lib/store/derive";
import { useBaselineRun, useRun, useScenarioShown, useWorkspace } from "@/lib/store/StoreProvider";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
import { queryOf, type LinkNotice } from "@/lib/store/urlSync";
import { RunWarnings } from "./RunWarnings";
import { CHARTS } from "../charts/registry";
import { withPassShares, type CalibrationState, type PassShares } from "../charts/calibrationState";
import { MetricCards } from "./MetricCards";
import { ScenarioExports } from "./ScenarioExports";
import { UrlNotice } from "./UrlNotice";
import { chartPages, cssString, footerText } from "./briefLayout";
import { BriefHistory, loadBriefHistory, type BriefHistoryView } from "./BriefHistory";

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

/**
 * Adds a style sheet for the printed page footer while mounted: a constructed sheet (CSSOM) rather than a <style>
 * element, so that a Content-Security-Policy without inline styles does not drop it.
 */
function usePrintFooter(css: string | null) {
  useEffect(() => {
    if (!css) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}

/** The QR code of the scenario link, or a note when the link is too long for one. */
function LinkQr({ url }: { url: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    qrSvg(url).then(
      (s) => live && (setSvg(s), setFailed(false)),
      () => live && (setSvg(null), setFailed(true)),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (failed) return <p className="muted brief-qr-note">This link is too long for a QR code; use the link printed beside it.</p>;
  // qrcode's output is paths and rects only (the link is not in it as text).
  return svg ? <div className="brief-qr" role="img" aria-label="QR code of the scenario link" data-qr="" dangerouslySetInnerHTML={{ __html: svg }} /> : <div className="brief-qr" aria-hidden="true" />;
}

/**
 * The brief as a report for print or PDF (A4 or US Letter): a first page with the scenario's title, thesis, date,
 * model version, headline cards, link and its QR code; the charts two per page, each with its reading; the changed
 * assumptions with provenance; the calibration table; the figures of 2024–2026 history the scenario misses. Every
 * printed page carries the link and its page number.
 */
export function Brief({ passShares }: { passShares?: PassShares | null }) {
  const url = useUrlScenario({ sync: false });
  const [dismissed, setDismissed] = useState<LinkNotice | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const run = useRun();
  const baselineRun = useBaselineRun();
  // The origin and today's date are known only in the browser (the page itself is static).
  useEffect(() => {
    setOrigin(window.location.origin);
    setAsOf(isoDate(new Date()));
  }, []);
  const preset = PRESET_BY_ID.get(scenario.presetId);
  const basePreset = baseline ? PRESET_BY_ID.get(baseline.presetId) : null;
  const query = queryOf({ scenario, baseline });
  const link = scenarioLink(origin ?? "", "/", query);
  const digest = scenarioDigest(query);
  const presetId = scenario.presetId;
  const states = useMemo(() => CHARTS.map((c) => ({ c, state: c.state(run, { presetId, calibration: calibrationRows, baseline: baselineRun }) })), [run, presetId, baselineRun]);
  const timeCharts = states.filter((s) => s.c.id !== "calibration");
  const calibration = states.find((s) => s.c.id === "calibration");
  const byId = new Map(states.map((s) => [s.c.id, s]));
  const footer = `@media print { @page { @bottom-left { content: ${cssString(footerText(link, digest))}; } } }`;
  usePrintFooter(origin ? footer : null);

  // The history figures load on demand; the page is ready for print once they are read (or failed to load).
  const [readHistory, setReadHistory] = useState<((r: typeof run) => BriefHistoryView) | null>(null);
  const [historyFailed, setHistoryFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadBriefHistory().then(
      (f) => live && setReadHistory(() => f),
      (e: unknown) => live && setHistoryFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const history = useMemo(() => (readHistory ? readHistory(run) : null), [readHistory, run]);

  // Ready for print only once the run shown is this scenario's, formulas (loaded on demand) applied, and its history read.
  const shown = useScenarioShown();
  const ready = url.ready && shown && (history !== null || historyFailed !== null);
  return (
    <article className="brief" data-scenario-ready={ready && origin ? "true" : "false"}>
      <nav className="brief-nav no-print" aria-label="Brief actions">
        <a className="button-link" href={`/?${query}`}>← Back to the workspace</a>
        <button type="button" className="button-link" onClick={() => window.print()}>Print or save as PDF</button>
        <ScenarioExports />
      </nav>
      {url.notice === dismissed ? null : <UrlNotice notice={url.notice} editable={false} onDismiss={() => setDismissed(url.notice)} />}
      <RunWarnings />
      <section className="sheet sheet-cover" data-sheet="cover">
        <header className="brief-head">
          <p className="brief-kicker">Chokepoint scenario brief</p>
          <h1>{preset?.label ?? scenario.presetId}</h1>
          <p className="brief-thesis">{preset?.thesis}</p>
          <p className="muted">Source of the thesis: {preset?.source}</p>
          <p className="brief-asof" data-asof="">As of {asOf ?? "—"} · Chokepoint model {MODEL_VERSION} · scenario {digest}</p>
          {basePreset ? <p className="brief-baseline">Compared with a pinned baseline: <b>{basePreset.label}</b>{Object.keys(baseline!.overrides).length ? " with edits" : ""} (dotted on the charts; changes on the cards).</p> : null}
        </header>
        <MetricCards explain={false} />
        <div className="brief-link">
          {origin ? <LinkQr url={link} /> : <div className="brief-qr" aria-hidden="true" />}
          <p>
            Open this scenario: <a href={link} data-scenario-link="">{link}</a>
          </p>
        </div>
      </section>
      {chartPages(timeCharts.map((s) => s.c.id)).map((ids) => (
        <section className="sheet sheet-charts" data-sheet="charts" key={ids.join()} aria-label="Charts">
          {ids.map((id) => {
            const { c, state } = byId.get(id)!;
            return <c.View key={id} state={state} hover={null} />;
          })}
        </section>
      ))}
      <section className="sheet brief-section" data-sheet="assumptions" aria-label="Changed assumptions">
        <h2>Assumptions changed from the preset</h2>
        <AssumptionTable rows={changedAssumptionRows(scenario)} caption="This scenario" />
        {baseline ? <AssumptionTable rows={changedAssumptionRows(baseline)} caption="The pinned baseline" /> : null}
      </section>
      {calibration ? (
        <section className="sheet sheet-calibration" data-sheet="calibration" aria-label="Calibration">
          <calibration.c.View state={passShares ? withPassShares(calibration.state as CalibrationState, passShares) : calibration.state} hover={null} />
        </section>
      ) : null}
      <BriefHistory view={history} failed={historyFailed} />
      <footer className="brief-foot">
        <p>Scenario link: <a href={link}>{link}</a></p>
      </footer>
    </article>
  );
}
