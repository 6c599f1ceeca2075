import { format } from "d3-format";
import type { Run } from "@/lib/model";
import { asNumber, asPeak } from "../format";
import { bindingSequenceText, clearsAtText } from "./metricText";

/** How a metric moved against the pinned baseline: the text a card shows and which way it went. */
export interface MetricDelta {
  text: string;
  /** "up" and "down" say which way the number moved; "same" when it did not; "changed" for a change with no direction. */
  direction: "up" | "down" | "same" | "changed";
}

const SAME: MetricDelta = { text: "same as baseline", direction: "same" };
const signed1 = format("+.1f");
const signed2 = format("+,.2f");

/** Months from one "YYYY-MM" label to another (positive when `b` is later). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** When a shortage clears vs the baseline: "▲ 5 months later", "▼ 1 month earlier", or the baseline's text when the kinds differ. */
export function clearsAtDelta(run: Run, base: Run, input: string): MetricDelta {
  const cur = clearsAtText(run, input), was = clearsAtText(base, input);
  if (cur === was) return SAME;
  const both = run.metrics[`shortageStatus.${input}`] === "clears" && base.metrics[`shortageStatus.${input}`] === "clears";
  if (both && /^\d{4}-\d{2}$/.test(cur) && /^\d{4}-\d{2}$/.test(was)) {
    const d = monthsBetween(was, cur);
    if (d === 0) return SAME;
    return d > 0 ? { text: `▲ ${plural(d, "month")} later`, direction: "up" } : { text: `▼ ${plural(-d, "month")} earlier`, direction: "down" };
  }
  return { text: `baseline: ${was}`, direction: "changed" };
}

/** A change of a number, formatted with its unit; equal at the shown precision counts as the same. */
function numberDelta(cur: number, was: number, fmt: (d: number) => string): MetricDelta {
  if (!Number.isFinite(cur) || !Number.isFinite(was)) return { text: "baseline: —", direction: "changed" };
  const text = fmt(cur - was);
  // Equal at the shown precision ("+0.0×", "−$0.00") is no change.
  if (Number(text.replace(/[^0-9.]/g, "")) === 0) return SAME;
  return { text: `${cur > was ? "▲" : "▼"} ${text}`, direction: cur > was ? "up" : "down" };
}

/** A peak price multiple vs the baseline, in multiples of the 2024-01 price: "▲ +0.8×". */
export function peakPriceDelta(run: Run, base: Run, input: string): MetricDelta {
  const cur = asPeak(run.metrics[`peakPrice.${input}`])?.value ?? NaN, was = asPeak(base.metrics[`peakPrice.${input}`])?.value ?? NaN;
  return numberDelta(cur, was, (d) => `${signed1(d).replace("-", "−")}×`);
}

/** The peak share of tokens unserved vs the baseline, in percentage points: "▼ −2.1 pp". */
export function peakThrottleDelta(run: Run, base: Run): MetricDelta {
  const cur = asPeak(run.metrics["peakThrottleShare"])?.value ?? NaN, was = asPeak(base.metrics["peakThrottleShare"])?.value ?? NaN;
  return numberDelta(cur * 100, was * 100, (d) => `${signed1(d).replace("-", "−")} pp`);
}

/** Revenue per H100-hour in 2027 vs the baseline: "▲ +$0.35 / GPU-hour". */
export function revenueH100Delta(run: Run, base: Run): MetricDelta {
  const cur = asNumber(run.metrics["revenuePerGpuHour.h100.2027"]), was = asNumber(base.metrics["revenuePerGpuHour.h100.2027"]);
  return numberDelta(cur, was, (d) => `${d < 0 ? "−" : "+"}$${signed2(Math.abs(d)).replace("+", "")} / GPU-hour`);
}

/** The binding sequence vs the baseline: the same, or the baseline's sequence. */
export function bindingSequenceDelta(run: Run, base: Run): MetricDelta {
  const cur = bindingSequenceText(run), was = bindingSequenceText(base);
  return cur === was ? SAME : { text: `baseline: ${was}`, direction: "changed" };
}
