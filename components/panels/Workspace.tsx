"use client";
import { useState } from "react";
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
import { RunWarnings } from "./RunWarnings";
import { UncertaintyBar } from "./UncertaintyBar";
import { useUncertaintyDriver } from "@/lib/store/useUncertaintyDriver";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "../charts/fanSeries";

const OUTPUTS = { series: FAN_SERIES, metrics: FAN_METRICS, clearing: FAN_CLEARING };
/** Draws and seed of the calibration table's pass shares (each draw runs every preset that has target claims). */
const PASS_SHARES = { passShares: { draws: 200, seed: 1 } };

/** The analyst workspace: scenario controls on the left; the scenario's actions, headline metrics and charts on the right. */
export function Workspace() {
  const url = useUrlScenario({ sync: true });
  const [dismissed, setDismissed] = useState<LinkNotice | null>(null);
  useUncertaintyDriver(OUTPUTS, PASS_SHARES);
  const shown = useScenarioShown();
  return (
    <div className="workspace" data-scenario-ready={url.ready && shown ? "true" : "false"}>
      <aside className="controls" aria-label="Scenario controls">
        <PresetPicker />
        <PolicyChoice />
        <ParamControls />
        <DriverFormulas />
      </aside>
      <div className="results">
        <ScenarioBar flush={url.flush} />
        {url.notice === dismissed ? null : <UrlNotice notice={url.notice} onDismiss={() => setDismissed(url.notice)} />}
        <RunWarnings />
        <UncertaintyBar />
        <MetricCards />
        <Charts flush={url.flush} uncertainty />
      </div>
    </div>
  );
}
