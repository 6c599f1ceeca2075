import { TIERS, type Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { asPeak, fmtCompact, fmtShare, fmtTable } from "../format";
import { BASELINE_COLOR, OKABE_ITO, TIER_COLOR, TIER_DASH } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { placeLines, type PlacedLine } from "./lineMarks";
import { layoutLegend } from "./marks/legendLayout";
import { chooseScale, linearY, WIDE_WIDTH, yScaleOf, yTicks, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
import type { LegendItem } from "./marks/Legend";

/** Names of the token tiers. */
export const TIER_NAME: Record<string, string> = { enterprise: "Enterprise", onDemand: "On-demand API", consumer: "Consumer / free" };

/** State of the tokens-by-tier chart: demanded vs served (log or linear) and the share unserved. */
export interface TokensState extends ChartBase {
  months: string[];
  volume: TimePanel & { ticks: YTick[]; lines: PlacedLine[] };
  throttle: TimePanel & { ticks: YTick[]; lines: PlacedLine[] };
  legend: LegendItem[];
  legendWidth: number;
  /** The pinned baseline: tokens served by tier (volume panel) and the share unserved, all tiers (throttle panel). */
  baselineVolume: { key: string; d: string; color: string }[];
  baselineThrottleD: string;
  /** Uncertainty fans: tokens served by tier (volume panel) and the share unserved, all tiers (throttle panel). */
  volumeFans: FanMarks[];
  throttleFan: FanMarks | null;
}

const PLOT_H = 170;

/** Tokens demanded and served by customer tier, and the share of each tier's tokens left unserved. */
export function tokensState(run: Run, { baseline, width, scaleMode, fan }: ChartOptions = {}): TokensState {
  const n = run.months.length;
  const W = Math.min(WIDE_WIDTH, width ?? WIDE_WIDTH);
  const legend: LegendItem[] = [
    ...TIERS.map((t) => ({ label: TIER_NAME[t], color: TIER_COLOR[t], dash: TIER_DASH[t] })),
    { label: "served (thick) / demanded (thin)", color: "#1b1f24", width: 1 },
    { label: "all tiers (unserved)", color: OKABE_ITO.black, width: 3 },
    ...(baseline ? [{ label: "Pinned baseline", color: BASELINE_COLOR, baseline: true }] : []),
  ];
  const legendWidth = W - 62;
  const top = 22 + layoutLegend(legend, legendWidth).height + 10;
  // Side by side on a wide screen; stacked (volume above the share unserved) when narrow.
  const side = W >= 700;
  const colW = side ? W / 2 : W;
  const vp = timePanel(n, 54, top, colW - 70, PLOT_H);
  const tp = side ? timePanel(n, colW + 50, top, colW - 66, PLOT_H) : timePanel(n, 54, top + PLOT_H + 48, colW - 70, PLOT_H);
  const vals: number[] = [];
  for (const t of TIERS) vals.push(...run.series[`tokens.demand.${t}`], ...run.series[`tokens.served.${t}`], ...(baseline?.series[`tokens.served.${t}`] ?? []));
  vals.push(...fanExtent(fan, TIERS.map((t) => `tokens.served.${t}`)));
  const scale = chooseScale(vals, "log", scaleMode);
  const vys = yScaleOf(vals, scale.mode, vp.y + vp.height, vp.y, fmtCompact);
  const vy = vys.scale;
  const ty = linearY([...run.series["throttle.share"], ...(baseline?.series["throttle.share"] ?? []), ...TIERS.flatMap((t) => [...run.series[`throttle.share.${t}`]]), 0.1, ...fanExtent(fan, ["throttle.share"])], tp.y + tp.height, tp.y);
  const peak = asPeak(run.metrics["peakThrottleShare"]);
  const worst = TIERS.map((t) => ({ t, p: asPeak({ value: Math.max(...run.series[`throttle.share.${t}`]), month: "" }) })).sort((a, b) => b.p!.value - a.p!.value)[0];
  const description = peak && peak.value > 0.001
    ? `At worst ${fmtShare(peak.value, 1)} of tokens go unserved (${peak.month}); the ${TIER_NAME[worst.t].toLowerCase()} tier is hit hardest, peaking at ${fmtShare(worst.p!.value, 1)} unserved.`
    : "Serving capacity meets token demand for every tier over the whole horizon.";
  const panels = [vp, tp];
  const volumeLines = placeLines(
    TIERS.flatMap((t) => [
      { key: `served.${t}`, label: `${TIER_NAME[t]} served`, values: run.series[`tokens.served.${t}`], color: TIER_COLOR[t], dash: TIER_DASH[t], width: 2.2, keep: vys.keep },
      { key: `demand.${t}`, label: `${TIER_NAME[t]} demanded`, values: run.series[`tokens.demand.${t}`], color: TIER_COLOR[t], dash: TIER_DASH[t], width: 1, keep: vys.keep },
    ]),
    vp.xScale,
    vy,
    vp.y,
    vp.y + vp.height,
    false,
  );
  const throttleLines = placeLines(
    [
      ...TIERS.map((t) => ({ key: t, label: TIER_NAME[t], values: run.series[`throttle.share.${t}`], color: TIER_COLOR[t], dash: TIER_DASH[t], width: 1.6 })),
      { key: "all", label: "all tiers", values: run.series["throttle.share"], color: OKABE_ITO.black, width: 3 },
    ],
    tp.xScale,
    (v) => ty(v),
    tp.y,
    tp.y + tp.height,
    false,
  );
  // The legend is next to both panels, so no end labels (they would cover the lines' flat ends); lines that
  // coincide are drawn a little apart and named here instead.
  const volumeName = (key: string) => labelOf(key);
  const throttleName = (key: string) => (key === "all" ? "all tiers" : TIER_NAME[key] ?? key);
  const twins = [
    ...volumeLines.filter((l) => l.sameAs).map((l) => `${volumeName(l.key)} = ${volumeName(l.sameAs!)}`),
    ...throttleLines.filter((l) => l.sameAs).map((l) => `${throttleName(l.key)} = ${throttleName(l.sameAs!)} (unserved)`),
  ];
  return {
    id: "tokens",
    title: "Tokens demanded vs served, by tier",
    subtitle: `tokens / month (${scale.mode} scale) and the share unserved`,
    description,
    width: W,
    height: tp.y + PLOT_H + 24,
    wide: true,
    scale,
    ...(twins.length ? { note: `Lines that coincide, drawn a little apart: ${twins.join("; ")}.` } : {}),
    legend,
    legendWidth,
    ...panelTimeAxis(run, panels),
    volume: { ...vp, ticks: vys.ticks, lines: volumeLines },
    throttle: { ...tp, ticks: yTicks(ty, (v) => fmtShare(v), 4), lines: throttleLines },
    baselineVolume: baseline ? TIERS.map((t) => ({ key: t, d: linePath(baseline.series[`tokens.served.${t}`], vp.xScale, vy, vys.keep), color: TIER_COLOR[t] })) : [],
    volumeFans: TIERS.map((t) => fanMarks(fan, `tokens.served.${t}`, vp.xScale, vy, TIER_COLOR[t], vys.keep)).filter((f): f is FanMarks => !!f),
    throttleFan: fanMarks(fan, "throttle.share", tp.xScale, ty, OKABE_ITO.black),
    ...(fan ? { fanNote: fanNote(fan)!.replace("Bands:", "Bands (tokens served by tier; share unserved, all tiers):") } : {}),
    baselineThrottleD: baseline ? linePath(baseline.series["throttle.share"], tp.xScale, ty) : "",
    ...(baseline ? { baselineNote: "Wide pale bands: the pinned baseline's tokens served by tier (volume) and share unserved, all tiers." } : {}),
    csvSeries: [...TIERS.flatMap((t) => [`tokens.demand.${t}`, `tokens.served.${t}`, `throttle.share.${t}`]), "throttle.share"],
    readout: (i) => [
      { label: "Month", value: `${run.months[i]} (served of demanded, tokens / month)` },
      ...TIERS.map((t) => ({ label: TIER_NAME[t], value: `${fmtCompact(at(run, `tokens.served.${t}`, i))} of ${fmtCompact(at(run, `tokens.demand.${t}`, i))}, ${fmtShare(at(run, `throttle.share.${t}`, i), 1)} unserved`, color: TIER_COLOR[t] })),
      { label: "All tiers", value: `${fmtShare(at(run, "throttle.share", i), 1)} unserved` },
    ],
    table: () => ({
      columns: ["Month", ...TIERS.flatMap((t) => [`${TIER_NAME[t]} demanded (tokens / month)`, `${TIER_NAME[t]} served (tokens / month)`, `${TIER_NAME[t]} unserved (share)`]), "All tiers unserved (share)"],
      rows: run.months.map((m, i) => [m, ...TIERS.flatMap((t) => [fmtTable(at(run, `tokens.demand.${t}`, i)), fmtTable(at(run, `tokens.served.${t}`, i)), fmtTable(at(run, `throttle.share.${t}`, i))]), fmtTable(at(run, "throttle.share", i))]),
    }),
  };
}

/** "served.onDemand" → "On-demand API served". */
function labelOf(key: string): string {
  const [kind, tier] = key.split(".");
  return `${TIER_NAME[tier] ?? tier} ${kind === "served" ? "served" : "demanded"}`;
}
