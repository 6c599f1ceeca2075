import type { M } from "../state";
import { SECONDS_PER_MONTH } from "../time";

/**
 * Retirements and the fleet's serving efficiency (docs/model.md §4): accelerators leave after their
 * useful life; tokens per H100e-month of the installed fleet = base throughput × the installed-weighted
 * software multiplier of its generations. Returns the H100e retired this month. Also sums, once for the
 * month's later stages, the fleet after retirements: H100e installed, H100e waiting for power and their kW.
 */
export function makeFleet(m: M) {
  const { G, installed, inventory, retireAt, sw, cpuRetire, cpuRetireKW, h100e, unitKW, kwPerH100e } = m;
  const base = m.p.tokensPerSecondPerH100e * SECONDS_PER_MONTH * m.p.utilization;
  const swOut = m.s["serving.softwareMultiplier"];
  return (t: number): number => {
    let retired = 0, w = 0, sum = 0, inv = 0, invKW = 0, gpuKW = m.gpuKW;
    for (let g = 0; g < G; g++) {
      const r = Math.min(retireAt[t * G + g], installed[g]);
      if (r > 0) {
        installed[g] -= r;
        retired += r;
        gpuKW = Math.max(0, gpuKW - (r / h100e[g]) * unitKW[g]);
      }
      w += installed[g] * sw[t * G + g];
      sum += installed[g];
      inv += inventory[g];
      invKW += inventory[g] * kwPerH100e[g];
    }
    m.gpuKW = gpuKW;
    m.installedSum = sum;
    m.inventorySum = inv;
    m.inventoryKW = invKW;
    m.cpuAiServers = Math.max(0, m.cpuAiServers - cpuRetire[t * 4]);
    m.cpuAiVcpu = Math.max(0, m.cpuAiVcpu - cpuRetire[t * 4 + 1]);
    m.cpuGpServers = Math.max(0, m.cpuGpServers - cpuRetire[t * 4 + 2]);
    m.cpuGpVcpu = Math.max(0, m.cpuGpVcpu - cpuRetire[t * 4 + 3]);
    m.cpuKW = Math.max(0, m.cpuKW - cpuRetireKW[t]);
    m.fleetSw = sum > 0 ? w / sum : 1;
    swOut[t] = m.fleetSw;
    m.tokCapPerH100e = base * m.fleetSw;
    return retired;
  };
}
