import type { Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import type { ScaleChoice, ScaleMode } from "./scales";

/** A chart's data table, formatted for display; the first column is usually the month. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** One value under the crosshair. */
export interface ReadoutItem {
  label: string;
  value: string;
  color?: string;
}

/** One vertical crosshair segment, in SVG coordinates. */
export interface CrosshairSegment {
  x: number;
  y1: number;
  y2: number;
}

/** What every chart's pure state provides to the shared figure: text, table, crosshair geometry. */
export interface ChartBase {
  id: string;
  title: string;
  /** Units and what is plotted. */
  subtitle: string;
  /** One sentence saying what the chart shows for the current scenario. */
  description: string;
  width: number;
  height: number;
  /** Spans the whole row of the grid. */
  wide?: boolean;
  /** Number of months on the shared time axis (0 when the chart has none). */
  monthCount: number;
  /** The month index at an SVG point, or null outside the plot. */
  indexAt(x: number, y: number): number | null;
  /** The crosshair lines for a month. */
  crosshair(index: number): CrosshairSegment[];
  /** The values shown for a month. */
  readout(index: number): ReadoutItem[];
  /** The data behind the chart (built on demand). */
  table(): ChartTable;
  /** The run series the chart plots, for its CSV export (one row per month); absent when it plots no monthly series. */
  csvSeries?: string[];
  /** Says how the pinned baseline is drawn, when one is overlaid. */
  baselineNote?: string;
  /** A remark shown under the title, e.g. which lines coincide and are drawn offset. */
  note?: string;
  /** The y-axis choice, on charts whose values can span decades: the figure shows a log/linear switch when offered. */
  scale?: ScaleChoice;
  /** Says what the uncertainty bands are, when they are drawn. */
  fanNote?: string;
}

/** Options every time chart's state takes besides the run. */
export interface ChartOptions {
  /** The pinned baseline's run, overlaid on every time chart; null or absent when none is pinned. */
  baseline?: Run | null;
  /** The drawn width in CSS pixels when narrower than the chart's standard width: panels are laid out for it. */
  width?: number;
  /** The y-axis mode the reader chose, on charts that offer the switch. */
  scaleMode?: ScaleMode;
  /** The month under the crosshair (the revenue chart focuses its scale on the generations in service then). */
  focusMonth?: number | null;
  /** Monte Carlo quantiles of the current scenario, drawn as fans on every time chart; null or absent when off. */
  fan?: FanResult | null;
}
