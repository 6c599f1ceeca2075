/**
 * Declares each catalog parameter's sampling distribution over its low–high band, and writes it to
 * data/parameters.json as "distribution" (placed after "high"). Idempotent: re-running on a catalog that
 * already has the field rewrites the same values. Explicit overrides win over the rules; a parameter that
 * neither names fails the script with the list of such ids, so a new catalog never gets a silent guess.
 *
 *   npx tsx scripts/set-distributions.ts          # write
 *   npx tsx scripts/set-distributions.ts --check  # exit 1 if the file differs from what would be written
 *
 * uniform: no basis for a central value inside the band.
 * triangular: the default is the best estimate (mode), the band its plausible spread.
 * lognormal: a positive, multiplicative quantity (a level, a multiplier, a growth factor) whose band spans
 *   a wide ratio; low and high are its 5th and 95th percentiles.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A sampling distribution over a parameter's band. */
type Distribution = "uniform" | "triangular" | "lognormal";

/** A rule: parameters whose id matches take this distribution, for this reason. */
interface Rule {
  pattern: RegExp;
  distribution: Distribution;
  reason: string;
}

/** Rules by id pattern, first match wins. */
export const RULES: readonly Rule[] = [
  { pattern: /CapacityScale$/, distribution: "triangular", reason: "the suppliers' plan is the central estimate; execution slips or beats it" },
  { pattern: /LeadMonths$/, distribution: "triangular", reason: "a typical lead time is reported; projects run shorter or longer" },
  { pattern: /PriceResponse$/, distribution: "triangular", reason: "fitted responses: the fit is the mode, the band the spread of plausible fits" },
  { pattern: /GrowthPerYear$/, distribution: "triangular", reason: "a growth rate with a central estimate" },
  { pattern: /Share(Start|20\d\d)?$|ShareCap(Start|20\d\d)$/, distribution: "triangular", reason: "a share with a central estimate, bounded by its band" },
  { pattern: /^consumer(Wafers|Dram|Nand)Start/, distribution: "triangular", reason: "a reported starting level" },
  { pattern: /(KW|PerWafer|PerServer|PerServerStart|InstalledStartM)$/, distribution: "triangular", reason: "a reported hardware figure with a spread across configurations" },
  { pattern: /UsefulLifeYears$/, distribution: "uniform", reason: "depreciation lives in use span the band with no central practice" },
  { pattern: /PricePremium$/, distribution: "triangular", reason: "a fitted price response: the fit is the mode" },
  { pattern: /InventoryWeeks(Start|Normal)$/, distribution: "triangular", reason: "a reported or fitted inventory level with a spread" },
  { pattern: /UtilizationStart$/, distribution: "triangular", reason: "a reported starting utilisation" },
  { pattern: /^[a-z]+Usd(Per[A-Za-z]+)?Start$/, distribution: "triangular", reason: "a reported starting price with a spread across contracts" },
];

/** Explicit choices, which take precedence over the rules. */
export const OVERRIDES: Readonly<Record<string, { distribution: Distribution; reason: string }>> = {
  // Multiplicative levels and growth factors whose bands span a wide ratio.
  chatTokensStartT: { distribution: "lognormal", reason: "a usage level known to within a factor of about 2" },
  chatGrowthPerYear: { distribution: "lognormal", reason: "a × per year growth factor: multiplicative uncertainty" },
  chatSaturationT: { distribution: "lognormal", reason: "a saturation level uncertain by a factor of about 2 each way" },
  agentHoursStartM: { distribution: "lognormal", reason: "an early usage level uncertain by a factor of 2 each way" },
  agentGrowthPerYear: { distribution: "lognormal", reason: "a × per year growth factor" },
  agentSaturationM: { distribution: "lognormal", reason: "a saturation level uncertain by a factor of five" },
  agentFreshTokensPerHourM: { distribution: "lognormal", reason: "tokens per agent-hour vary multiplicatively with task type" },
  agentCachedTokensPerHourM: { distribution: "lognormal", reason: "context re-reads scale multiplicatively with context length" },
  cachedTokenComputeWeight: { distribution: "lognormal", reason: "a cost ratio known to within a factor of 2" },
  subtasksPerGoal: { distribution: "lognormal", reason: "sub-tasks per goal span an order of magnitude" },
  cpuSecondsPerSubtask: { distribution: "lognormal", reason: "CPU time per sub-task spans a factor of six" },
  sandboxVcpusPerAgent: { distribution: "lognormal", reason: "sandbox sizes come in powers of two" },
  trainingGrowthPerYear: { distribution: "lognormal", reason: "a × per year growth factor" },
  trainingSaturationMH100e: { distribution: "lognormal", reason: "a saturation level uncertain by a factor of three" },
  verifierRatioStart: { distribution: "lognormal", reason: "a small power ratio known to within a factor of 2" },
  verifierRatioEnd: { distribution: "lognormal", reason: "a power ratio: multiplicative uncertainty" },
  edgeTokensPerDeviceM: { distribution: "lognormal", reason: "use per device spans a factor of four" },
  edgeDramGBPerDevice: { distribution: "lognormal", reason: "device memory comes in multiplicative steps" },
  gpuHostDramGBPerAccelerator: { distribution: "lognormal", reason: "host memory configurations come in powers of two" },
  gpuNandTBPerAccelerator: { distribution: "lognormal", reason: "local storage per accelerator spans a factor of four" },
  cpuNandTBPerServer: { distribution: "lognormal", reason: "storage per server spans a factor of four" },
  tokensPerSecondPerH100e: { distribution: "lognormal", reason: "throughput varies multiplicatively with model size and batch" },
  heavyUserAgentHoursPerDay: { distribution: "lognormal", reason: "a usage intensity: multiplicative uncertainty" },
  tokenPriceStart: { distribution: "lognormal", reason: "a price level: multiplicative uncertainty" },
  electricityUsdPerKWh: { distribution: "lognormal", reason: "a price level: multiplicative uncertainty" },
  // Best estimates with a spread.
  inducedResponse: { distribution: "triangular", reason: "a fitted response: the fit is the mode" },
  inducedMaxGrowthPerMonth: { distribution: "triangular", reason: "a growth cap with a central estimate" },
  packagingYield: { distribution: "triangular", reason: "a reported yield with a spread" },
  ddrGBPerWafer: { distribution: "triangular", reason: "a vendor figure with a spread across nodes" },
  hbmAreaFactor: { distribution: "triangular", reason: "a vendor figure with a spread across HBM generations" },
  pue: { distribution: "triangular", reason: "a reported fleet average with a spread across sites" },
  cpuSocketsPerServer: { distribution: "triangular", reason: "the mix of one- and two-socket servers, two-socket most common" },
  agentRunHours: { distribution: "triangular", reason: "a reported run length with a narrow spread" },
  warmPoolFactor: { distribution: "triangular", reason: "a fitted over-provisioning factor" },
  trainingStartMH100e: { distribution: "triangular", reason: "an estimated starting fleet with a spread" },
  verifierRampEndMonths: { distribution: "triangular", reason: "a fitted ramp end with a spread" },
  consumerElasticity: { distribution: "triangular", reason: "an elasticity with a fitted central value" },
  gpuCatchUpMonths: { distribution: "triangular", reason: "a fitted ordering lag" },
  inferencePriority: { distribution: "triangular", reason: "a fitted allocation share" },
  softwareGainPerYear: { distribution: "triangular", reason: "a yearly efficiency gain with a central estimate" },
  utilization: { distribution: "triangular", reason: "a reported fleet utilisation with a spread" },
  tokenPriceDeclinePerYear: { distribution: "triangular", reason: "a yearly decline with a central estimate" },
  scarcityElasticity: { distribution: "triangular", reason: "an elasticity with a central estimate" },
  priceAdjustPerMonth: { distribution: "triangular", reason: "a fitted adjustment speed" },
  memoryCostDeclinePerYear: { distribution: "triangular", reason: "a yearly cost decline with a central estimate" },
  // No basis for a central value.
  consumerContractFloor: { distribution: "uniform", reason: "contract cover is an assumption with no central evidence" },
  qualityFloor: { distribution: "uniform", reason: "the lowest acceptable quality is an assumption" },
  degradeCostRatio: { distribution: "uniform", reason: "the cost of a degraded token is an assumption" },
  rentShare: { distribution: "uniform", reason: "the share of revenue taken as rent is an assumption" },
  glutPriceResponseShare: { distribution: "uniform", reason: "the asymmetry of price responses is an assumption" },
  gpCpuStartShare: { distribution: "triangular", reason: "a fitted starting share" },
  // Parameters of the stage-module model (orders, inventories, capital costs).
  gpuBacklogMonthsStart: { distribution: "triangular", reason: "a reported backlog with a spread" },
  gpuShortageStart: { distribution: "triangular", reason: "a fitted starting shortage" },
  powerOrderSlack: { distribution: "triangular", reason: "a fitted ordering margin" },
  hbmStackYield: { distribution: "triangular", reason: "a reported yield with a spread" },
  hbmChinaStacks2024M: { distribution: "triangular", reason: "a reported count (all suppliers) is the mode; one supplier's count is the low end" },
  memoryUtilizationSpeed: { distribution: "triangular", reason: "a fitted adjustment speed" },
  memoryGlutUtilizationFloor: { distribution: "triangular", reason: "the deepest output cut read from reported 2023 wafer-start cuts, with a spread across makers" },
  memoryPriceToCostStart: { distribution: "triangular", reason: "a reported price-to-cost ratio" },
  memoryPriceFloorToCost: { distribution: "triangular", reason: "a trough price-to-cost ratio read from reported margins, with a spread" },
  memoryMinInventoryWeeks: { distribution: "triangular", reason: "a fitted floor with a spread" },
  memoryHoardingResponse: { distribution: "triangular", reason: "a fitted response: the fit is the mode" },
  gpVcpuPerNewServerStart: { distribution: "triangular", reason: "the typical configuration is the mode; larger servers are the tail" },
  aiCpuServersStartM: { distribution: "lognormal", reason: "a small fleet known to within a factor of about 2" },
  tokenDemandElasticity: { distribution: "triangular", reason: "an elasticity with a central estimate" },
  gpServerPriceElasticity: { distribution: "triangular", reason: "an elasticity with a central estimate" },
  agentBudgetBUsdPerMonth2026: { distribution: "lognormal", reason: "a spend level uncertain by a factor of 2 each way" },
  rlVcpuPerGpuHourStart: { distribution: "lognormal", reason: "a ratio known to within a factor of 2" },
  rlVcpuPerGpuHourEnd: { distribution: "triangular", reason: "a reported ratio with a spread" },
  softwareGainCeiling: { distribution: "triangular", reason: "a fitted ceiling with a central estimate" },
  softwareGainMonths: { distribution: "triangular", reason: "a fitted time constant" },
  systemCostMultiple: { distribution: "triangular", reason: "a reported cost multiple with a spread" },
  capitalCostRate: { distribution: "triangular", reason: "a cost of capital with a central estimate" },
  rentScarcityResponse: { distribution: "triangular", reason: "a fitted response: the fit is the mode" },
  gpuContractMonths: { distribution: "triangular", reason: "a typical contract length with a spread" },
  chatTokenPriceStart: { distribution: "lognormal", reason: "a price level: multiplicative uncertainty" },
  serverBaseCostUSD: { distribution: "triangular", reason: "a reported price with a spread across configurations" },
  // Not an uncertainty: the band is one value, so every draw keeps it.
  endYear: { distribution: "uniform", reason: "the horizon is a choice, not an uncertainty (its band is a single year)" },
};

/** A catalog parameter as far as this script needs it. */
interface CatalogParam {
  id: string;
  low: number;
  high: number;
  distribution?: Distribution;
  [key: string]: unknown;
}

/** The distribution for each parameter, or the list of ids no rule or override covers. */
export function chooseDistributions(params: readonly CatalogParam[]): { chosen: Map<string, Distribution>; unknown: string[]; invalid: string[] } {
  const chosen = new Map<string, Distribution>();
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const p of params) {
    const d = OVERRIDES[p.id]?.distribution ?? RULES.find((r) => r.pattern.test(p.id))?.distribution;
    if (!d) unknown.push(p.id);
    else if (d === "lognormal" && !(p.low > 0 && p.high > p.low)) invalid.push(`${p.id} (lognormal needs 0 < low < high, has ${p.low}–${p.high})`);
    else chosen.set(p.id, d);
  }
  return { chosen, unknown, invalid };
}

/** The catalog text with every parameter's "distribution" set (inserted after "high"). */
export function withDistributions(text: string): string {
  const catalog = JSON.parse(text) as { parameters: CatalogParam[] };
  const { chosen, unknown, invalid } = chooseDistributions(catalog.parameters);
  if (unknown.length) throw new Error(`no distribution rule or override for ${unknown.length} parameter(s): ${unknown.join(", ")}. Add them to OVERRIDES in scripts/set-distributions.ts.`);
  if (invalid.length) throw new Error(`invalid choices: ${invalid.join("; ")}`);
  catalog.parameters = catalog.parameters.map((p) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) {
      if (k === "distribution") continue;
      out[k] = v;
      if (k === "high") out.distribution = chosen.get(p.id);
    }
    if (!("distribution" in out)) out.distribution = chosen.get(p.id);
    return out as CatalogParam;
  });
  return JSON.stringify(catalog, null, 2) + "\n";
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "data", "parameters.json");
  const before = fs.readFileSync(file, "utf8");
  try {
    const after = withDistributions(before);
    if (process.argv.includes("--check")) {
      if (after !== before) {
        console.error("data/parameters.json lacks or differs in distributions: run npx tsx scripts/set-distributions.ts");
        process.exit(1);
      }
      console.log("data/parameters.json: distributions up to date");
    } else if (after === before) {
      console.log("data/parameters.json: distributions already up to date");
    } else {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, after);
      fs.renameSync(tmp, file);
      const counts: Record<string, number> = {};
      for (const p of (JSON.parse(after) as { parameters: CatalogParam[] }).parameters) counts[p.distribution!] = (counts[p.distribution!] ?? 0) + 1;
      console.log(`data/parameters.json: distributions written (${Object.entries(counts).map(([d, n]) => `${n} ${d}`).join(", ")})`);
    }
  } catch (e) {
    console.error(`set-distributions: ${(e as Error).message}`);
    process.exit(1);
  }
}
