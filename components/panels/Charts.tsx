"use client";
import { useMemo } from "react";
import { calibrationRows } from "@/lib/store/derive";
import { useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { CHARTS } from "../charts/registry";

/** Every chart of the current scenario, sharing one crosshair month. */
export function Charts() {
  const run = useRun();
  const presetId = useWorkspace((s) => s.scenario.presetId);
  const hover = useWorkspace((s) => s.hoverMonth);
  const setHover = useWorkspace((s) => s.setHoverMonth);
  const states = useMemo(() => CHARTS.map((c) => ({ c, state: c.state(run, { presetId, calibration: calibrationRows }) })), [run, presetId]);
  return (
    <section className="charts" aria-label="Charts">
      {states.map(({ c, state }) => (
        <c.View key={c.id} state={state} hover={hover} onHover={setHover} />
      ))}
    </section>
  );
}
