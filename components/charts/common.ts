import { SHORTAGE_TOLERANCE } from "@/lib/model/metrics";
import type { ScaleLinear } from "d3-scale";
import type { Run } from "@/lib/model";
import { monthIndexAt, round3, timeScale, type Panel } from "./scales";
import type { CrosshairSegment } from "./types";

/** A panel with its own time scale. */
export interface TimePanel extends Panel {
  x: number;
  xScale: ScaleLinear<number, number>;
}

/** Lays out a time panel inside a rectangle. */
export function timePanel(months: number, x: number, y: number, width: number, height: number): TimePanel {
  return { x, y, width, height, xScale: timeScale(months, x, x + width) };
}

/** The month under a point if it falls inside one of the panels (with a little slack). */
export function indexInPanels(panels: TimePanel[], months: number, px: number, py: number): number | null {
  for (const p of panels) {
    if (px >= p.x - 4 && px <= p.x + p.width + 4 && py >= p.y - 16 && py <= p.y + p.height + 20) return monthIndexAt(p.xScale, months, px);
  }
  return null;
}

/** A crosshair line through each panel. */
export function crosshairInPanels(panels: TimePanel[], index: number): CrosshairSegment[] {
  return panels.map((p) => ({ x: round3(p.xScale(index)), y1: p.y, y2: p.y + p.height }));
}

/** The shared time axis of a chart drawn in time panels: month count, labels, hit-testing and crosshair. */
export function panelTimeAxis(run: Run, panels: TimePanel[]): { monthCount: number; months: string[]; indexAt(x: number, y: number): number | null; crosshair(index: number): CrosshairSegment[] } {
  const n = run.months.length;
  return {
    monthCount: n,
    months: run.months,
    indexAt: (x, y) => indexInPanels(panels, n, x, y),
    crosshair: (i) => crosshairInPanels(panels, i),
  };
}

/** The value of a series in a month (NaN when missing). */
export function at(run: Run, id: string, index: number): number {
  const s = run.series[id];
  return s && index >= 0 && index < s.length ? s[index] : NaN;
}

/** Joins phrases as English prose: "a, b and c". */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** Short names of inputs and products for labels. */
export const INPUT_NAME: Record<string, string> = {
  wafer: "Leading-edge wafers",
  packaging: "Advanced packaging",
  hbm: "HBM",
  hbmStack: "HBM stacking (TSV)",
  dram: "DDR DRAM",
  nand: "NAND / SSD",
  power: "Datacenter power",
  gpu: "Accelerators",
  cpu: "CPU servers",
  tokens: "Tokens",
};

/** Whether a shortage ratio counts as short: above 1 by more than the model's tolerance (as the clearing metric counts it). */
export function isShort(ratio: number): boolean {
  return ratio > 1 + SHORTAGE_TOLERANCE;
}
