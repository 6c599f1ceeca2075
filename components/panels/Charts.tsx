"use client";
import { Fragment, memo, useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
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
import { ChartUiContext, type ChartUi } from "../charts/chartUi";
import type { ScaleMode } from "../charts/scales";
import { chartWidths } from "./chartWidths";
import { useElementWidth } from "./useElementWidth";

/**
 * Every chart of the current scenario, sharing one crosshair month, with the pinned baseline overlaid; each one
 * exports. Charts are laid out for the width they are drawn at (measured), and the reader's log/linear choices
 * are kept per chart. With `uncertainty`, time charts draw the Monte Carlo fans when bands are on, the
 * probability of clearing follows the shortage horizon, and the sensitivity tornado closes the page.
 */
export function Charts({ flush, exportable = true, uncertainty = false }: { flush?: () => void; exportable?: boolean; uncertainty?: boolean }) {
  const run = useRun();
  const baselineRun = useBaselineRun();
  // Deferred, as the run is: an edit re-renders the controls first, and the charts in an interruptible pass.
  const scenario = useDeferredValue(useWorkspace((s) => s.scenario));
  const baseline = useWorkspace((s) => s.baseline);
  const hover = useWorkspace((s) => s.hoverMonth);
  const setHover = useWorkspace((s) => s.setHoverMonth);
  const highlights = useWorkspace((s) => s.highlights);
  const presetId = scenario.presetId;
  const ref = useRef<HTMLElement>(null);
  const sectionWidth = useElementWidth(ref);
  const [modes, setModes] = useState<Record<string, ScaleMode>>({});
  const widths = useMemo(() => chartWidths(sectionWidth), [sectionWidth]);
  const bandsOn = useWorkspace((s) => s.montecarlo.on) && uncertainty;
  // Deferred like the run: a fan arriving from the workers never holds up a slider.
  const mcFan = useDeferredValue(useUncertainty((s) => s.fan));
  const fan = bandsOn ? mcFan : null;
  const tornado = useUncertainty((s) => s.tornado);
  const tornadoMetric = useUncertainty((s) => s.tornadoMetric);
  const tornadoBusy = useUncertainty((s) => s.tornadoBusy);
  const setTornadoMetric = useUncertainty((s) => s.setTornadoMetric);
  const passShares = useUncertainty((s) => s.passShares);
  const shares = uncertainty ? passShares : undefined;
  // The revenue chart's scale follows the crosshair; every other state is independent of it.
  const focus = exportable ? hover : null;
  // Charts that draw no bands get the context without the fan, so a fan arriving does not recompute them.
  const chartCtxNoFan = useMemo<ChartContext>(() => ({ presetId, calibration: calibrationRows, baseline: baselineRun, fan: null, passShares: shares }), [presetId, baselineRun, shares]);
  const chartCtx = useMemo<ChartContext>(() => ({ ...chartCtxNoFan, fan }), [chartCtxNoFan, fan]);
  const setScaleMode = useCallback((id: string, mode: ScaleMode) => setModes((m) => ({ ...m, [id]: mode })), []);
  const ui = useMemo<ChartUi>(() => ({ setScaleMode: exportable ? setScaleMode : undefined, highlights: exportable ? highlights : [] }), [exportable, setScaleMode, highlights]);
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
      deliverable: async () => {
        flush?.();
        // The deliverable's builder (assumptions, cards, every chart's data) loads only when a deliverable is made.
        const { scenarioExport } = await import("./scenarioExport");
        return scenarioExport({ scenario, baseline, run, baselineRun, origin: window.location.origin });
      },
    }),
    [scenario, run, baseline, baselineRun, flush],
  );
  // Memoized so that a render of this component with unchanged states (the urgent pass of an edit) re-renders no chart.
  const charts = useMemo(() => (
    <ChartUiContext.Provider value={ui}>
      <section className="charts" aria-label="Charts" ref={ref}>
        {CHARTS.map((c) => (
          <Fragment key={c.id}>
            <ChartSlot
              chart={c}
              run={run}
              ctx={c.fans ? chartCtx : chartCtxNoFan}
              width={widths.width(c.id)}
              scaleMode={modes[c.id]}
              focusMonth={c.id === "revenue" ? focus : undefined}
              hover={exportable ? hover : null}
              onHover={exportable ? setHover : undefined}
            />
            {c.id === "shortage-horizon" && clearing ? <ClearingProbabilityChart state={clearing} hover={exportable ? hover : null} onHover={exportable ? setHover : undefined} /> : null}
          </Fragment>
        ))}
        {sensitivity ? <TornadoChart state={sensitivity} onMetric={setTornadoMetric} busy={tornadoBusy} /> : null}
      </section>
    </ChartUiContext.Provider>
  ), [ui, run, chartCtx, chartCtxNoFan, widths, modes, focus, clearing, sensitivity, hover, setHover, exportable, setTornadoMetric, tornadoBusy]);
  return exportable ? <ExportContext.Provider value={ctx}>{charts}</ExportContext.Provider> : charts;
}

/**
 * One chart: its state computed in its own component, so that a render of every chart (after an edit, or a fan
 * arriving from the workers) is a series of small units React can interrupt for a key press, not one long task.
 */
const ChartSlot = memo(function ChartSlot(props: {
  chart: ChartEntry;
  run: Run;
  ctx: ChartContext;
  width: ChartContext["width"];
  scaleMode: ChartContext["scaleMode"];
  focusMonth: ChartContext["focusMonth"];
  hover: ChartViewProps<ChartBase>["hover"];
  onHover?: ChartViewProps<ChartBase>["onHover"];
}) {
  const { chart, run, ctx, width, scaleMode, focusMonth, hover, onHover } = props;
  const state = useMemo(() => chart.state(run, { ...ctx, width, scaleMode, focusMonth }), [chart, run, ctx, width, scaleMode, focusMonth]);
  return <chart.View state={state} hover={hover} onHover={onHover} />;
});
