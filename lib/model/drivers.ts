import { PATHS } from "./catalog";
import { trainingStartMH100e } from "./warmStart";
import { fillLogistic, fillPath, fillRamp } from "./paths";
import { applyFormulas, type DriverBounds } from "./formulaPaths";
import { scratch } from "./scratch";
import { monthIndex } from "./time";

/** A time path the model reads month by month; each can be replaced by a formula in t. */
export interface DriverSpec {
  id: string;
  label: string;
  unit: string;
  /** How the default path is formed, in words. */
  defaultRule: string;
}

const fromPath = (id: string): DriverSpec => ({
  id,
  label: PATHS[id].label,
  unit: PATHS[id].unit,
  defaultRule: `Planned anchors in data/paths.json${PATHS[id].scale ? ` × ${PATHS[id].scale}` : ""}`,
});

/** Every driver that a formula can replace. */
export const DRIVERS: readonly DriverSpec[] = [
  fromPath("waferCapacity"),
  fromPath("n3Capacity"),
  fromPath("packagingCapacity"),
  fromPath("dramCapacity"),
  fromPath("nandCapacity"),
  fromPath("hbmStackCapacity"),
  fromPath("powerCapacity"),
  fromPath("vcpuPerSocket"),
  { id: "chatTokens", label: "Chat & API token demand", unit: "trillion tokens / month", defaultRule: "logistic(t, chatTokensStartT, chatGrowthPerYear, chatSaturationT)" },
  { id: "agentHours", label: "Agent-hours", unit: "million agent-hours / month", defaultRule: "logistic(t, agentHoursStartM, agentGrowthPerYear, agentSaturationM)" },
  { id: "trainingDemand", label: "Training compute demand", unit: "million H100e", defaultRule: "logistic(t, trainingStartMH100e (derived: the installed base × (1 + gpuShortageStart) less inference need at the start), trainingGrowthPerYear, trainingSaturationMH100e)" },
  { id: "rlShare", label: "RL share of training compute", unit: "share", defaultRule: "linear from rlShareStart (2024-01) to rlShare2028 (2028-01), flat after" },
  { id: "rlVcpuPerGpuHour", label: "RL verifier CPU per GPU-hour of RL", unit: "vCPU-hours / H100e-hour", defaultRule: "rlVcpuPerGpuHourStart until 2024-09 (o1-preview: verifier-heavy RL begins), then linear to rlVcpuPerGpuHourEnd at verifierRampEndMonths, flat after" },
  { id: "edgeShare", label: "Tokens served on local devices", unit: "share", defaultRule: "linear from edgeShareStart (2024-01) to edgeShare2030 (2030-01), flat after" },
];

/** Driver ids. */
export const DRIVER_IDS: ReadonlySet<string> = new Set(DRIVERS.map((d) => d.id));

/** Drivers that are shares and must stay within [0, 1]. */
const SHARE_DRIVERS = new Set(["rlShare", "edgeShare"]);

/** `a` until month index `start` (0: the line starts at once), a line to `b` at month index `end` (at least start + 1), flat after. */
const linear = (out: Float64Array, a: number, b: number, end: number, start = 0) => fillRamp(out, a, b, Math.max(start + 1, end), start);
const RL_SHARE_END = monthIndex("2028-01"), EDGE_SHARE_END = monthIndex("2030-01");
/**
 * Verifier-heavy RL (code run, answers checked by programs) begins with reasoning models: OpenAI's o1-preview,
 * released 2024-09-12. Before it RL post-training scored answers with learned reward models on GPUs, so the
 * CPU per GPU-hour of RL stays at its start value until then (docs/model.md §2).
 */
const VERIFIER_RAMP_START = monthIndex("2024-09");

/** Fills the default path of one driver from the parameters. */
export function defaultDriver(id: string, p: Record<string, number>, out: Float64Array): Float64Array {
  switch (id) {
    case "chatTokens":
      return fillLogistic(out, p.chatTokensStartT, p.chatGrowthPerYear, p.chatSaturationT);
    case "agentHours":
      return fillLogistic(out, p.agentHoursStartM, p.agentGrowthPerYear, p.agentSaturationM);
    case "trainingDemand":
      return fillLogistic(out, p.trainingStartMH100e ?? trainingStartMH100e(p), p.trainingGrowthPerYear, p.trainingSaturationMH100e);
    case "rlShare":
      return linear(out, p.rlShareStart, p.rlShare2028, RL_SHARE_END);
    case "rlVcpuPerGpuHour":
      return linear(out, p.rlVcpuPerGpuHourStart, p.rlVcpuPerGpuHourEnd, Math.round(p.verifierRampEndMonths), VERIFIER_RAMP_START);
    case "edgeShare":
      return linear(out, p.edgeShareStart, p.edgeShare2030, EDGE_SHARE_END);
    default: {
      const spec = PATHS[id];
      if (!spec) throw new Error(`unknown driver ${id}`);
      return fillPath(out, spec.anchors, spec.step ?? false, spec.scale ? p[spec.scale] : 1);
    }
  }
}

/**
 * The values a formula may give a driver: shares within [0, 1]; vCPUs per socket at least 1; anything else
 * within 0 and 1,000 times the default path's largest value, so no formula can overflow the run.
 */
export function driverBounds(id: string, base: Float64Array): DriverBounds {
  if (SHARE_DRIVERS.has(id)) return { lo: 0, hi: 1, loReason: "a share must be between 0 and 1", hiReason: "a share must be between 0 and 1" };
  let baseMax = 0;
  for (let t = 0; t < base.length; t++) baseMax = Math.max(baseMax, base[t]);
  const hi = Math.max(1, baseMax) * 1000;
  const hiReason = `the model accepts at most 1,000× the default path's peak (${Number(hi.toPrecision(3))})`;
  if (id === "vcpuPerSocket") return { lo: 1, hi, loReason: "a socket has at least 1 vCPU", hiReason };
  return { lo: 0, hi, loReason: "this driver cannot be negative", hiReason };
}

/**
 * Computes every driver's monthly values: the default path, or the scenario's formula for it.
 * A formula sees t (months since 2024-01), year (fractional), base (the default path's value)
 * and every parameter by id. A formula that fails or leaves the driver's bounds in any month is not
 * used (lib/model/formulaPaths.ts): the driver keeps its default path, with a warning.
 */
export function computeDrivers(
  n: number,
  params: Record<string, number>,
  formulas: Record<string, string> | undefined,
  warnings: string[],
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  // Scratch arrays: these paths live only during the run that asks for them (lib/model/scratch.ts).
  for (const d of DRIVERS) out[d.id] = defaultDriver(d.id, params, scratch.take(n));
  if (formulas) applyFormulas(out, params, formulas, driverBounds, warnings);
  return out;
}

/** Index of a "YYYY-MM" month in the run, clamped to it. */
export function clampMonth(label: string, n: number): number {
  return Math.min(Math.max(monthIndex(label), 0), n - 1);
}
