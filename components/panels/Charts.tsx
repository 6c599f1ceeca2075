"use client";
import { Fragment, memo, useDeferredValue, useMemo } from "react";
import type { Run } from "@/lib/model";
import { calibrationRows } from "@/lib/store/derive";
import { useBaselineRun, useRun, useUncertainty, useWorkspace } from "@/lib/store/StoreProvider";
import { clearingProbabilityState } from "../charts/clearingProbabilityState";
import { ClearingProbabilityChart } from "../charts/ClearingProbabilityChart";
import { tornadoState } from "../charts/tornadoState";
import { TornadoChart } from "../charts/TornadoChart";
import { linkTo } from "@/lib/scenario/url";
import { queryOf } from "@/lib/store/urlSync";
import { CHARTS, type ChartContext, type ChartEntry } from "../charts/registry";
import type { ChartViewProps } from "../charts/ChartFigure";
import type { ChartBase } from "../charts/types";
import { ExportContext, type ChartExportContext } from "../charts/exportContext";
import { scenarioExport } from "./scenarioExport";

/**
 * Every chart of the current scenario, sharing one crosshair month, with the pinned baseline overlaid; each one
 * exports. With `uncertainty`, time charts draw the Monte Carlo fans when bands are on, the probability of
 * clearing follows the shortage horizon, and the sensitivity tornado closes the page.
 */
export function Charts({ flush, exportable = true, uncertainty = false }: { flush?: () => void; exportable?: boolean; uncertainty?: boolean }) {
  const run = useRun();
  const baselineRun = useBaselineRun();
  // Deferred, as the run is: an edit re-renders the controls first, and the charts in an interruptible pass.
  const scenario = useDeferredValue(useWorkspace((s) => s.scenario));
  const baseline = useWorkspace((s) => s.baseline);
  const hover = useWorkspace((s) => s.hoverMonth);
  const setHover = useWorkspace((s) => s.setHoverMonth);
  const presetId = scenario.presetId;
  const bandsOn = useWorkspace((s) => s.montecarlo.on) && uncertainty;
  // Deferred like the run: a fan arriving from the workers never holds up a slider.
  const mcFan = useDeferredValue(useUncertainty((s) => s.fan));
  const fan = bandsOn ? mcFan : null;
  const tornado = useUncertainty((s) => s.tornado);
  const tornadoMetric = useUncertainty((s) => s.tornadoMetric);
  const tornadoBusy = useUncertainty((s) => s.tornadoBusy);
  const setTornadoMetric = useUncertainty((s) => s.setTornadoMetric);
  const passShares = useUncertainty((s) => s.passShares);
  const chartCtx = useMemo<ChartContext>(
    () => ({ presetId, calibration: calibrationRows, baseline: baselineRun, fan, passShares: uncertainty ? passShares : undefined }),
    [presetId, baselineRun, fan, uncertainty, passShares],
  );
  const clearing = useMemo(() => (fan ? clearingProbabilityState(run, fan) : null), [run, fan]);
  const sensitivity = useMemo(
    () => (uncertainty ? tornadoState(run, tornadoMetric, tornado && tornado.metric === tornadoMetric ? tornado.swings : null) : null),
    [uncertainty, run, tornadoMetric, tornado],
  );
  const ctx = useMemo<ChartExportContext>(
    () => ({
      scenario,
      run,
      baseline,
      baselineRun,
      scenarioUrl: () => {
        flush?.();
        return `${window.location.origin}${linkTo("/", queryOf({ scenario, baseline }))}`;
      },
      deliverable: () => {
        flush?.();
        return scenarioExport({ scenario, baseline, run, baselineRun, origin: window.location.origin });
      },
    }),
    [scenario, run, baseline, baselineRun, flush],
  );
  // Memoized so that a render of this component with unchanged states (the urgent pass of an edit) re-renders no chart.
  const charts = useMemo(() => (
    <section className="charts" aria-label="Charts">
      {CHARTS.map((c) => (
        <Fragment key={c.id}>
          <ChartSlot chart={c} run={run} ctx={chartCtx} hover={exportable ? hover : null} onHover={exportable ? setHover : undefined} />
          {c.id === "shortage-horizon" && clearing ? <ClearingProbabilityChart state={clearing} hover={exportable ? hover : null} onHover={exportable ? setHover : undefined} /> : null}
        </Fragment>
      ))}
      {sensitivity ? <TornadoChart state={sensitivity} onMetric={setTornadoMetric} busy={tornadoBusy} /> : null}
    </section>
  ), [run, chartCtx, clearing, sensitivity, hover, setHover, exportable, setTornadoMetric, tornadoBusy]);
  return exportable ? <ExportContext.Provider value={ctx}>{charts}</ExportContext.Provider> : charts;
}

/**
 * One chart: its state computed in its own component, so that a render of every chart (after an edit, or a fan
 * arriving from the workers) is a series of small units React can interrupt for a key press, not one long task.
 */
const ChartSlot = memo(function ChartSlot({ chart, run, ctx, hover, onHover }: { chart: ChartEntry; run: Run; ctx: ChartContext; hover: ChartViewProps<ChartBase>["hover"]; onHover?: ChartViewProps<ChartBase>["onHover"] }) {
  const state = useMemo(() => chart.state(run, ctx), [chart, run, ctx]);
  return <chart.View state={state} hover={hover} onHover={onHover} />;
});
