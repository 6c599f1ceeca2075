/**
 * Parameters and drivers that earlier model versions had and the current one does not, by the key a
 * link wrote them with (short key, full id, or formula driver id). A link that carries one opens with
 * the current model and a notice saying what replaced it; the key is never reused for something else.
 */
export interface RetiredKey {
  /** Full parameter id (or driver id for formulas). */
  id: string;
  /** Model version that retired it. */
  retiredIn: string;
  /** What took its place, in words. */
  replacedBy: string;
}

const MODEL_2 = "0.2.0 (2026-12-01)";

const LIST: [short: string, id: string, replacedBy: string][] = [
  ["gcu", "gpuCatchUpMonths", "orders now close the gap to the fleet wanted one lead time ahead (gpuLeadMonths)"],
  ["swg", "softwareGainPerYear", "software gains are a curve per generation (softwareGainCeiling, softwareGainMonths)"],
  ["vrs", "verifierRatioStart", "RL verifier CPU is in vCPU-hours per GPU-hour (rlVcpuPerGpuHourStart)"],
  ["vre", "verifierRatioEnd", "RL verifier CPU is in vCPU-hours per GPU-hour (rlVcpuPerGpuHourEnd)"],
  ["hbs", "hbmWaferShareCapStart", "HBM is limited by stacking (TSV) capacity and yield (hbmStackCapacityScale, hbmStackYield)"],
  ["hbe", "hbmWaferShareCap2028", "HBM is limited by stacking (TSV) capacity and yield (hbmStackCapacityScale, hbmStackYield)"],
  ["cas", "customAcceleratorShare", "vendors split advanced packaging by sourced shares (data/gpus.json)"],
  ["dpr", "dramPriceResponse", "DRAM prices follow makers' inventory (dramInventoryPriceResponse)"],
  ["npr", "nandPriceResponse", "NAND prices follow makers' inventory (nandInventoryPriceResponse)"],
  ["tsh", "trainingStartMH100e", "training compute at the start is derived from the installed base (gpuShortageStart)"],
  ["gpr", "glutPriceResponseShare", "memory prices follow inventory; foundry and packaging prices are cost plus a scarcity premium"],
  ["wpr", "wafersPriceResponse", "a wafer scarcity premium (waferPricePremium)"],
  ["ppr", "packagingPriceResponse", "a packaging scarcity premium (packagingPricePremium)"],
  ["rsh", "rentShare", "rents come from the market for GPU-hours (rentScarcityResponse, gpuContractMonths)"],
  ["hpr", "hbmPriceResponse", "an HBM scarcity premium on annual contracts (hbmPricePremium)"],
];

/** Retired keys by short key and by full id. */
export const RETIRED_KEYS: ReadonlyMap<string, RetiredKey> = new Map(
  LIST.flatMap(([short, id, replacedBy]) => {
    const r: RetiredKey = { id, retiredIn: MODEL_2, replacedBy };
    return [[short, r], [id, r]] as [string, RetiredKey][];
  }),
);

/** Formula drivers retired, by driver id. */
export const RETIRED_DRIVERS: ReadonlyMap<string, RetiredKey> = new Map([
  ["verifierRatio", { id: "verifierRatio", retiredIn: MODEL_2, replacedBy: "the rlVcpuPerGpuHour driver (vCPU-hours per H100e-hour of RL)" }],
  ["hbmWaferShareCap", { id: "hbmWaferShareCap", retiredIn: MODEL_2, replacedBy: "the hbmStackCapacity driver (HBM stacking capacity)" }],
]);
