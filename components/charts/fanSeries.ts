import { GPUS, INPUTS, SHORTAGES, TIERS } from "@/lib/model";
import { PRICED } from "./pricesState";

/** Every series a time chart draws a fan for: what a Monte Carlo request summarises month by month. */
export const FAN_SERIES: readonly string[] = [
  ...INPUTS.flatMap((r) => [`supply.${r}`, `demand.${r}`]),
  ...PRICED.map((r) => `price.${r}`),
  "power.ratio.cpuToGpu",
  ...TIERS.map((t) => `tokens.served.${t}`),
  "throttle.share",
  "wafer.share.ai",
  ...GPUS.flatMap((g) => [`revenuePerGpuHour.${g.id}`, `rent.${g.id}`]),
];

/** The numeric metrics whose p10–p90 range the metric cards show (clearing months come from the cleared counts). */
export const FAN_METRICS: readonly string[] = ["peakPrice.dram", "peakPrice.nand", "peakThrottleShare", "revenuePerGpuHour.h100.2027"];

/** The shortages whose probability of having cleared is charted, and whose clearing range the cards show. */
export const FAN_CLEARING: readonly string[] = SHORTAGES;
