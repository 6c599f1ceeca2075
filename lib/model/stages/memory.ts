import type { M, MemoryMarket } from "../state";
import { allocate, approach, pow } from "./util";

const WEEKS_PER_MONTH = 52 / 12;

/**
 * Shipping in one memory market for a month (docs/model.md §7): makers add production to inventory and ship
 * from it; host memory first, then consumers up to their contract floor, then datacenters. Returns the new
 * inventory; `out` gets [consumer, host, cpu, shipped, wantedTotal, available].
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
  out[3] = hostGot + tmp[0] + tmp[1];
  out[4] = wanted;
  out[5] = available;
  return inv + production - out[3];
}

/**
 * Datacenter buyers' stock-building while makers hold less than normal: they aim to hold, beyond their use, this
 * share of a month's use times makers' normal cover, response × (normal / weeks − 1), at most 0.5.
 */
const hoarding = (response: number, normal: number, weeks: number) => Math.min(0.5, response * Math.max(0, normal / Math.max(weeks, 0.25) - 1));

/** Weeks of demand a stock covers (normal when nothing is wanted). */
const weeksHeld = (stock: number, wanted: number, normal: number) => (wanted > 0 ? (stock / wanted) * WEEKS_PER_MONTH : normal);

/**
 * A memory price index's target: cost trend × (normal weeks / weeks held)^response, within floor–10 × cost
 * (the floor: the lowest share of cost makers sell at before cutting output instead, `memoryPriceFloorToCost`).
 */
const priceTarget = (cost: number, normal: number, weeks: number, response: number, floor: number) =>
  cost * Math.min(10, Math.max(floor, pow(normal / Math.max(weeks, 0.25), response)));

/** Makers holding more than this many times their normal weeks of inventory are in a glut (§7, §11). */
const GLUT_FACTOR = 1.5;
/** Whether makers holding `weeks` of demand against a normal `normal` are in a glut. */
export const inGlut = (weeks: number, normal: number) => weeks > GLUT_FACTOR * normal;

/**
 * Makers restore utilisation toward full while inventory is below normal and the price covers their cost (below cost
 * they hold output down to restore margins, as the 2023 cuts were held into 2024); above 1.5× normal they cut wafer
 * starts toward what sells, less the excess stock (utilisation × wanted / production × 1.5 normal / weeks held),
 * never raising it and never below `floor`, the deepest cut of the 2023 glut (docs/model.md §7).
 */
function nextUtilization(u: number, weeks: number, normal: number, speed: number, floor: number, sold: number, priceToCost: number): number {
  const target =
    weeks < normal && priceToCost >= 1 ? 1 : inGlut(weeks, normal) ? Math.max(floor, Math.min(u, (u * sold * GLUT_FACTOR * normal) / weeks)) : u;
  return u + (target - u) * speed;
}

/**
 * One memory market's month after production (docs/model.md §7), the same for DRAM and NAND: ship from
 * production and stock, then weeks held, price and utilisation for next month, writing the market's series.
 * `order` (with buyers' stock-building), `receive` and `consumer` read last month's state: makers' weeks and the price.
 */
function makeMarket(m: M, st: MemoryMarket, kind: "dram" | "nand", unit: "GB" | "TB", response: number) {
  const p = m.p, s = m.s;
  const sSup = s[`supply.${kind}`], sDem = s[`demand.${kind}`], sSh = s[`shortage.${kind}`], sPr = s[`price.${kind}`];
  const sWeeks = s[`${kind}.inventory.weeks`], sStock = s[`${kind}.inventory.${unit}`], sCons = s[`consumer.served.${kind}`], sShipped = s[`${kind}.shipped`];
  const out = new Float64Array(6), tmp = new Float64Array(3);
  const normal = p.memoryInventoryWeeksNormal, hoardResponse = p.memoryHoardingResponse, elasticity = -p.consumerElasticity;
  const floorShare = p.consumerContractFloor, minWeeks = p.memoryMinInventoryWeeks, priceFloor = p.memoryPriceFloorToCost;
  const adjust = p.priceAdjustPerMonth, utilSpeed = p.memoryUtilizationSpeed, memCost = m.memCost, utilFloor = p.memoryGlutUtilizationFloor;
  const sBuyers = s[`${kind}.buyers.${unit}`];
  /** Months of use in makers' normal stock: buyers building their own stock aim at a share of it (§7). */
  const coverMonths = normal / WEEKS_PER_MONTH;
  return {
    out,
    /**
     * What datacenter buyers order for `need` (this month's CPU servers' memory): the need, plus what brings their
     * own stock to its target (stock-building while makers run short), less stock they already hold beyond it.
     */
    order: (need: number) => Math.max(0, need + hoarding(hoardResponse, normal, st.weeks) * need * coverMonths - st.buyers),
    /**
     * Buyers receive `shipped` of their order: their servers use it and their stock, up to `need`; the rest stays
     * in their stock. Returns the share of the need met (1 when nothing was needed).
     */
    receive(t: number, need: number, shipped: number): number {
      const held = shipped + st.buyers;
      const used = Math.min(need, held);
      st.buyers = held - used;
      sBuyers[t] = st.buyers;
      return need > 0 ? used / need : 1;
    },
    consumer: (reference: number) => reference * pow(st.price, elasticity),
    /** Settles month t; returns what was wanted (host + CPU servers + consumers). */
    settle(t: number, production: number, host: number, cpu: number, consumer: number): number {
      st.stock = memoryMonth(production, st.stock, host, cpu, consumer, floorShare, minWeeks, out, tmp);
      const wanted = out[4];
      sSup[t] = production;
      sDem[t] = wanted;
      // Shortage: what is wanted over what makers can ship this month, production plus stock above their working
      // level (a glut in which they cut output below demand to run stock down is not a shortage).
      const available = out[5];
      sSh[t] = available > 0 ? Math.min(wanted / available, 50) : 50;
      sCons[t] = consumer > 0 ? out[0] / consumer : 1;
      sShipped[t] = out[3];
      const weeks = weeksHeld(st.stock, wanted, normal);
      sWeeks[t] = weeks;
      st.weeks = weeks;
      sStock[t] = st.stock;
      sPr[t] = st.price;
      st.price = approach(st.price, priceTarget(memCost[t], normal, weeks, response, priceFloor), adjust);
      st.util = nextUtilization(st.util, weeks, normal, utilSpeed, utilFloor, production > 0 ? wanted / production : 1, st.price / memCost[t]);
      return wanted;
    },
  };
}

/** DRAM (HBM and DDR) and NAND markets, and the CPU servers their supply allows. */
export function makeMemory(m: M) {
  const p = m.p;
  const DRAM = 3, NAND = 4;
  const s = m.s;
  const dram = makeMarket(m, m.dram, "dram", "GB", p.dramInventoryPriceResponse);
  const nand = makeMarket(m, m.nand, "nand", "TB", p.nandInventoryPriceResponse);
  const sHbmBits = s["hbm.share.dramBits"], sHbmShare = s["hbm.share.dramWafers"], sHbmShipped = s["hbm.shipped.GB"], sHbmLost = s["hbm.lost.wafers"], sHbmOutside = s["hbm.outside.GB"];
  const hbmYield = Math.max(0.05, p.hbmStackYield);
  const serverBase = p.serverBaseCostUSD + p.gpDramGBPerServer * p.dramUsdPerGBStart + p.cpuNandTBPerServer * p.nandUsdPerTBStart;
  const hostGB = p.gpuHostDramGBPerAccelerator, aiGB = p.cpuDramGBPerServer, gpGB = p.gpDramGBPerServer, gpuTB = p.gpuNandTBPerAccelerator, cpuTB = p.cpuNandTBPerServer;
  const dramServerUsd = p.gpDramGBPerServer * p.dramUsdPerGBStart, nandServerUsd = p.cpuNandTBPerServer * p.nandUsdPerTBStart, baseUsd = p.serverBaseCostUSD;
  const { capacity, ddrGBPerWafer, perUnit, perHbmGB, consumerDramRef, consumerNandRef, gpVcpuPerNew } = m;
  // General-purpose servers keep their GB per vCPU (instance families keep their GiB per vCPU from one generation to
  // the next), so a new server's DRAM grows with its vCPUs: `gpDramGBPerServer` is a 2024-01 server's (§7).
  const gpGBPerVcpu = gpGB / gpVcpuPerNew[0];
  return (t: number): void => {
    const kD = capacity[DRAM][t];
    // HBM wafers run at full utilisation (sold out on contracts); DDR runs at the makers' utilisation.
    const ddrProd = Math.max(0, kD * m.dram.util - m.hbmWafers) * ddrGBPerWafer[t];
    const x = m.output;
    const host = x * perUnit[t] * hostGB;
    // Datacenter buyers order for their CPU servers and build their own stock while makers' inventories run short.
    const cpuNeed = m.yAiPre * aiGB + m.yGpPre * gpVcpuPerNew[t] * gpGBPerVcpu;
    m.ddrWantedGB = dram.settle(t, ddrProd, host, dram.order(cpuNeed), dram.consumer(consumerDramRef[t]));
    // CPU servers are built as far as their DRAM was shipped or held.
    const fCpu = dram.receive(t, cpuNeed, dram.out[2]);
    m.yAi = m.yAiPre * fCpu;
    m.yGp = m.yGpPre * fCpu;
    sHbmShare[t] = kD > 0 ? m.hbmWafers / kD : 0;
    const hbmGB = x * perHbmGB[t] + m.hbmOutsideShipped;
    sHbmShipped[t] = hbmGB;
    sHbmOutside[t] = m.hbmOutsideShipped;
    sHbmBits[t] = hbmGB + ddrProd > 0 ? hbmGB / (hbmGB + ddrProd) : 0;
    sHbmLost[t] = m.hbmWafers * (1 - hbmYield);

    // NAND: storage for accelerators, CPU servers and consumers; it does not limit output.
    const nandProd = capacity[NAND][t] * m.nand.util;
    const nGpu = x * perUnit[t] * gpuTB;
    const nCpu = (m.yAi + m.yGp) * cpuTB;
    m.nandWantedTB = nand.settle(t, nandProd, nGpu, nand.order(nCpu), nand.consumer(consumerNandRef[t]));
    nand.receive(t, nCpu, nand.out[2]);
    // Server cost index: memory and storage prices pass into what a server costs.
    m.serverCostIndex = (baseUsd + dramServerUsd * m.dram.price + nandServerUsd * m.nand.price) / serverBase;
  };
}
