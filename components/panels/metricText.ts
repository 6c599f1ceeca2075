import type { Run } from "@/lib/model";
import { MISSING, asNumber, asPeak, fmtMultiple, fmtShare, fmtUsd } from "../format";
import { isShort } from "../charts/common";

/** The last calendar year of a run's horizon. */
export function horizonYear(run: Run): string {
  return run.months[run.months.length - 1]?.slice(0, 4) ?? "";
}

/** When a shortage clears, as a card shows it: a month, "no shortage" or "beyond <last year>". */
export function clearsAtText(run: Run, input: string): string {
  const status = run.metrics[`shortageStatus.${input}`];
  if (status === "none") return "no shortage";
  if (status === "beyond") return `beyond ${horizonYear(run)}`;
  const m = run.metrics[`clearsAt.${input}`];
  return typeof m === "string" ? m : MISSING;
}

/** When a shortage starts, or null when there is none. */
export function firstShortText(run: Run, input: string): string | null {
  const m = run.metrics[`firstShortAt.${input}`];
  return typeof m === "string" ? m : null;
}

/** A peak price multiple's value text. */
export function peakPriceText(run: Run, input: string): string {
  const p = asPeak(run.metrics[`peakPrice.${input}`]);
  return p ? fmtMultiple(p.value) : MISSING;
}

/** The peak share of tokens unserved. */
export function peakThrottleText(run: Run): string {
  const p = asPeak(run.metrics["peakThrottleShare"]);
  return p ? fmtShare(p.value, 1) : MISSING;
}

/** Revenue per H100-hour in 2027. */
export function revenueH100Text(run: Run): string {
  const v = asNumber(run.metrics["revenuePerGpuHour.h100.2027"]);
  return Number.isFinite(v) ? `${fmtUsd(v)} / GPU-hour` : MISSING;
}

/** The sequence of binding constraints. */
export function bindingSequenceText(run: Run): string {
  const s = run.metrics["bindingSequence"];
  return typeof s === "string" && s ? s : MISSING;
}

/** The month a peak metric is reached, or null. */
export function peakMonth(run: Run, id: string): string | null {
  return asPeak(run.metrics[id])?.month ?? null;
}

/** The first month a shortage returns after its clearing month, or null (the clearing metric reports the first episode). */
export function shortAgainText(run: Run, input: string): string | null {
  const cleared = run.metrics[`clearsAt.${input}`];
  const ratio = run.series[`shortage.${input}`];
  if (typeof cleared !== "string" || !ratio) return null;
  for (let i = Math.max(0, run.months.indexOf(cleared)); i < ratio.length; i++) if (isShort(ratio[i])) return run.months[i];
  return null;
}
