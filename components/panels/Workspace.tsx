"use client";
import { PresetPicker } from "../controls/PresetPicker";
import { PolicyChoice } from "../controls/PolicyChoice";
import { ParamControls } from "../controls/ParamControls";
import { MetricCards } from "./MetricCards";
import { Charts } from "./Charts";

/** The analyst workspace: scenario controls on the left, headline metrics and charts on the right. */
export function Workspace() {
  return (
    <div className="workspace">
      <aside className="controls" aria-label="Scenario controls">
        <PresetPicker />
        <PolicyChoice />
        <ParamControls />
      </aside>
      <div className="results">
        <MetricCards />
        <Charts />
      </div>
    </div>
  );
}
