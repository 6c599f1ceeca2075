import type { Run } from "@/lib/model";
import { clearingQuantile, metricQuantile, type FanResult } from "@/lib/model/mc/merge";
import { fmtMultiple, fmtShare, fmtUsd } from "../format";
import { horizonYear } from "./metricText";

/** A clearing month read from the cleared counts: a month, "no shortage" (cleared from the start) or "beyond <year>". */
function clearingMonthText(run: Run, fan: FanResult, input: string, p: number): string {
  const t = clearingQuantile(fan, input, p);
  if (t === null) return `beyond ${horizonYear(run)}`;
  return t === 0 ? "no shortage" : run.months[t];
}

/** The p10–p90 range of a shortage's clearing month over the Monte Carlo runs, as a card shows it; null without a result. */
export function clearsAtRangeText(run: Run, fan: FanResult | null, input: string): string | null {
  if (!fan) return null;
  const lo = clearingMonthText(run, fan, input, 0.1), hi = clearingMonthText(run, fan, input, 0.9);
  return lo === hi ? `p10–p90: ${lo}` : `p10–p90: ${lo} – ${hi}`;
}

const FORMAT: Record<string, (v: number) => string> = {
  "peakPrice.dram": fmtMultiple,
  "peakPrice.nand": fmtMultiple,
  peakThrottleShare: (v) => fmtShare(v, 1),
  "revenuePerGpuHour.h100.2027": fmtUsd,
};

/** The p10–p90 range of a numeric card metric over the Monte Carlo runs; null without a result or when not sampled. */
export function metricRangeText(fan: FanResult | null, id: string): string | null {
  if (!fan) return null;
  const lo = metricQuantile(fan, id, 0.1), hi = metricQuantile(fan, id, 0.9);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const f = FORMAT[id] ?? ((v: number) => v.toPrecision(3));
  return `p10–p90: ${f(lo)} – ${f(hi)}`;
}
