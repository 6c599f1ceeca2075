import { GPUS, type Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtTable, fmtUsd } from "../format";
import { GENERATION_COLORS } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { linearY, WIDE_WIDTH, yTicks, type YTick } from "./scales";
import type { ChartBase } from "./types";
import type { LegendItem } from "./marks/Legend";

/** One panel (revenue or rent) with a line per generation drawn from its launch. */
export interface GenerationPanel extends TimePanel {
  key: "revenuePerGpuHour" | "rent";
  title: string;
  lines: { gen: string; d: string; color: string }[];
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
}

const KEYS = [
  { key: "revenuePerGpuHour", title: "Revenue per GPU-hour" },
  { key: "rent", title: "Rental price per GPU-hour" },
] as const;

/** The first month a generation is on sale (its series are 0 before launch). */
function launchIndex(run: Run, launch: string): number {
  const i = run.months.indexOf(launch);
  return i >= 0 ? i : launch < run.months[0] ? 0 : run.months.length;
}

/** Revenue and rental price per GPU-hour by generation, side by side on one dollar scale, each from its launch. */
export function revenueState(run: Run, baseline?: Run | null, fan?: FanResult | null): RevenueState {
  const n = run.months.length;
  const gens = GPUS.filter((g) => launchIndex(run, g.launch) < n);
  const colW = WIDE_WIDTH / 2;
  const all: number[] = [];
  for (const g of gens) for (const k of KEYS) all.push(...run.series[`${k.key}.${g.id}`].subarray(launchIndex(run, g.launch)));
  if (baseline) for (const g of gens) for (const k of KEYS) { const s = baseline.series[`${k.key}.${g.id}`]; if (s) all.push(...s.subarray(launchIndex(baseline, g.launch))); }
  const launchOf = new Map(gens.map((g) => [g.id, launchIndex(run, g.launch)]));
  for (const k of KEYS) all.push(...fanExtent(fan, gens.map((g) => `${k.key}.${g.id}`), (id) => launchOf.get(id.slice(k.key.length + 1)) ?? 0));
  const panels: GenerationPanel[] = KEYS.map((k, c) => {
    const p = timePanel(n, c * colW + 50, 46, colW - 66, 170);
    const y = linearY(all, p.y + p.height, p.y);
    return {
      ...p,
      key: k.key,
      title: k.title,
      lines: gens.map((g) => ({ gen: g.id, d: linePath(run.series[`${k.key}.${g.id}`], p.xScale, y, (v) => v > 0, launchIndex(run, g.launch)), color: GENERATION_COLORS[GPUS.indexOf(g) % GENERATION_COLORS.length] })),
      baselineLines: baseline
        ? gens.filter((g) => baseline.series[`${k.key}.${g.id}`]).map((g) => ({ gen: g.id, d: linePath(baseline.series[`${k.key}.${g.id}`], p.xScale, y, (v) => v > 0, launchIndex(baseline, g.launch)), color: GENERATION_COLORS[GPUS.indexOf(g) % GENERATION_COLORS.length] }))
        : [],
      ticks: yTicks(y, (v) => `$${v}`, 4),
      fans: gens.map((g) => fanMarks(fan, `${k.key}.${g.id}`, p.xScale, y, GENERATION_COLORS[GPUS.indexOf(g) % GENERATION_COLORS.length], (v) => v > 0, launchOf.get(g.id) ?? 0)).filter((f): f is FanMarks => !!f),
    };
  });
  const y27 = run.months.findIndex((m) => m === "2027-06");
  const ranked = y27 >= 0 ? gens.filter((g) => launchIndex(run, g.launch) <= y27).map((g) => ({ g, v: at(run, `revenuePerGpuHour.${g.id}`, y27) })).sort((a, b) => b.v - a.v) : [];
  const description = ranked.length
    ? `In mid-2027 a ${ranked[0].g.label} earns ${fmtUsd(ranked[0].v)} per GPU-hour and an H100 ${fmtUsd(at(run, "revenuePerGpuHour.h100", y27))}, renting for ${fmtUsd(at(run, "rent.h100", y27))} an hour.`
    : "Revenue and rental price per GPU-hour by generation.";
  return {
    id: "revenue",
    title: "Revenue and rent per GPU-hour by generation",
    subtitle: "USD per GPU-hour, each generation from launch to retirement",
    description,
    width: WIDE_WIDTH,
    height: 46 + 170 + 24,
    wide: true,
    ...panelTimeAxis(run, panels),
    panels,
    ...(fan ? { fanNote: fanNote(fan) } : {}),
    ...(baseline ? { baselineNote: "Dotted lines: the pinned baseline, same colours by generation." } : {}),
    csvSeries: gens.flatMap((g) => [`revenuePerGpuHour.${g.id}`, `rent.${g.id}`]),
    legend: gens.map((g) => ({ label: g.label, color: GENERATION_COLORS[GPUS.indexOf(g) % GENERATION_COLORS.length] })),
    readout: (i) => [
      { label: "Month", value: `${run.months[i]} (USD / GPU-hour, earned / rent)` },
      ...gens.filter((g) => launchIndex(run, g.launch) <= i).map((g) => ({ label: g.label.replace(/ \(.*\)$/, ""), value: `${fmtUsd(at(run, `revenuePerGpuHour.${g.id}`, i))} / ${fmtUsd(at(run, `rent.${g.id}`, i))}`, color: GENERATION_COLORS[GPUS.indexOf(g) % GENERATION_COLORS.length] })),
    ],
    table: () => ({
      columns: ["Month", ...gens.flatMap((g) => [`${g.label} revenue (USD / GPU-hour)`, `${g.label} rent (USD / GPU-hour)`])],
      rows: run.months.map((m, i) => [m, ...gens.flatMap((g) => (i < launchIndex(run, g.launch) ? ["—", "—"] : [fmtTable(at(run, `revenuePerGpuHour.${g.id}`, i)), fmtTable(at(run, `rent.${g.id}`, i))]))]),
    }),
  };
}
