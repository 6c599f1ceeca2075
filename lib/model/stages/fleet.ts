import type { M } from "../state";
import { SECONDS_PER_MONTH } from "../time";

/**
 * Retirements and the fleet's serving efficiency (docs/model.md §4): accelerators leave after their
 * useful life; tokens per H100e-month of the installed fleet = base throughput × the installed-weighted
 * software multiplier of its generations. Returns the H100e retired this month.
 */
export function makeFleet(m: M) {
  const { G, n, installed, retireAt, sw, cpuRetire, cpuRetireKW, h100e, unitKW } = m;
  const base = m.p.tokensPerSecondPerH100e * SECONDS_PER_MONTH * m.p.utilization;
  const swOut = m.s["serving.softwareMultiplier"];
  return (t: number): number => {
    let retired = 0;
    for (let g = 0; g < G; g++) {
      const r = Math.min(retireAt[g * (n + 1) + t], installed[g]);
      if (r <= 0) continue;
      installed[g] -= r;
      retired += r;
      m.gpuKW = Math.max(0, m.gpuKW - (r / h100e[g]) * unitKW[g]);
    }
    m.cpuAiServers = Math.max(0, m.cpuAiServers - cpuRetire[t * 4]);
    m.cpuAiVcpu = Math.max(0, m.cpuAiVcpu - cpuRetire[t * 4 + 1]);
    m.cpuGpServers = Math.max(0, m.cpuGpServers - cpuRetire[t * 4 + 2]);
    m.cpuGpVcpu = Math.max(0, m.cpuGpVcpu - cpuRetire[t * 4 + 3]);
    m.cpuKW = Math.max(0, m.cpuKW - cpuRetireKW[t]);
    let w = 0, sum = 0;
    for (let g = 0; g < G; g++) {
      w += installed[g] * sw[g * n + t];
      sum += installed[g];
    }
    m.fleetSw = sum > 0 ? w / sum : 1;
    swOut[t] = m.fleetSw;
    m.tokCapPerH100e = base * m.fleetSw;
    return retired;
  };
}
