import { GPUS, INSTALLED_BASE } from "./catalog";
import { SECONDS_PER_MONTH, monthIndex } from "./time";

/** The end-2023 installed base by cohort: generation index in the catalog, month index (before the start), H100e. */
export const START_COHORTS = INSTALLED_BASE.cohorts.map((c) => ({ g: GPUS.findIndex((x) => x.id === c.gen), t: monthIndex(c.month), h100e: c.h100e }));

/**
 * Training compute wanted at the start (million H100e), derived for the warm start: the end-2023 installed base
 * (still in service) times 1 + gpuShortageStart, less what inference needed then (docs/model.md §3).
 */
export function trainingStartMH100e(p: Record<string, number>): number {
  const life = Math.max(1, Math.round(p.gpuUsefulLifeYears * 12));
  let installed = 0;
  for (const c of START_COHORTS) if (c.t + life > 0) installed += c.h100e;
  const tokensPerAgentHour = (p.agentFreshTokensPerHourM + p.agentCachedTokensPerHourM * p.cachedTokenComputeWeight) * 1e6;
  const demand0 = (p.chatTokensStartT * 1e12 + p.agentHoursStartM * 1e6 * tokensPerAgentHour) * (1 - p.edgeShareStart);
  const perH100e = p.tokensPerSecondPerH100e * SECONDS_PER_MONTH * p.utilization;
  return Math.max(0.05, (installed * (1 + p.gpuShortageStart) - demand0 / perH100e) / 1e6);
}
