import { GPUS, VENDORS } from "../catalog";
import { scratch } from "../scratch";
import type { M } from "../state";
import { approach, EPS, pow, seriesOf } from "./util";

/** A generation with at most this many H100e installed is out of service (a rounding residue of its retirements, not chips). */
const IN_SERVICE = 1e-3;
const REVENUE_IDS = GPUS.map((g) => `revenuePerGpuHour.${g.id}`), RENT_IDS = GPUS.map((g) => `rent.${g.id}`);
const SALES_IDS = VENDORS.ids.map((v) => `accelerators.revenue.${v}`);
const NVIDIA = VENDORS.ids.indexOf("nvidia"), AMD = VENDORS.ids.indexOf("amd");
/** Nvidia's networking revenue per dollar of its accelerator revenue (data/gpus.json). */
const NVIDIA_NETWORKING = VENDORS.networkingRevenue.perComputeRevenue.nvidia ?? 0;

/**
 * Prices (docs/model.md §10): wafers, packaging and HBM move toward cost plus a scarcity premium;
 * input prices pass into what an H100e of new accelerators costs; the market for GPU-hours sets rents
 * (spot from hours wanted against hours available, contracts as the spot averaged over their length);
 * token prices carry the scarcity premium; revenue per GPU-hour follows tokens served at those prices.
 */
export function makePrices(m: M) {
  const { G, installed, sw, h100e, unitKW } = m;
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
  const { launch, listPerH100e, costWafer, costCowos, costHbm, memCost, perKW, chatBase, agentBase, trainWanted, chatPrice0, agentPrice0, edgeShare } = m;
  const adjust = p.priceAdjustPerMonth, waferPremium = p.waferPricePremium, packagingPremium = p.packagingPricePremium, hbmPremium = p.hbmPricePremium;
  const kwhUsd = p.pue * p.electricityUsdPerKWh, capitalPerHour = (p.systemCostMultiple * crf) / hoursUsed, rentResponse = p.rentScarcityResponse;
  const contractSpeed = 1 / Math.max(1, p.gpuContractMonths), onDemand = p.onDemandGpuShare, heavyHours = p.heavyUserAgentHoursPerDay;
  const tokPerHourBusy = p.tokensPerSecondPerH100e * 3600 * p.utilization, tokensPerAgentHour = m.tokensPerAgentHour;
  /** USD an hour of a generation's power costs: the floor under its rent. */
  const powerPerHour = scratch.take(G);
  for (let g = 0; g < G; g++) powerPerHour[g] = unitKW[g] * kwhUsd;
  const premium = (x: number, a: number, lo: number) => Math.min(3, Math.max(lo, 1 + a * (x - 1)));
  const rev = seriesOf(s, REVENUE_IDS), rent = seriesOf(s, RENT_IDS);
  const sales = seriesOf(s, SALES_IDS), sNvidiaDc = s["revenue.nvidia.dc"], sAmdGpu = s["revenue.amd.dcgpu"];
  return (t: number, inst: number): void => {
    // Foundry, packaging, HBM.
    sPrW[t] = m.priceWafer;
    sPrP[t] = m.pricePackaging;
    sPrH[t] = m.priceHbm;
    m.priceWafer = approach(m.priceWafer, premium(sShW[t], waferPremium, 0.9), adjust);
    m.pricePackaging = approach(m.pricePackaging, premium(sShP[t], packagingPremium, 0.9), adjust);
    // HBM is sold on annual contracts: its index moves a twelfth of the way each month.
    m.priceHbm = approach(m.priceHbm, memCost[t] * premium(sShH[t], hbmPremium, 0.7), 1 / 12);

    // What an H100e of new accelerators costs, with input prices passed through.
    const cost = listPerH100e[t] + costWafer[t] * (sPrW[t] - 1) + costCowos[t] * (sPrP[t] - 1) + costHbm[t] * (sPrH[t] / memCost[t] - 1);
    sCost[t] = cost;
    // Accelerator sales: the units made this month at list price (power stage), with the inputs' prices passed through
    // in the same proportion as for an H100e of the month's mix; Nvidia's data-centre revenue adds its networking.
    const passThrough = listPerH100e[t] > 0 ? cost / listPerH100e[t] : 1;
    for (let v = 0; v < sales.length; v++) sales[v][t] *= passThrough;
    sNvidiaDc[t] = sales[NVIDIA][t] * (1 + NVIDIA_NETWORKING);
    sAmdGpu[t] = sales[AMD][t];
    const powerCost = perKW[t] * kwhUsd;
    const hourCost = cost * capitalPerHour + powerCost;
    // The market for GPU-hours: H100e-hours wanted (serving at the base price, training) vs installed.
    const wanted = (chatBase[t] + agentBase[t]) / m.tokCapPerH100e + trainWanted[t];
    const tight = inst > EPS ? wanted / inst : 50;
    sGpuH[t] = Math.min(tight, 50);
    const spot = Math.max(powerCost, hourCost * Math.min(20, pow(Math.max(tight, 0.05), rentResponse)));
    if (m.contractRent < 0) m.contractRent = spot;
    m.contractRent += (spot - m.contractRent) * contractSpeed;
    const perH100e = (1 - onDemand) * m.contractRent + onDemand * spot;
    sSpot[t] = spot;
    sRent[t] = perH100e;

    // Tokens: scarcity premium on the base prices; revenue on what is served.
    const scar = sScar[t];
    const pChat = chatPrice0[t] * scar, pAg = agentPrice0[t] * scar;
    sTokP[t] = pAg;
    sTokPChat[t] = pChat;
    const served = sSrv[t], dem = sDem[t];
    const fs = dem > 0 ? served / dem : 1;
    const revenue = (sChat[t] * fs * pChat + sAg[t] * fs * pAg) / 1e6;
    sRev[t] = revenue;
    const blended = served > 0 ? (revenue * 1e6) / served : pChat;
    sAgCost[t] = (tokensPerAgentHour / 1e6) * pAg;
    sHeavy[t] = sAgCost[t] * heavyHours;
    const agHours = (agentBase[t] / tokensPerAgentHour) / Math.max(1 - edgeShare[t], EPS);
    sAgH[t] = agHours;
    sAgSpend[t] = (sAg[t] * fs * pAg) / 1e6;
    const busy = sCap[t] > 0 ? Math.min(1, served / sCap[t]) : 0;
    // Per generation: revenue and rent in proportion to its H100e × software multiplier (the series start at 0).
    const revPerEff = (tokPerHourBusy * busy * blended) / 1e6, rentPerEff = perH100e / m.fleetSw;
    for (let g = 0; g < G; g++) {
      if (t < launch[g] || installed[g] <= IN_SERVICE) continue;
      const eff = h100e[g] * sw[t * G + g];
      rev[g][t] = revPerEff * eff;
      rent[g][t] = Math.max(powerPerHour[g], rentPerEff * eff);
    }
  };
}
