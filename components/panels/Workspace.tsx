"use client";
import { useState } from "react";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
import { PresetPicker } from "../controls/PresetPicker";
import { PolicyChoice } from "../controls/PolicyChoice";
import { ParamControls } from "../controls/ParamControls";
import { MetricCards } from "./MetricCards";
import { Charts } from "./Charts";
import { ScenarioBar } from "./ScenarioBar";
import { UrlNotice } from "./UrlNotice";
import { UncertaintyBar } from "./UncertaintyBar";
import { useUncertaintyDriver } from "@/lib/store/useUncertaintyDriver";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "../charts/fanSeries";

const OUTPUTS = { series: FAN_SERIES, metrics: FAN_METRICS, clearing: FAN_CLEARING };
/** Draws and seed of the calibration table's pass shares (each draw runs every preset that has target claims). */
const PASS_SHARES = { passShares: { draws: 200, seed: 1 } };

/** The analyst workspace: scenario controls on the left; the scenario's actions, headline metrics and charts on the right. */
export function Workspace() {
  const url = useUrlScenario({ sync: true });
  const [dismissed, setDismissed] = useState(false);
  useUncertaintyDriver(OUTPUTS, PASS_SHARES);
  return (
    <div className="workspace" data-scenario-ready={url.ready ? "true" : "false"}>
      <aside className="controls" aria-label="Scenario controls">
        <PresetPicker />
        <PolicyChoice />
        <ParamControls />
      </aside>
      <div className="results">
        <ScenarioBar flush={url.flush} />
        {dismissed ? null : <UrlNotice issues={url.issues} onDismiss={() => setDismissed(true)} />}
        <UncertaintyBar />
        <MetricCards />
        <Charts flush={url.flush} uncertainty />
      </div>
    </div>
  );
}
