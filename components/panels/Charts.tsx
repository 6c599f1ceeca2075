"use client";
import { useMemo } from "react";
import { calibrationRows } from "@/lib/store/derive";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { queryOf } from "@/lib/store/urlSync";
import { CHARTS } from "../charts/registry";
import { ExportContext, type ChartExportContext } from "../charts/exportContext";
import { scenarioExport } from "./scenarioExport";

/** Every chart of the current scenario, sharing one crosshair month, with the pinned baseline overlaid; each one exports. */
export function Charts({ flush, exportable = true }: { flush?: () => void; exportable?: boolean }) {
  const run = useRun();
  const baselineRun = useBaselineRun();
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const hover = useWorkspace((s) => s.hoverMonth);
  const setHover = useWorkspace((s) => s.setHoverMonth);
  const presetId = scenario.presetId;
  const states = useMemo(() => CHARTS.map((c) => ({ c, state: c.state(run, { presetId, calibration: calibrationRows, baseline: baselineRun }) })), [run, presetId, baselineRun]);
  const ctx = useMemo<ChartExportContext>(
    () => ({
      scenario,
      run,
      baseline,
      baselineRun,
      scenarioUrl: () => {
        flush?.();
        return `${window.location.origin}/?${queryOf({ scenario, baseline })}`;
      },
      deliverable: () => {
        flush?.();
        return scenarioExport({ scenario, baseline, run, baselineRun, origin: window.location.origin });
      },
    }),
    [scenario, run, baseline, baselineRun, flush],
  );
  const charts = (
    <section className="charts" aria-label="Charts">
      {states.map(({ c, state }) => (
        <c.View key={c.id} state={state} hover={exportable ? hover : null} onHover={exportable ? setHover : undefined} />
      ))}
    </section>
  );
  return exportable ? <ExportContext.Provider value={ctx}>{charts}</ExportContext.Provider> : charts;
}
