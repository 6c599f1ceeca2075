import { INDUCED_INPUTS, type M } from "../state";
import { inGlut } from "./memory";
import { seriesOf } from "./util";

const INDUCED_IDS = INDUCED_INPUTS.map((r) => `supply.induced.${r}`);

/**
 * Capacity (docs/model.md §11): planned path plus induced capacity. Each month suppliers start new
 * capacity for a share of the gap between what is wanted and what exists or is already being built;
 * it arrives one lead time later, no faster than a growth cap (what cannot be commissioned this
 * month arrives the next). In a memory glut, while capacity in place exceeds what is wanted, memory
 * makers defer the same share of the excess from their pipeline instead. `arrive` runs at the start of a month, `start` at its end.
 */
export function makeCapacity(m: M) {
  const { n, planned, capacity, inducedArrivals, inducedStock, inducedPipeline, lead } = m;
  const p = m.p;
  const R = INDUCED_INPUTS.length, DRAM = 3, NAND = 4;
  const sInd = seriesOf(m.s, INDUCED_IDS);
  const sSup = [m.s["supply.wafer"], m.s["supply.packaging"], m.s["supply.hbmStack"], m.s["supply.dramWafers"], null, m.s["supply.power"]];
  const dem = new Float64Array(R);
  const hbmYield = Math.max(0.05, p.hbmStackYield), growthCap = p.inducedMaxGrowthPerMonth, response = p.inducedResponse;
  const { perCowos, perHbmWafer, ddrGBPerWafer, hbmOutsideWafers } = m;
  const arrive = (t: number): void => {
    for (let r = 0; r < R; r++) {
      const prev = t > 0 ? capacity[r][t - 1] : planned[r][0];
      const cap = growthCap * prev;
      const due = inducedArrivals[r][t];
      const built = Math.min(due, cap);
      if (due > built && t + 1 < inducedArrivals[r].length) inducedArrivals[r][t + 1] += due - built;
      inducedStock[r] += built;
      inducedPipeline[r] -= built;
      capacity[r][t] = planned[r][t] + inducedStock[r];
      sInd[r][t] = inducedStock[r];
      const out = sSup[r];
      if (out) out[t] = capacity[r][t];
    }
  };
  const normalWeeks = p.memoryInventoryWeeksNormal;
  /** True while the makers of memory input r (DRAM, NAND) are in a glut (`inGlut`, §7). */
  const glut = (r: number) => (r === DRAM ? inGlut(m.dram.weeks, normalWeeks) : r === NAND ? inGlut(m.nand.weeks, normalWeeks) : false);
  /**
   * Stops `amount` of input r's pipeline, the projects started last first (they are the least advanced). Nothing
   * is due after t + lead (projects start at most one lead ahead; a commissioning spill moves to t + 1), so the
   * scan starts there rather than at the horizon.
   */
  const cancel = (r: number, t: number, amount: number): void => {
    const due = inducedArrivals[r];
    for (let u = Math.min(due.length - 1, t + lead[r]); u > t && amount > 0; u--) {
      const cut = Math.min(due[u], amount);
      due[u] -= cut;
      amount -= cut;
      inducedPipeline[r] -= cut;
    }
  };
  const start = (t: number): void => {
    dem[0] = m.demandWafer;
    dem[1] = m.due * perCowos[t];
    dem[2] = (m.due * perHbmWafer[t]) / hbmYield + hbmOutsideWafers[t];
    dem[3] = dem[2] + m.ddrWantedGB / ddrGBPerWafer[t];
    dem[4] = m.nandWantedTB;
    dem[5] = m.demandPower;
    for (let r = 0; r < R; r++) {
      // In a memory glut, makers defer the fab projects they started: the same share of the excess capacity.
      const over = capacity[r][t] - dem[r];
      if (over > 0 && inducedPipeline[r] > 0 && glut(r)) {
        cancel(r, t, Math.min(inducedPipeline[r], response * over));
        continue;
      }
      const gap = dem[r] - capacity[r][t] - inducedPipeline[r];
      if (gap <= 0) continue;
      const started = response * gap;
      const at = t + lead[r];
      if (at >= n) continue;
      inducedArrivals[r][at] += started;
      inducedPipeline[r] += started;
    }
  };
  return { arrive, start };
}
