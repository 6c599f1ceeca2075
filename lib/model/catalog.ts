import parametersJson from "../../data/parameters.json";
import gpusJson from "../../data/gpus.json";
import pathsJson from "../../data/paths.json";
import installedJson from "../../data/installed-base.json";
import generationMixJson from "../../data/generation-mix.json";
import type { Anchors } from "./paths";

/** Where a default number comes from. */
export type Provenance =
  | { kind: "source"; source: string; date: string; confidence: "H" | "M" | "L" | "H/M" | "M–L" }
  | { kind: "assumption"; reasoning: string };

/** How a parameter is drawn over its low–high band in uncertainty sweeps (lib/model/sampling). */
export type DistributionKind = "uniform" | "triangular" | "lognormal";
/** The distribution kinds, for validation. */
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ["uniform", "triangular", "lognormal"];

/** One numeric parameter of the catalog (data/parameters.json). */
export interface ParamSpec {
  id: string;
  /** Short key used in share URLs; never reused for another parameter. */
  short: string;
  group: "supply" | "demand" | "serving" | "prices" | "horizon";
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  step: number;
  /** Low/high range for uncertainty sweeps. */
  low: number;
  high: number;
  /**
   * Sampling distribution over [low, high]: uniform; triangular with its mode at the default; lognormal
   * with its 5th and 95th percentiles at low and high (truncated to [min, max]). Set by scripts/set-distributions.ts.
   */
  distribution: DistributionKind;
  provenance: Provenance;
  description: string;
}

/** A choice parameter (the throttling policy). */
export interface ChoiceSpec {
  id: string;
  short: string;
  group: string;
  label: string;
  options: { id: string; label: string }[];
  default: string;
  provenance: Provenance;
}

/** One accelerator generation (data/gpus.json). */
export interface GpuGeneration {
  id: string;
  /** "nvidia" or "custom" (kept for older readers; the vendor field is what the model uses). */
  family: "nvidia" | "custom";
  /** Vendor id (data/gpus.json vendors.ids): its generations replace each other; vendors split packaging. */
  vendor: string;
  label: string;
  launch: string;
  node: string;
  h100e: number;
  hbmGB: number;
  allInKW: number;
  logicUnitsPerWafer: number;
  packagesPerCowosWafer: number;
  listPriceUSD: number;
  /** HBM generation (key of data/gpus.json hbmGenerations). */
  hbmGen: string;
  /** Number formats the hardware serves natively. */
  formats: string[];
  /** Share of the full software gain this generation's features allow (0–1). */
  softwareHeadroom: number;
  provenance: Provenance;
}

/** Vendors and their shares of advanced packaging (data/gpus.json). */
export interface VendorTable {
  ids: string[];
  labels: Record<string, string>;
  packagingShare: { anchors: Record<string, Record<string, number>>; provenance: Provenance };
  /** Networking revenue per dollar of accelerator revenue, for vendors that report data-centre revenue with it. */
  networkingRevenue: { perComputeRevenue: Record<string, number>; provenance: Provenance };
}

/** A planned path (data/paths.json). */
export interface PathSpec {
  label: string;
  unit: string;
  scale?: string;
  step?: boolean;
  anchors: Anchors;
  provenance: Provenance;
}

/**
 * Problems with the catalog's sampling declarations: a parameter without a known distribution, a band
 * outside [min, max] or not containing the default, or a lognormal band that is not positive. Empty when valid.
 */
export function catalogSamplingProblems(params: readonly ParamSpec[]): string[] {
  const problems: string[] = [];
  const missing = params.filter((p) => !DISTRIBUTION_KINDS.includes(p.distribution)).map((p) => p.id);
  if (missing.length) problems.push(`no valid "distribution" (uniform, triangular or lognormal) for ${missing.join(", ")}; run npx tsx scripts/set-distributions.ts`);
  for (const p of params) {
    if (!(p.min <= p.low && p.low <= p.high && p.high <= p.max)) problems.push(`${p.id}: band ${p.low}–${p.high} is not within ${p.min}–${p.max}`);
    else if (p.distribution === "triangular" && !(p.low <= p.default && p.default <= p.high)) problems.push(`${p.id}: triangular mode (the default ${p.default}) is outside its band ${p.low}–${p.high}`);
    else if (p.distribution === "lognormal" && !(p.low > 0 && p.high > p.low)) problems.push(`${p.id}: lognormal needs 0 < low < high, has ${p.low}–${p.high}`);
  }
  return problems;
}

/** Every numeric parameter, in catalog order (validated when loaded). */
export const PARAMS: readonly ParamSpec[] = parametersJson.parameters as ParamSpec[];
{
  const problems = catalogSamplingProblems(PARAMS);
  if (problems.length) throw new Error(`data/parameters.json: ${problems.join("; ")}`);
}
/** Choice parameters. */
export const CHOICES: readonly ChoiceSpec[] = parametersJson.choices as ChoiceSpec[];
/** Parameter specs by id. */
export const PARAM_BY_ID: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.id, p]));
/** Accelerator generations, oldest first. */
export const GPUS: readonly GpuGeneration[] = (gpusJson.generations as GpuGeneration[]).map((g) => ({
  // One fixed property order for every generation: the model's inner loop then sees one object shape.
  id: g.id,
  family: g.family,
  label: g.label,
  launch: g.launch,
  node: g.node,
  h100e: g.h100e,
  hbmGB: g.hbmGB,
  allInKW: g.allInKW,
  logicUnitsPerWafer: g.logicUnitsPerWafer,
  packagesPerCowosWafer: g.packagesPerCowosWafer,
  listPriceUSD: g.listPriceUSD,
  hbmGen: g.hbmGen,
  formats: g.formats,
  softwareHeadroom: g.softwareHeadroom,
  vendor: g.vendor,
  provenance: g.provenance,
}));
/** Accelerator vendors and their packaging shares. */
export const VENDORS: VendorTable = gpusJson.vendors as unknown as VendorTable;
/** HBM generations: wafer area per GB relative to HBM3E. */
export const HBM_GENERATIONS: Readonly<Record<string, { areaFactor: number }>> = gpusJson.hbmGenerations as unknown as Record<string, { areaFactor: number }>;
/**
 * HBM made for accelerators outside the counted vendors (docs/model.md §6): `hbmChinaStacks2024M` million stacks of
 * `gbPerStack` GB of generation `hbmGen`, made evenly over the months `from` … `to`.
 */
export const HBM_OUTSIDE_VENDORS: Readonly<{ gbPerStack: number; hbmGen: string; from: string; to: string }> = gpusJson.hbmOutsideVendors;
/** Planned paths by id. */
export const PATHS: Readonly<Record<string, PathSpec>> = pathsJson.paths as unknown as Record<string, PathSpec>;
/** Units shipped by vendor and generation per calendar quarter of 2024–2025 (Epoch AI): quarters["2024-Q1"][vendor][gen]. */
export const GENERATION_MIX_QUARTERS: Readonly<Record<string, Record<string, Record<string, number>>>> = generationMixJson.quarters;
/** Accelerator cohorts shipped before the start (Epoch AI). */
export const INSTALLED_BASE = installedJson;

/** The catalog's default value of every numeric parameter. */
export function defaultParams(): Record<string, number> {
  return { ...DEFAULTS };
}

/** Copied by `defaultParams`; a spread copy keeps fast properties (an object built key by key would not). */
const DEFAULTS: Readonly<Record<string, number>> = { ...Object.fromEntries(PARAMS.map((p) => [p.id, p.default])) };
