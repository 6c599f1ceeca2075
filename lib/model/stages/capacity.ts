import { INDUCED_INPUTS, type M } from "../state";

const INDUCED_IDS = INDUCED_INPUTS.map((r) => `supply.induced.${r}`);

/**
 * Capacity (docs/model.md §11): planned path plus induced capacity. Each month suppliers start new
 * capacity for a share of the gap between what is wanted and what exists or is already being built;
 * it arrives one lead time later, no faster than a growth cap (what cannot be commissioned this
 * month arrives the next). `arrive` runs at the start of a month, `start` at its end.
 */
export function makeCapacity(m: M) {
  const { n, planned, capacity, inducedArrivals, inducedStock, inducedPipeline, lead } = m;
  const p = m.p;
  const R = INDUCED_INPUTS.length;
  const sInd = INDUCED_IDS.map((id) => m.s[id]);
  const sSup = [m.s["supply.wafer"], m.s["supply.packaging"], m.s["supply.hbmStack"], m.s["supply.dramWafers"], null, m.s["supply.power"]];
  const dem = new Float64Array(R);
  const hbmYield = Math.max(0.05, p.hbmStackYield), growthCap = p.inducedMaxGrowthPerMonth, response = p.inducedResponse;
  const { perCowos, perHbmWafer, ddrGBPerWafer } = m;
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
  const start = (t: number): void => {
    dem[0] = m.demandWafer;
    dem[1] = m.due * perCowos[t];
    dem[2] = (m.due * perHbmWafer[t]) / hbmYield;
    dem[3] = dem[2] + m.ddrWantedGB / ddrGBPerWafer[t];
    dem[4] = m.nandWantedTB;
    dem[5] = m.demandPower;
    for (let r = 0; r < R; r++) {
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
