import { TIERS, type Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { asPeak, fmtCompact, fmtShare, fmtTable } from "../format";
import { OKABE_ITO, TIER_COLOR } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { linearY, logTicks, logY, WIDE_WIDTH, yTicks, type YTick } from "./scales";
import type { ChartBase } from "./types";
import type { LegendItem } from "./marks/Legend";

/** Names of the token tiers. */
export const TIER_NAME: Record<string, string> = { enterprise: "Enterprise", onDemand: "On-demand API", consumer: "Consumer / free" };

/** State of the tokens-by-tier chart: demanded vs served (log) and the share unserved. */
export interface TokensState extends ChartBase {
  months: string[];
  volume: TimePanel & { ticks: YTick[]; lines: { key: string; d: string; color: string; dash?: string }[] };
  throttle: TimePanel & { ticks: YTick[]; lines: { key: string; d: string; color: string; width: number }[] };
  legend: LegendItem[];
  /** The pinned baseline: tokens served by tier (volume panel) and the share unserved, all tiers (throttle panel). */
  baselineVolume: { key: string; d: string; color: string }[];
  baselineThrottleD: string;
  /** Uncertainty fans: tokens served by tier (volume panel) and the share unserved, all tiers (throttle panel). */
  volumeFans: FanMarks[];
  throttleFan: FanMarks | null;
}

/** Tokens demanded and served by customer tier, and the share of each tier's tokens left unserved. */
export function tokensState(run: Run, baseline?: Run | null, fan?: FanResult | null): TokensState {
  const n = run.months.length;
  const colW = WIDE_WIDTH / 2;
  const vp = timePanel(n, 54, 46, colW - 70, 170);
  const tp = timePanel(n, colW + 50, 46, colW - 66, 170);
  const vals: number[] = [];
  for (const t of TIERS) vals.push(...run.series[`tokens.demand.${t}`], ...run.series[`tokens.served.${t}`], ...(baseline?.series[`tokens.served.${t}`] ?? []));
  vals.push(...fanExtent(fan, TIERS.map((t) => `tokens.served.${t}`)));
  const vy = logY(vals, vp.y + vp.height, vp.y);
  const ty = linearY([...run.series["throttle.share"], ...(baseline?.series["throttle.share"] ?? []), ...TIERS.flatMap((t) => [...run.series[`throttle.share.${t}`]]), 0.1, ...fanExtent(fan, ["throttle.share"])], tp.y + tp.height, tp.y);
  const peak = asPeak(run.metrics["peakThrottleShare"]);
  const worst = TIERS.map((t) => ({ t, p: asPeak({ value: Math.max(...run.series[`throttle.share.${t}`]), month: "" }) })).sort((a, b) => b.p!.value - a.p!.value)[0];
  const description = peak && peak.value > 0.001
    ? `At worst ${fmtShare(peak.value, 1)} of tokens go unserved (${peak.month}); the ${TIER_NAME[worst.t].toLowerCase()} tier is hit hardest, peaking at ${fmtShare(worst.p!.value, 1)} unserved.`
    : "Serving capacity meets token demand for every tier over the whole horizon.";
  const panels = [vp, tp];
  return {
    id: "tokens",
    title: "Tokens demanded vs served, by tier",
    subtitle: "tokens / month (log scale) and the share unserved",
    description,
    width: WIDE_WIDTH,
    height: 46 + 170 + 24,
    wide: true,
    ...panelTimeAxis(run, panels),
    volume: {
      ...vp,
      ticks: logTicks(vy, fmtCompact),
      lines: TIERS.flatMap((t) => [
        { key: `served.${t}`, d: linePath(run.series[`tokens.served.${t}`], vp.xScale, vy, (v) => v > 0), color: TIER_COLOR[t] },
        { key: `demand.${t}`, d: linePath(run.series[`tokens.demand.${t}`], vp.xScale, vy, (v) => v > 0), color: TIER_COLOR[t], dash: "5 3" },
      ]),
    },
    throttle: {
      ...tp,
      ticks: yTicks(ty, (v) => fmtShare(v), 4),
      lines: [
        ...TIERS.map((t) => ({ key: t, d: linePath(run.series[`throttle.share.${t}`], tp.xScale, ty), color: TIER_COLOR[t], width: 1.6 })),
        { key: "all", d: linePath(run.series["throttle.share"], tp.xScale, ty), color: OKABE_ITO.black, width: 2.2 },
      ],
    },
    legend: [
      ...TIERS.map((t) => ({ label: TIER_NAME[t], color: TIER_COLOR[t] })),
      { label: "served (solid) / demanded (dashed)", color: "#1b1f24", dash: "5 3" },
      { label: "all tiers (unserved)", color: OKABE_ITO.black },
    ],
    volumeFans: TIERS.map((t) => fanMarks(fan, `tokens.served.${t}`, vp.xScale, vy, TIER_COLOR[t], (v) => v > 0)).filter((f): f is FanMarks => !!f),
    throttleFan: fanMarks(fan, "throttle.share", tp.xScale, ty, OKABE_ITO.black),
    ...(fan ? { fanNote: fanNote(fan)!.replace("Bands:", "Bands (tokens served by tier; share unserved, all tiers):") } : {}),
    baselineVolume: baseline ? TIERS.map((t) => ({ key: t, d: linePath(baseline.series[`tokens.served.${t}`], vp.xScale, vy, (v) => v > 0), color: TIER_COLOR[t] })) : [],
    baselineThrottleD: baseline ? linePath(baseline.series["throttle.share"], tp.xScale, ty) : "",
    ...(baseline ? { baselineNote: "Dotted lines: the pinned baseline's tokens served by tier (left) and share unserved, all tiers (right)." } : {}),
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
