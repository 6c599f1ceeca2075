"use client";
import { useEffect, useRef, useState } from "react";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
import { useScenarioShown } from "@/lib/store/StoreProvider";
import type { LinkNotice } from "@/lib/store/urlSync";
import { PresetPicker } from "../controls/PresetPicker";
import { PolicyChoice } from "../controls/PolicyChoice";
import { ParamControls } from "../controls/ParamControls";
import { DriverFormulas } from "../controls/DriverFormulas";
import { MetricCards } from "./MetricCards";
import { Charts } from "./Charts";
import { ScenarioBar } from "./ScenarioBar";
import { UrlNotice } from "./UrlNotice";
import { SavedScenarios } from "./SavedScenarios";
import { CompareTable } from "./CompareTable";
import { HistoryPanel } from "./HistoryPanel";
import { useMediaQuery } from "./useMediaQuery";
import { RunWarnings } from "./RunWarnings";
import { UncertaintyBar } from "./UncertaintyBar";
import { useUncertaintyDriver } from "@/lib/store/useUncertaintyDriver";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "../charts/fanSeries";
import { PARAM_FOCUS_EVENT } from "../charts/paramFocus";

const OUTPUTS = { series: FAN_SERIES, metrics: FAN_METRICS, clearing: FAN_CLEARING };
/** Draws and seed of the calibration table's pass shares (each draw runs every preset that has target claims). */
const PASS_SHARES = { passShares: { draws: 200, seed: 1 } };

/** Below this viewport width the controls live in a drawer (matches globals.css). */
export const DRAWER_QUERY = "(max-width: 1023px)";

/**
 * The analyst workspace: scenario controls on the left (in a drawer on phones and tablets); the scenario's
 * actions, headline metrics and charts on the right.
 */
export function Workspace() {
  const url = useUrlScenario({ sync: true });
  const [dismissed, setDismissed] = useState<LinkNotice | null>(null);
  useUncertaintyDriver(OUTPUTS, PASS_SHARES);
  const shown = useScenarioShown();
  const small = useMediaQuery(DRAWER_QUERY);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const drawer = small && open;
  const wasOpen = useRef(false);
  // A chart asking for a parameter's slider (the tornado, the calibration table) opens the drawer on a small
  // screen; the slider then takes the focus (ParamControls), not the drawer's close button.
  const forParam = useRef(false);
  useEffect(() => {
    if (!small) return;
    const onFocusParam = () => {
      forParam.current = true;
      setOpen(true);
    };
    window.addEventListener(PARAM_FOCUS_EVENT, onFocusParam);
    return () => window.removeEventListener(PARAM_FOCUS_EVENT, onFocusParam);
  }, [small]);

  // Focus moves into the drawer when it opens and back to its button when it closes; Escape closes it.
  useEffect(() => {
    if (drawer && !forParam.current) closeRef.current?.focus();
    else if (!drawer && wasOpen.current) toggleRef.current?.focus();
    forParam.current = false;
    wasOpen.current = drawer;
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") { e.preventDefault(); setOpen(false); }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawer]);
  useEffect(() => { if (!small) setOpen(false); }, [small]);

  return (
    <div className={drawer ? "workspace drawer-open" : "workspace"} data-scenario-ready={url.ready && shown ? "true" : "false"}>
      <div className="drawer-bar">
        <button ref={toggleRef} type="button" className="drawer-toggle" aria-expanded={drawer} aria-controls="scenario-controls" onClick={() => setOpen(true)}>
          ☰ Scenario controls
        </button>
      </div>
      {drawer ? <div className="drawer-backdrop" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      <aside
        id="scenario-controls"
        className={drawer ? "controls open" : "controls"}
        aria-label="Scenario controls"
        {...(small ? { role: "dialog", "aria-modal": drawer ? true : undefined } : {})}
        inert={small && !open ? true : undefined}
      >
        <div className="drawer-head">
          <b>Scenario controls</b>
          <button ref={closeRef} type="button" onClick={() => setOpen(false)} aria-label="Close the scenario controls (Escape)">
            ✕ Close
          </button>
        </div>
        <PresetPicker />
        <PolicyChoice />
        <ParamControls />
        <DriverFormulas />
      </aside>
      <div className="results" inert={drawer ? true : undefined}>
        <ScenarioBar flush={url.flush} />
        {url.notice === dismissed ? null : <UrlNotice notice={url.notice} onDismiss={() => setDismissed(url.notice)} />}
        <RunWarnings />
        <UncertaintyBar />
        <MetricCards />
        <SavedScenarios />
        <CompareTable />
        <HistoryPanel />
        <Charts flush={url.flush} uncertainty />
      </div>
    </div>
  );
}
