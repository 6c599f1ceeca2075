import { GPUS } from "../catalog";
import type { M } from "../state";
import { approach, EPS } from "./util";

/**
 * Prices (docs/model.md §10): wafers, packaging and HBM move toward cost plus a scarcity premium;
 * input prices pass into what an H100e of new accelerators costs; the market for GPU-hours sets rents
 * (spot from hours wanted against hours available, contracts as the spot averaged over their length);
 * token prices carry the scarcity premium; revenue per GPU-hour follows tokens served at those prices.
 */
export function makePrices(m: M) {
  const { G, n, installed, sw, h100e, unitKW } = m;
  const p = m.p;
  const life = Math.max(1, p.gpuUsefulLifeYears);
  const r = p.capitalCostRate;
  const crf = r > 0 ? r / (1 - Math.pow(1 + r, -life)) : 1 / life;
  const hoursUsed = 8760 * p.utilization;
  const s = m.s;
  const sPrW = s["price.wafer"], sPrP = s["price.packaging"], sPrH = s["price.hbm"], sShW = s["shortage.wafer"], sShP = s["shortage.packaging"], sShH = s["shortage.hbm"];
  const sCost = s["gpu.cost.perH100e"], sSpot = s["rent.spot.perH100e"], sRent = s["rent.perH100e"], sGpuH = s["shortage.gpuHours"];
  const sTokP = s["token.price"], sTokPChat = s["token.price.chat"], sRev = s["token.revenue"], sAgCost = s["agents.costPerHour"], sAgSpend = s["agents.spend"], sAgH = s["agents.hours"];
  const sSrv = s["tokens.served"], sCap = s["tokens.capacity"], sChat = s["tokens.demand.chat"], sAg = s["tokens.demand.agents"], sScar = s["tokens.scarcity"], sDem = s["tokens.demand"];
  const sHeavy = s["agents.heavyUserSpendPerDay"];
  const rev = GPUS.map((g) => s[`revenuePerGpuHour.${g.id}`]), rent = GPUS.map((g) => s[`rent.${g.id}`]);
  return (t: number, inst: number): void => {
    // Foundry, packaging, HBM.
    sPrW[t] = m.priceWafer;
    sPrP[t] = m.pricePackaging;
    sPrH[t] = m.priceHbm;
    const premium = (x: number, a: number, lo: number) => Math.min(3, Math.max(lo, 1 + a * (x - 1)));
    m.priceWafer = approach(m.priceWafer, premium(sShW[t], p.waferPricePremium, 0.9), p.priceAdjustPerMonth);
    m.pricePackaging = approach(m.pricePackaging, premium(sShP[t], p.packagingPricePremium, 0.9), p.priceAdjustPerMonth);
    // HBM is sold on annual contracts: its index moves a twelfth of the way each month.
    m.priceHbm = approach(m.priceHbm, m.memCost[t] * premium(sShH[t], p.hbmPricePremium, 0.7), 1 / 12);

    // What an H100e of new accelerators costs, with input prices passed through.
    const cost = m.listPerH100e[t] + m.costWafer[t] * (sPrW[t] - 1) + m.costCowos[t] * (sPrP[t] - 1) + m.costHbm[t] * (sPrH[t] / m.memCost[t] - 1);
    sCost[t] = cost;
    const powerCost = m.perKW[t] * p.pue * p.electricityUsdPerKWh;
    const hourCost = (cost * p.systemCostMultiple * crf) / hoursUsed + powerCost;
    // The market for GPU-hours: H100e-hours wanted (serving at the base price, training) vs installed.
    const wanted = (m.chatBase[t] + m.agentBase[t]) / m.tokCapPerH100e + m.trainWanted[t];
    const tight = inst > EPS ? wanted / inst : 50;
    sGpuH[t] = Math.min(tight, 50);
    const spot = Math.max(powerCost, hourCost * Math.min(20, Math.pow(Math.max(tight, 0.05), p.rentScarcityResponse)));
    if (m.contractRent < 0) m.contractRent = spot;
    m.contractRent += (spot - m.contractRent) / Math.max(1, p.gpuContractMonths);
    const perH100e = (1 - p.onDemandGpuShare) * m.contractRent + p.onDemandGpuShare * spot;
    sSpot[t] = spot;
    sRent[t] = perH100e;

    // Tokens: scarcity premium on the base prices; revenue on what is served.
    const scar = sScar[t];
    const pChat = m.chatPrice0[t] * scar, pAg = m.agentPrice0[t] * scar;
    sTokP[t] = pAg;
    sTokPChat[t] = pChat;
    const served = sSrv[t], dem = sDem[t];
    const fs = dem > 0 ? served / dem : 1;
    const revenue = (sChat[t] * fs * pChat + sAg[t] * fs * pAg) / 1e6;
    sRev[t] = revenue;
    const blended = served > 0 ? (revenue * 1e6) / served : pChat;
    sAgCost[t] = (m.tokensPerAgentHour / 1e6) * pAg;
    sHeavy[t] = sAgCost[t] * p.heavyUserAgentHoursPerDay;
    const agHours = (m.agentBase[t] / m.tokensPerAgentHour) / Math.max(1 - m.edgeShare[t], EPS);
    sAgH[t] = agHours;
    sAgSpend[t] = (sAg[t] * fs * pAg) / 1e6;
    const busy = sCap[t] > 0 ? Math.min(1, served / sCap[t]) : 0;
    const base = p.tokensPerSecondPerH100e * 3600 * p.utilization * busy;
    for (let g = 0; g < G; g++) {
      if (t < m.launch[g] || installed[g] <= EPS) {
        rev[g][t] = 0;
        rent[g][t] = 0;
        continue;
      }
      const eff = h100e[g] * sw[g * n + t];
      rev[g][t] = (base * eff * blended) / 1e6;
      rent[g][t] = Math.max(unitKW[g] * p.pue * p.electricityUsdPerKWh, perH100e * (eff / m.fleetSw));
    }
  };
}
