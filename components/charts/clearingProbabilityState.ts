import { SHORTAGES, type Run } from "@/lib/model";
import { clearedShare, type FanResult } from "@/lib/model/mc/merge";
import { fmtShare, fmtTable } from "../format";
import { INPUT_COLOR } from "../palette";
import { INPUT_NAME, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { fanNote } from "./fan";
import { linePath } from "./paths";
import { WIDE_WIDTH, yTicks, type YTick } from "./scales";
import { scaleLinear } from "d3-scale";
import type { ChartBase } from "./types";
import type { LegendItem } from "./marks/Legend";

/** State of the chart of the probability that each shortage has cleared by each month. */
export interface ClearingProbabilityState extends ChartBase {
  months: string[];
  panel: TimePanel;
  lines: { input: string; d: string; color: string }[];
  ticks: YTick[];
  legend: LegendItem[];
}

/**
 * The share of Monte Carlo runs in which each shortage has cleared (for good) by each month; a shortage that
 * never starts in a run counts as cleared from the start.
 */
export function clearingProbabilityState(run: Run, fan: FanResult): ClearingProbabilityState {
  const n = run.months.length;
  const panel = timePanel(n, 48, 46, WIDE_WIDTH - 48 - 150, 170);
  const y = scaleLinear().domain([0, 1]).range([panel.y + panel.height, panel.y]);
  const ids = SHORTAGES.filter((r) => clearedShare(fan, r));
  const share = (r: string) => clearedShare(fan, r) ?? new Float64Array(n);
  const lines = ids.map((r) => ({ input: r, d: linePath(share(r), panel.xScale, y), color: INPUT_COLOR[r] }));
  const half = ids.map((r) => ({ r, t: share(r).findIndex((v) => v >= 0.5) }));
  const byEnd = ids.map((r) => ({ r, p: share(r)[n - 1] }));
  const never = byEnd.filter((e) => e.p < 0.5).map((e) => INPUT_NAME[e.r]);
  const clears = half.filter((h) => h.t > 0).map((h) => `${INPUT_NAME[h.r]} by ${run.months[h.t]}`);
  const description = `Half the runs have cleared ${clears.length ? clears.join(", ") : "no shortage after the start"}${never.length ? `; ${never.join(", ")} stay short beyond the horizon in most runs` : ""}.`;
  const panels = [panel];
  return {
    id: "clearing-probability",
    title: "Probability each shortage has cleared",
    subtitle: "share of Monte Carlo runs cleared for good by each month",
    description,
    width: WIDE_WIDTH,
    height: panel.y + panel.height + 24,
    wide: true,
    ...panelTimeAxis(run, panels),
    panel,
    lines,
    ticks: yTicks(y, (v) => fmtShare(v), 4),
    legend: ids.map((r) => ({ label: INPUT_NAME[r].replace("Leading-edge ", "").replace("Advanced ", "").replace("Datacenter ", ""), color: INPUT_COLOR[r] })),
    fanNote: fanNote(fan)?.replace(/^Bands:.*?, over /, "Over "),
    readout: (i) => [{ label: "Month", value: `${run.months[i]} (share of runs cleared)` }, ...ids.map((r) => ({ label: INPUT_NAME[r], value: fmtShare(share(r)[i]), color: INPUT_COLOR[r] }))],
    table: () => ({
      columns: ["Month", ...ids.map((r) => `${INPUT_NAME[r]} (share of runs cleared)`)],
      rows: run.months.map((m, i) => [m, ...ids.map((r) => fmtTable(share(r)[i]))]),
    }),
  };
}
