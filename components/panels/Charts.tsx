"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import { calibrationRows } from "@/lib/store/derive";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { queryOf } from "@/lib/store/urlSync";
import { CHARTS } from "../charts/registry";
import { ExportContext, type ChartExportContext } from "../charts/exportContext";
import { ChartUiContext, type ChartUi } from "../charts/chartUi";
import type { ScaleMode } from "../charts/scales";
import { chartWidths } from "./chartWidths";
import { useElementWidth } from "./useElementWidth";

/**
 * Every chart of the current scenario, sharing one crosshair month, with the pinned baseline overlaid; each one
 * exports. Charts are laid out for the width they are drawn at (measured), and the reader's log/linear choices
 * are kept per chart.
 */
export function Charts({ flush, exportable = true }: { flush?: () => void; exportable?: boolean }) {
  const run = useRun();
  const baselineRun = useBaselineRun();
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const hover = useWorkspace((s) => s.hoverMonth);
  const setHover = useWorkspace((s) => s.setHoverMonth);
  const highlights = useWorkspace((s) => s.highlights);
  const presetId = scenario.presetId;
  const ref = useRef<HTMLElement>(null);
  const sectionWidth = useElementWidth(ref);
  const [modes, setModes] = useState<Record<string, ScaleMode>>({});
  const widths = useMemo(() => chartWidths(sectionWidth), [sectionWidth]);
  // The revenue chart's scale follows the crosshair; every other state is independent of it.
  const focus = exportable ? hover : null;
  const states = useMemo(
    () => CHARTS.filter((c) => c.id !== "revenue").map((c) => ({ c, state: c.state(run, { presetId, calibration: calibrationRows, baseline: baselineRun, width: widths.width(c.id), scaleMode: modes[c.id] }) })),
    [run, presetId, baselineRun, widths, modes],
  );
  const revenue = useMemo(() => {
    const c = CHARTS.find((e) => e.id === "revenue")!;
    return { c, state: c.state(run, { presetId, calibration: calibrationRows, baseline: baselineRun, width: widths.width(c.id), scaleMode: modes[c.id], focusMonth: focus }) };
  }, [run, presetId, baselineRun, widths, modes, focus]);
  const ordered = CHARTS.map((c) => (c.id === "revenue" ? revenue : states.find((s) => s.c.id === c.id)!));
  const setScaleMode = useCallback((id: string, mode: ScaleMode) => setModes((m) => ({ ...m, [id]: mode })), []);
  const ui = useMemo<ChartUi>(() => ({ setScaleMode: exportable ? setScaleMode : undefined, highlights: exportable ? highlights : [] }), [exportable, setScaleMode, highlights]);
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
    }),
    [scenario, run, baseline, baselineRun, flush],
  );
  const charts = (
    <ChartUiContext.Provider value={ui}>
      <section className="charts" aria-label="Charts" ref={ref}>
        {ordered.map(({ c, state }) => (
          <c.View key={c.id} state={state} hover={exportable ? hover : null} onHover={exportable ? setHover : undefined} />
        ))}
      </section>
    </ChartUiContext.Provider>
  );
  return exportable ? <ExportContext.Provider value={ctx}>{charts}</ExportContext.Provider> : charts;
}
