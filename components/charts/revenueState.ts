import { GPUS, type Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtTable, fmtUsd } from "../format";
import { BASELINE_COLOR, GENERATION_COLORS, GENERATION_DASHES } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { placeLines, type PlacedLine } from "./lineMarks";
import { layoutLegend } from "./marks/legendLayout";
import { chooseScale, WIDE_WIDTH, yScaleOf, type ScaleChoice, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
import type { LegendItem } from "./marks/Legend";

/** One panel (revenue or rent) with a line per generation drawn from its launch. */
export interface GenerationPanel extends TimePanel {
  key: "revenuePerGpuHour" | "rent";
  title: string;
  /** Lines by generation; `inFocus` is false for generations not in service at the focus month (drawn faint, clipped). */
  lines: (PlacedLine & { gen: string; inFocus: boolean })[];
  /** The pinned baseline's lines by generation (empty when none is pinned). */
  baselineLines: { gen: string; d: string; color: string }[];
  ticks: YTick[];
  /** Uncertainty fans by generation (empty when bands are off). */
  fans: FanMarks[];
}

/** State of the revenue and rent chart. */
export interface RevenueState extends ChartBase {
  months: string[];
  panels: GenerationPanel[];
  legend: LegendItem[];
  legendWidth: number;
  /** The month whose generations in service set the linear scale, and those generations' ids. */
  focus: { month: string; gens: string[] };
  scale: ScaleChoice;
}

const KEYS = [
  { key: "revenuePerGpuHour", title: "Revenue per GPU-hour" },
  { key: "rent", title: "Rental price per GPU-hour" },
] as const;

const PLOT_H = 170;

/** The first month a generation is on sale (its series are 0 before launch). */
function launchIndex(run: Run, launch: string): number {
  const i = run.months.indexOf(launch);
  return i >= 0 ? i : launch < run.months[0] ? 0 : run.months.length;
}

/** The month the scale focuses on when no crosshair is set: mid-2027 (the headline card's year), else mid-horizon. */
export function defaultFocusMonth(run: Run): number {
  const i = run.months.indexOf("2027-06");
  return i >= 0 ? i : Math.floor(run.months.length / 2);
}

/**
 * Generations holding less than this share of the installed fleet (H100e) at the focus month are drawn faint and
 * unlabelled on the linear scale, and do not set it: with twenty-odd generations, labelling every one in service
 * buries the ones that carry the fleet.
 */
export const MIN_FOCUS_FLEET_SHARE = 0.02;

/** Whether a generation is in service in a month: launched, with a fleet installed and earning. */
export function inService(run: Run, gen: string, launch: string, i: number): boolean {
  if (i < launchIndex(run, launch)) return false;
  const installed = run.series[`gpu.installed.${gen}`];
  const earns = at(run, `revenuePerGpuHour.${gen}`, i) > 0;
  return earns && (!installed || installed[i] > 0);
}

/**
 * Revenue and rental price per GPU-hour by generation, each from its launch, a colour and a dash per generation.
 * On the linear scale the axis fits the generations in service at the focus month (the crosshair's) that hold at
 * least MIN_FOCUS_FLEET_SHARE of the installed fleet, so older generations are not squashed under the newest; the
 * others are drawn faint, clipped and unlabelled. The log scale draws all, labelling the same ones.
 */
export function revenueState(run: Run, { baseline, width, scaleMode, focusMonth, fan }: ChartOptions = {}): RevenueState {
  const n = run.months.length;
  const W = Math.min(WIDE_WIDTH, width ?? WIDE_WIDTH);
  const gens = GPUS.filter((g) => launchIndex(run, g.launch) < n);
  const colorOf = (id: string) => GENERATION_COLORS[GPUS.findIndex((g) => g.id === id) % GENERATION_COLORS.length];
  const dashOf = (id: string) => GENERATION_DASHES[GPUS.findIndex((g) => g.id === id) % GENERATION_DASHES.length];
  const fi = focusMonth !== null && focusMonth !== undefined && focusMonth >= 0 && focusMonth < n ? focusMonth : defaultFocusMonth(run);
  const minInstalled = MIN_FOCUS_FLEET_SHARE * at(run, "gpu.installed.h100e", fi);
  const inServiceNow = gens.filter((g) => inService(run, g.id, g.launch, fi));
  // Written as "not below" so a generation counts when its share cannot be read (no series, no fleet).
  const major = inServiceNow.filter((g) => !(at(run, `gpu.installed.${g.id}`, fi) < minInstalled));
  // Those holding the share, else those in service, else every generation.
  const focusIds = new Set(([major, inServiceNow].find((list) => list.length > 0) ?? gens).map((g) => g.id));
  const valuesOf = (r: Run, ids: Set<string> | null, out: number[]) => {
    for (const g of gens) if (!ids || ids.has(g.id)) for (const k of KEYS) { const s = r.series[`${k.key}.${g.id}`]; if (s) for (let t = launchIndex(r, g.launch); t < s.length; t++) out.push(s[t]); }
    return out;
  };
  const launchOf = new Map(gens.map((g) => [g.id, launchIndex(run, g.launch)]));
  // The fan's p5-p95 of the generations shown (all, or those in focus), so the bands fit the scale as well.
  const fanValues = (ids: Set<string> | null, out: number[]) => {
    for (const k of KEYS) fanExtent(fan, gens.filter((g) => !ids || ids.has(g.id)).map((g) => `${k.key}.${g.id}`), (id) => launchOf.get(id.slice(k.key.length + 1)) ?? 0, out);
    return out;
  };
  const valuesAndFans = (ids: Set<string> | null) => {
    const out = valuesOf(run, ids, []);
    if (baseline) valuesOf(baseline, ids, out);
    return fanValues(ids, out);
  };
  const all = valuesAndFans(null);
  const scale = chooseScale(all.filter((v) => v > 0), "linear", scaleMode);
  const fitted = scale.mode === "log" ? all : valuesAndFans(focusIds);
  const legend: LegendItem[] = [
    ...gens.map((g) => ({ label: g.label, color: colorOf(g.id), dash: dashOf(g.id) })),
    ...(baseline ? [{ label: "Pinned baseline", color: BASELINE_COLOR, baseline: true }] : []),
  ];
  const legendWidth = W - 58;
  const top = 22 + layoutLegend(legend, legendWidth).height + 10;
  const side = W >= 700;
  const colW = side ? W / 2 : W;
  const panels: GenerationPanel[] = KEYS.map((k, c) => {
    const p = side ? timePanel(n, c * colW + 50, top, colW - 66, PLOT_H) : timePanel(n, 50, top + c * (PLOT_H + 48), colW - 66, PLOT_H);
    const ys = yScaleOf(fitted, scale.mode, p.y + p.height, p.y, (v) => `$${v}`);
    const placed = placeLines(
      gens.map((g) => ({ key: g.id, label: g.label.replace(/ \(.*\)$/, ""), values: run.series[`${k.key}.${g.id}`], color: colorOf(g.id), dash: dashOf(g.id), width: focusIds.has(g.id) ? 1.9 : 1.2, from: launchIndex(run, g.launch), keep: (v: number) => v > 0, labelled: focusIds.has(g.id) })),
      p.xScale,
      ys.scale,
      p.y,
      p.y + p.height,
    );
    return {
      ...p,
      key: k.key,
      title: k.title,
      // Only lines in focus are labelled (on the log scale too, where every line is drawn at full weight).
      lines: placed.map((l) => ({ ...l, gen: l.key, inFocus: scale.mode === "log" || focusIds.has(l.key) })),
      baselineLines: baseline
        ? gens.filter((g) => baseline.series[`${k.key}.${g.id}`]).map((g) => ({ gen: g.id, d: linePath(baseline.series[`${k.key}.${g.id}`], p.xScale, ys.scale, (v) => v > 0, launchIndex(baseline, g.launch)), color: colorOf(g.id) }))
        : [],
      ticks: ys.ticks,
      // Bands for the generations in focus only: two dozen overlapping fans would hide one another, and drawing them
      // made this chart's update the longest task of a Monte Carlo run on the page.
      fans: gens
        .filter((g) => focusIds.has(g.id))
        .map((g) => fanMarks(fan, `${k.key}.${g.id}`, p.xScale, ys.scale, colorOf(g.id), (v) => v > 0, launchOf.get(g.id) ?? 0))
        .filter((f): f is FanMarks => !!f),
    };
  });
  const y27 = run.months.findIndex((m) => m === "2027-06");
  const ranked = y27 >= 0 ? gens.filter((g) => launchIndex(run, g.launch) <= y27).map((g) => ({ g, v: at(run, `revenuePerGpuHour.${g.id}`, y27) })).sort((a, b) => b.v - a.v) : [];
  const description = ranked.length
    ? `In mid-2027 a ${ranked[0].g.label} earns ${fmtUsd(ranked[0].v)} per GPU-hour and an H100 ${fmtUsd(at(run, "revenuePerGpuHour.h100", y27))}, renting for ${fmtUsd(at(run, "rent.h100", y27))} an hour.`
    : "Revenue and rental price per GPU-hour by generation.";
  const focusNames = gens.filter((g) => focusIds.has(g.id)).map((g) => g.label.replace(/ \(.*\)$/, ""));
  return {
    id: "revenue",
    title: "Revenue and rent per GPU-hour by generation",
    subtitle: scale.mode === "log"
      ? `USD per GPU-hour, log scale, each generation from launch to retirement; labelled: those holding ≥ ${Math.round(MIN_FOCUS_FLEET_SHARE * 100)} % of the installed fleet in ${run.months[fi]}`
      : `USD per GPU-hour, each generation from launch; scale fitted to those holding ≥ ${Math.round(MIN_FOCUS_FLEET_SHARE * 100)} % of the installed fleet in ${run.months[fi]} (${focusNames.join(", ")}), others faint`,
    description,
    width: W,
    height: panels[1].y + PLOT_H + 24,
    wide: true,
    scale,
    focus: { month: run.months[fi], gens: [...focusIds] },
    ...panelTimeAxis(run, panels),
    panels,
    legendWidth,
    ...(fan ? { fanNote: `${fanNote(fan)} Bands for ${focusNames.join(", ")}, the generations in focus.` } : {}),
    ...(baseline ? { baselineNote: "Wide pale bands: the pinned baseline, same colours by generation." } : {}),
    csvSeries: gens.flatMap((g) => [`revenuePerGpuHour.${g.id}`, `rent.${g.id}`]),
    legend,
    readout: (i) => [
      { label: "Month", value: `${run.months[i]} (USD / GPU-hour, earned / rent)` },
      ...gens.filter((g) => launchIndex(run, g.launch) <= i).map((g) => ({ label: g.label.replace(/ \(.*\)$/, ""), value: `${fmtUsd(at(run, `revenuePerGpuHour.${g.id}`, i))} / ${fmtUsd(at(run, `rent.${g.id}`, i))}`, color: colorOf(g.id) })),
    ],
    table: () => ({
      columns: ["Month", ...gens.flatMap((g) => [`${g.label} revenue (USD / GPU-hour)`, `${g.label} rent (USD / GPU-hour)`])],
      rows: run.months.map((m, i) => [m, ...gens.flatMap((g) => (i < launchIndex(run, g.launch) ? ["—", "—"] : [fmtTable(at(run, `revenuePerGpuHour.${g.id}`, i)), fmtTable(at(run, `rent.${g.id}`, i))]))]),
    }),
  };
}
