import { GPUS } from "../catalog";
import { INPUTS, SHORTAGES, TIERS, type Run } from "../types";

/**
 * Ids of the numeric series the workspace's time charts draw (the union of their CSV series), in a fixed order,
 * limited to the series the run has: what a Monte Carlo fan needs quantiles of.
 */
export function chartedSeriesIds(run: Run): string[] {
  const ids = [
    ...INPUTS.flatMap((r) => [`supply.${r}`, `demand.${r}`]),
    ...SHORTAGES.map((r) => `shortage.${r}`),
    "gpu.limit.wafers", "gpu.limit.packaging", "gpu.limit.hbm", "gpu.limit.power", "gpu.output.h100e", "gpu.demand.h100e",
    "power.ratio.cpuToGpu", "power.used.cpu", "power.used.gpu",
    ...TIERS.flatMap((t) => [`tokens.demand.${t}`, `tokens.served.${t}`, `throttle.share.${t}`]), "throttle.share",
    ...["wafer", "packaging", "hbm", "dram", "nand"].map((r) => `price.${r}`),
    "wafer.share.ai", "wafer.share.cpu", "wafer.share.consumer",
    ...GPUS.flatMap((g) => [`revenuePerGpuHour.${g.id}`, `rent.${g.id}`]),
  ];
  return ids.filter((id) => run.series[id] !== undefined);
}
