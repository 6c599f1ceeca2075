import type { M } from "../state";
import { allocate, approach } from "./util";

const WEEKS_PER_MONTH = 52 / 12;

/**
 * One memory market for a month (docs/model.md §7): makers produce at capacity into inventory and
 * ship from it; datacenters are served before consumers beyond the consumers' contract floor; the
 * price index moves toward cost × (normal weeks of inventory / weeks held)^response. Returns the
 * share of the datacenter request (after host memory) that was shipped, in `out[3]`.
 * `out` gets [consumer, host, cpu, cpuShare, shipped, wantedTotal, available].
 */
function memoryMonth(
  production: number, inv: number, host: number, cpu: number, consumer: number, floor: number, minWeeks: number, out: Float64Array, tmp: Float64Array,
): number {
  const wanted = host + cpu + consumer;
  const working = (minWeeks * wanted) / WEEKS_PER_MONTH;
  const available = production + Math.max(0, inv - working);
  const hostGot = Math.min(host, available);
  allocate(available - hostGot, consumer, floor, cpu, 0, tmp);
  out[0] = tmp[0];
  out[1] = hostGot;
  out[2] = tmp[1];
  out[3] = cpu > 0 ? tmp[1] / cpu : 1;
  out[4] = hostGot + tmp[0] + tmp[1];
  out[5] = wanted;
  out[6] = available;
  return inv + production - out[4];
}

/** Datacenter buyers' stock-building while makers hold less than normal: × (1 + response × (normal / weeks − 1)), at most +50%. */
const hoarding = (response: number, normal: number, weeks: number) => 1 + Math.min(0.5, response * Math.max(0, normal / Math.max(weeks, 0.25) - 1));

/** Weeks of demand a stock covers (normal when nothing is wanted). */
const weeksHeld = (stock: number, wanted: number, normal: number) => (wanted > 0 ? (stock / wanted) * WEEKS_PER_MONTH : normal);

/**
 * A memory price index's target: cost trend × (normal weeks / weeks held)^response, within floor–10 × cost
 * (the floor: the lowest share of cost makers sell at before cutting output instead, `memoryPriceFloorToCost`).
 */
const priceTarget = (cost: number, normal: number, weeks: number, response: number, floor: number) =>
  cost * Math.min(10, Math.max(floor, Math.pow(normal / Math.max(weeks, 0.25), response)));

/**
 * Makers restore utilisation toward full while inventory is below normal and cut toward their
 * glut floor (the start's utilisation, what they cut to in 2023) when it is above 1.5× normal.
 */
function nextUtilization(u: number, weeks: number, normal: number, speed: number, floor: number): number {
  const target = weeks < normal ? 1 : weeks > 1.5 * normal ? floor : u;
  return u + (target - u) * speed;
}

/** DRAM (HBM and DDR) and NAND markets, and the CPU servers their supply allows. */
export function makeMemory(m: M) {
  const p = m.p;
  const out = new Float64Array(7), tmp = new Float64Array(3);
  const DRAM = 3, NAND = 4;
  const s = m.s;
  const sSupDdr = s["supply.dram"], sDemD = s["demand.dram"], sShD = s["shortage.dram"], sPrD = s["price.dram"], sInvD = s["dram.inventory.weeks"];
  const sSupN = s["supply.nand"], sDemN = s["demand.nand"], sShN = s["shortage.nand"], sPrN = s["price.nand"], sInvN = s["nand.inventory.weeks"];
  const sHbmBits = s["hbm.share.dramBits"], sInvDGB = s["dram.inventory.GB"], sInvNTB = s["nand.inventory.TB"];
  const sHbmShare = s["hbm.share.dramWafers"], sHbmShipped = s["hbm.shipped.GB"], sHbmLost = s["hbm.lost.wafers"];
  const sConsD = s["consumer.served.dram"], sConsN = s["consumer.served.nand"], sDramShipped = s["dram.shipped"], sNandShipped = s["nand.shipped"];
  const hbmYield = Math.max(0.05, p.hbmStackYield);
  const serverBase = p.serverBaseCostUSD + p.gpDramGBPerServer * p.dramUsdPerGBStart + p.cpuNandTBPerServer * p.nandUsdPerTBStart;
  return (t: number): void => {
    const kD = m.capacity[DRAM][t];
    // HBM wafers run at full utilisation (sold out on contracts); DDR runs at the makers' utilisation.
    const ddrProd = Math.max(0, kD * m.dramUtil - m.hbmWafers) * m.ddrGBPerWafer[t];
    const x = m.output;
    const host = x * m.perUnit[t] * p.gpuHostDramGBPerAccelerator;
    // Datacenter buyers build stock while makers' inventories run short (bounded at +50%).
    const hoardD = hoarding(p.memoryHoardingResponse, p.memoryInventoryWeeksNormal, m.dramWeeks);
    const cpu = (m.yAiPre * p.cpuDramGBPerServer + m.yGpPre * p.gpDramGBPerServer) * hoardD;
    const consD = m.consumerDramRef[t] * Math.pow(m.priceDram, -p.consumerElasticity);
    m.dramInv = memoryMonth(ddrProd, m.dramInv, host, cpu, consD, p.consumerContractFloor, p.memoryMinInventoryWeeks, out, tmp);
    const fCpu = Math.min(1, out[3]);
    m.yAi = m.yAiPre * fCpu;
    m.yGp = m.yGpPre * fCpu;
    sSupDdr[t] = ddrProd;
    sDemD[t] = out[5];
    m.ddrWantedGB = out[5];
    // Shortage as a flow: what is wanted over what is made this month (stocks buffer it, prices ration it).
    sShD[t] = ddrProd > 0 ? Math.min(out[5] / ddrProd, 50) : 50;
    sConsD[t] = consD > 0 ? out[0] / consD : 1;
    sDramShipped[t] = out[4];
    const weeksD = weeksHeld(m.dramInv, out[5], p.memoryInventoryWeeksNormal);
    sInvD[t] = weeksD;
    m.dramWeeks = weeksD;
    sInvDGB[t] = m.dramInv;
    sPrD[t] = m.priceDram;
    const targetD = priceTarget(m.memCost[t], p.memoryInventoryWeeksNormal, weeksD, p.dramInventoryPriceResponse, p.memoryPriceFloorToCost);
    m.priceDram = approach(m.priceDram, targetD, p.priceAdjustPerMonth);
    m.dramUtil = nextUtilization(m.dramUtil, weeksD, p.memoryInventoryWeeksNormal, p.memoryUtilizationSpeed, p.dramUtilizationStart);
    sHbmShare[t] = kD > 0 ? m.hbmWafers / kD : 0;
    sHbmShipped[t] = x * m.perHbmGB[t];
    sHbmBits[t] = sHbmShipped[t] + ddrProd > 0 ? sHbmShipped[t] / (sHbmShipped[t] + ddrProd) : 0;
    sHbmLost[t] = m.hbmWafers * (1 - hbmYield);

    // NAND: storage for accelerators, CPU servers and consumers; it does not limit output.
    const nandProd = m.capacity[NAND][t] * m.nandUtil;
    const nGpu = x * m.perUnit[t] * p.gpuNandTBPerAccelerator;
    const hoardN = hoarding(p.memoryHoardingResponse, p.memoryInventoryWeeksNormal, m.nandWeeks);
    const nCpu = (m.yAi + m.yGp) * p.cpuNandTBPerServer * hoardN;
    const consN = m.consumerNandRef[t] * Math.pow(m.priceNand, -p.consumerElasticity);
    m.nandInv = memoryMonth(nandProd, m.nandInv, nGpu, nCpu, consN, p.consumerContractFloor, p.memoryMinInventoryWeeks, out, tmp);
    sSupN[t] = nandProd;
    sDemN[t] = out[5];
    m.nandWantedTB = out[5];
    sShN[t] = nandProd > 0 ? Math.min(out[5] / nandProd, 50) : 50;
    sConsN[t] = consN > 0 ? out[0] / consN : 1;
    sNandShipped[t] = out[4];
    const weeksN = weeksHeld(m.nandInv, out[5], p.memoryInventoryWeeksNormal);
    sInvN[t] = weeksN;
    m.nandWeeks = weeksN;
    sInvNTB[t] = m.nandInv;
    sPrN[t] = m.priceNand;
    const targetN = priceTarget(m.memCost[t], p.memoryInventoryWeeksNormal, weeksN, p.nandInventoryPriceResponse, p.memoryPriceFloorToCost);
    m.priceNand = approach(m.priceNand, targetN, p.priceAdjustPerMonth);
    m.nandUtil = nextUtilization(m.nandUtil, weeksN, p.memoryInventoryWeeksNormal, p.memoryUtilizationSpeed, p.nandUtilizationStart);
    // Server cost index: memory and storage prices pass into what a server costs.
    m.serverCostIndex =
      (p.serverBaseCostUSD + p.gpDramGBPerServer * p.dramUsdPerGBStart * m.priceDram + p.cpuNandTBPerServer * p.nandUsdPerTBStart * m.priceNand) / serverBase;
  };
}
