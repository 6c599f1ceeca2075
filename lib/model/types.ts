/** How capacity is rationed among token customers when demand exceeds capacity. */
export type ThrottlePolicy = "proportional" | "priority" | "degrade";

/** The inputs whose capacity the model tracks. */
export const INPUTS = ["wafer", "packaging", "hbm", "dram", "nand", "power"] as const;
/** One supply-chain input. */
export type InputId = (typeof INPUTS)[number];

/** Everything a shortage can be measured for: the inputs, the two products and tokens. */
export const SHORTAGES = [...INPUTS, "gpu", "cpu", "tokens"] as const;
/** One shortage series id suffix. */
export type ShortageId = (typeof SHORTAGES)[number];

/** What limits accelerator output in a month. */
export const BINDINGS = ["wafers", "packaging", "hbm", "power", "demand"] as const;
/** One binding constraint. */
export type Binding = (typeof BINDINGS)[number];

/** Token customer tiers, in priority order. */
export const TIERS = ["enterprise", "onDemand", "consumer"] as const;
/** One token customer tier. */
export type Tier = (typeof TIERS)[number];

/** A fully resolved scenario: every parameter has a value. */
export interface Scenario {
  /** Parameter id → value in the catalog's unit. */
  params: Record<string, number>;
  policy: ThrottlePolicy;
  /** Path id → mathjs formula in t (months since start) replacing that path; compiled by lib/model/formula. */
  formulas?: Record<string, string>;
}

/** A metric that is a value reached in a month. */
export interface PeakMetric {
  value: number;
  month: string;
}

/** A metric value: a number, a month ("YYYY-MM"), a peak, a label, or null (never / not applicable). */
export type MetricValue = number | string | PeakMetric | null;

/** Description of a series for tables, charts and exports. */
export interface SeriesMeta {
  label: string;
  unit: string;
}

/** The result of one simulation: monthly series over the horizon plus headline metrics. */
export interface Run {
  schema: "chokepoint.run/1";
  /** "YYYY-MM" for each step. */
  months: string[];
  /** Numeric series, one value per month. */
  series: Record<string, Float64Array>;
  /** Categorical series (e.g. gpu.binding), one label per month. */
  labels: Record<string, string[]>;
  metrics: Record<string, MetricValue>;
  meta: Record<string, SeriesMeta>;
  /** Problems found while running (e.g. a formula that produced a non-finite value and was clamped). */
  warnings: string[];
}
