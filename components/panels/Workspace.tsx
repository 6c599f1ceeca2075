"use client";
import { useState } from "react";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
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

/** The analyst workspace: scenario controls on the left; the scenario's actions, headline metrics and charts on the right. */
export function Workspace() {
  const url = useUrlScenario({ sync: true });
  const [dismissed, setDismissed] = useState<LinkNotice | null>(null);
  return (
    <div className="workspace" data-scenario-ready={url.ready ? "true" : "false"}>
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
        <MetricCards />
        <Charts flush={url.flush} />
      </div>
    </div>
  );
}
