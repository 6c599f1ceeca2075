import { GPUS, VENDORS, HBM_GENERATIONS, HBM_OUTSIDE_VENDORS, GENERATION_MIX_QUARTERS } from "./catalog";
import { computeDrivers } from "./drivers";
import { START_COHORTS, trainingStartMH100e } from "./warmStart";
import { runParams } from "./params";
import { fillPath } from "./paths";
import { INDUCED_INPUTS, type M } from "./state";
import { listOf, scratch } from "./scratch";
import { monthCount, monthIndex, monthLabels, monthQuarter } from "./time";
import type { Scenario } from "./types";

const G = GPUS.length;
/** Months over which a generation ramps in after its launch (and the one before ramps out). */
export const RAMP_MONTHS = 9;
const LAUNCH = Int32Array.from(GPUS.map((g) => monthIndex(g.launch)));
/** Per generation, from the catalog (read-only, shared by every run): H100e per unit, all-in kW per unit and per H100e, HBM GB per unit. */
const H100E = Float64Array.from(GPUS.map((g) => g.h100e));
const UNIT_KW = Float64Array.from(GPUS.map((g) => g.allInKW));
const KW_PER_H100E = Float64Array.from(GPUS.map((g) => g.allInKW / g.h100e));
const HBM_GB = Float64Array.from(GPUS.map((g) => g.hbmGB));
/** Generations of each vendor, oldest first. */
const BY_VENDOR: number[][] = VENDORS.ids.map((v) => GPUS.map((g, i) => (g.vendor === v ? i : -1)).filter((i) => i >= 0));
/** Month index of the last pre-run quarter's cohort, and its output rate (H100e / month): the warm start's order flow. */
const LAST_COHORT_T = Math.max(...START_COHORTS.map((c) => c.t));
const START_OUTPUT_RATE = START_COHORTS.filter((c) => c.t === LAST_COHORT_T).reduce((s, c) => s + c.h100e, 0) / 3;

const ramp = (t: number, launch: number) => Math.min(Math.max((t - launch) / RAMP_MONTHS, 0), 1);

/** A vendor's units by generation id in month t's calendar quarter (Epoch AI, 2024–2025), or undefined outside them. */
const quarterUnits = (t: number, vendor: string): Record<string, number> | undefined => GENERATION_MIX_QUARTERS[monthQuarter(t)]?.[vendor];

/** Vendor packaging shares at month t: piecewise linear between the dated anchors, flat outside. */
const SHARE_PATHS: Float64Array[] = VENDORS.ids.map((v) => {
  const anchors = Object.entries(VENDORS.packagingShare.anchors).map(([m, s]) => [m, s[v] ?? 0] as [string, number]);
  return fillPath(new Float64Array(12 * 30), anchors);
});

/** The output mix and what one H100e of it needs, by month: functions of the catalog and the horizon only. */
interface GenerationTables {
  /** Share (of H100e) of each generation by month: mix[t * G + g] (a month's generations side by side). */
  mix: Float64Array;
  /** Per H100e of output: leading-edge and N3 wafers, HBM GB, kW, units, list price (USD). */
  perWafer: Float64Array;
  perN3Wafer: Float64Array;
  perHbmGB: Float64Array;
  perKW: Float64Array;
  perUnit: Float64Array;
  listPerH100e: Float64Array;
  /** Per H100e of output: CoWoS packages (before packaging yield) and HBM GB × its generation's area factor. */
  packagesPer: Float64Array;
  hbmArea: Float64Array;
}

const TABLES = new Map<number, GenerationTables>();

/**
 * Within a vendor each generation ramps in and replaces the one before; vendors split packaging wafers by
 * their shares, so a generation's share of H100e output is s_v · w_g · packagesPerWafer_g · h_g normalised
 * over all generations (docs/model.md §6). Computed once per horizon; the runs only read the arrays.
 */
function generationTables(n: number): GenerationTables {
  const hit = TABLES.get(n);
  if (hit) return hit;
  const mix = new Float64Array(G * n);
  const [perWafer, perN3Wafer, perHbmGB, perKW, perUnit, listPerH100e, packagesPer, hbmArea] = Array.from({ length: 8 }, () => new Float64Array(n));
  const w = new Float64Array(G);
  for (let t = 0; t < n; t++) {
    let total = 0;
    for (let v = 0; v < BY_VENDOR.length; v++) {
      const gens = BY_VENDOR[v];
      const share = SHARE_PATHS[v][Math.min(t, SHARE_PATHS[v].length - 1)];
      const shipped = quarterUnits(t, VENDORS.ids[v]);
      let wafers = 0;
      if (shipped) for (const g of gens) wafers += (shipped[GPUS[g].id] ?? 0) / GPUS[g].packagesPerCowosWafer;
      for (let k = 0; k < gens.length; k++) {
        const g = gens[k];
        // The vendor's packaging wafers split by the quarter's shipped mix where Epoch AI counts it; otherwise
        // each generation ramps in after its launch and replaces the one before.
        let waferShare: number;
        if (shipped && wafers > 0) waferShare = (shipped[GPUS[g].id] ?? 0) / GPUS[g].packagesPerCowosWafer / wafers;
        else {
          const own = k === 0 ? 1 : ramp(t, LAUNCH[g]);
          const next = k + 1 < gens.length ? ramp(t, LAUNCH[gens[k + 1]]) : 0;
          waferShare = Math.max(own - next, 0);
        }
        const wg = waferShare * share * GPUS[g].packagesPerCowosWafer * GPUS[g].h100e;
        w[g] = wg;
        total += wg;
      }
    }
    for (let g = 0; g < G; g++) {
      const share = total > 0 ? w[g] / total : 0;
      mix[t * G + g] = share;
      if (share === 0) continue;
      const gen = GPUS[g];
      const units = share / gen.h100e;
      const waferPer = gen.logicUnitsPerWafer > 0 ? units / gen.logicUnitsPerWafer : 0;
      perWafer[t] += waferPer;
      if (gen.node === "N3") perN3Wafer[t] += waferPer;
      packagesPer[t] += units / gen.packagesPerCowosWafer;
      hbmArea[t] += units * gen.hbmGB * (HBM_GENERATIONS[gen.hbmGen]?.areaFactor ?? 1);
      perHbmGB[t] += units * gen.hbmGB;
      perKW[t] += units * gen.allInKW;
      perUnit[t] += units;
      listPerH100e[t] += units * gen.listPriceUSD;
    }
  }
  const tables = { mix, perWafer, perN3Wafer, perHbmGB, perKW, perUnit, listPerH100e, packagesPer, hbmArea };
  TABLES.set(n, tables);
  return tables;
}

/** Builds the run's state: parameters, paths computed before the loop, the end-2023 stocks (the warm start). */
export function setup(scenario: Scenario): M {
  scratch.begin();
  const warnings: string[] = [];
  const p = runParams(scenario.params, warnings);
  const n = monthCount(Math.round(p.endYear));

  // ---- generations: software curves and output mix
  const h100e = H100E, unitKW = UNIT_KW, hbmGB = HBM_GB;
  const sw = scratch.take(G * n);
  const tau = Math.max(1, p.softwareGainMonths);
  const decay = Math.exp(-1 / tau);
  for (let g = 0; g < G; g++) {
    // s(age) = 1 + (ceiling − 1)(1 − e^(−age/τ)), normalised to 1 at the start (or at launch).
    const ceiling = Math.max(1, p.softwareGainCeiling * GPUS[g].softwareHeadroom);
    const age0 = Math.max(0, -LAUNCH[g]);
    let e = Math.exp(-age0 / tau);
    const norm = 1 + (ceiling - 1) * (1 - e);
    // 1 before launch; from launch on, one decay step a month.
    const launched = Math.min(Math.max(LAUNCH[g], 0), n);
    for (let t = 0; t < launched; t++) sw[t * G + g] = 1;
    for (let t = launched; t < n; t++, e *= decay) sw[t * G + g] = (1 + (ceiling - 1) * (1 - e)) / norm;
  }
  // The output mix and its per-H100e input needs depend only on the catalog and the horizon (cached);
  // the scenario scales them by its yields, prices and HBM area.
  const tab = generationTables(n);
  const mix = tab.mix;
  const perWafer = tab.perWafer, perN3Wafer = tab.perN3Wafer, perHbmGB = tab.perHbmGB, perKW = tab.perKW, perUnit = tab.perUnit, listPerH100e = tab.listPerH100e;
  const perCowos = scratch.take(n), perHbmWafer = scratch.take(n), costWafer = scratch.take(n), costCowos = scratch.take(n), costHbm = scratch.take(n);
  const ddrGBPerWafer = scratch.take(n);
  const bitGrowth = Math.pow(1 + p.ddrBitGrowthPerYear, 1 / 12);
  const yieldPk = Math.max(0.01, p.packagingYield);
  // HBM made for accelerators outside the counted vendors: GB a month, and the DRAM wafers it asks for (stack yield counted).
  const hbmOutsideGB = scratch.take(n), hbmOutsideWafers = scratch.take(n);
  const outside = HBM_OUTSIDE_VENDORS, outFrom = monthIndex(outside.from), outTo = monthIndex(outside.to);
  const outsidePerMonth = (Math.max(0, p.hbmChinaStacks2024M) * 1e6 * outside.gbPerStack) / (outTo - outFrom + 1);
  const outsideArea = (HBM_GENERATIONS[outside.hbmGen]?.areaFactor ?? 1) * p.hbmAreaFactor;
  const stackYield = Math.max(0.05, p.hbmStackYield);
  for (let t = 0, ddr = p.ddrGBPerWafer; t < n; t++, ddr *= bitGrowth) {
    ddrGBPerWafer[t] = ddr;
    perCowos[t] = tab.packagesPer[t] / yieldPk;
    perHbmWafer[t] = (tab.hbmArea[t] * p.hbmAreaFactor) / ddr;
    if (t >= outFrom && t <= outTo) {
      hbmOutsideGB[t] = outsidePerMonth;
      hbmOutsideWafers[t] = (outsidePerMonth * (outsideArea / ddr)) / stackYield;
    }
    costWafer[t] = perWafer[t] * p.waferUsdStart;
    costCowos[t] = perCowos[t] * p.cowosUsdPerWaferStart;
    costHbm[t] = perHbmGB[t] * p.hbmUsdPerGBStart;
  }

  // ---- warm start: the fleet at the end of 2023 and what buyers wanted then
  const installed = scratch.take(G);
  const gpuLife = Math.max(1, Math.round(p.gpuUsefulLifeYears * 12));
  const retireAt = scratch.take(G * (n + 1)), retireTotal = scratch.take(n + 1);
  for (const c of START_COHORTS) {
    const at = c.t + gpuLife;
    if (at <= 0) continue;
    installed[c.g] += c.h100e;
    if (at < n) {
      retireAt[at * G + c.g] += c.h100e;
      retireTotal[at] += c.h100e;
    }
  }
  let gpuKW = 0;
  for (let g = 0; g < G; g++) {
    gpuKW += (installed[g] / h100e[g]) * unitKW[g];
  }
  const tokensPerAgentHour = (p.agentFreshTokensPerHourM + p.agentCachedTokensPerHourM * p.cachedTokenComputeWeight) * 1e6;
  // Training compute wanted at the start: what the installed base and its shortage leave after inference.
  p.trainingStartMH100e = trainingStartMH100e(p);

  const d = computeDrivers(n, p, scenario.formulas, warnings);

  // ---- demand at the base price
  const chatBase = scratch.take(n), agentBase = scratch.take(n);
  const chatPrice0 = scratch.take(n), agentPrice0 = scratch.take(n);
  const trainWanted = scratch.take(n), edgeShare = d.edgeShare, rlShare = d.rlShare;
  const decline = Math.pow(1 - p.tokenPriceDeclinePerYear, 1 / 12);
  // Cheaper tokens bring more use: demand × (price / start price)^(−ε).
  const jevons = Math.pow(decline, -p.tokenDemandElasticity);
  const budgetGrowth = Math.pow(1 + p.agentBudgetGrowthPerYear, 1 / 12);
  let priceFactor = 1, jev = 1, budget = p.agentBudgetBUsdPerMonth2026 * 1e9 * Math.pow(1 + p.agentBudgetGrowthPerYear, -2);
  for (let t = 0; t < n; t++, priceFactor *= decline, jev *= jevons, budget *= budgetGrowth) {
    chatPrice0[t] = p.chatTokenPriceStart * priceFactor;
    agentPrice0[t] = p.tokenPriceStart * priceFactor;
    const keep = 1 - edgeShare[t];
    chatBase[t] = d.chatTokens[t] * 1e12 * jev * keep;
    let hours = d.agentHours[t] * 1e6 * jev;
    // Agent adoption meets spend budgets: hours beyond what the budget buys are not bought.
    const spend = (hours * tokensPerAgentHour * agentPrice0[t]) / 1e6;
    if (spend > budget) {
      hours *= budget / spend;
    }
    agentBase[t] = hours * tokensPerAgentHour * keep;
    trainWanted[t] = d.trainingDemand[t] * 1e6;
  }

  // ---- CPU demand paths
  const gpVcpuWanted = scratch.take(n), gpVcpuPerNew = scratch.take(n), aiVcpuPerNew = scratch.take(n);
  const vcpu0 = p.cpuServersInstalledStartM * 1e6 * p.cpuVcpuPerServerStart;
  const gpGrowth = Math.pow(1 + p.gpCpuGrowthPerYear, 1 / 12), gpNewGrowth = Math.pow(1 + p.gpVcpuPerNewServerGrowthPerYear, 1 / 12);
  // The fleet installed is end-2023's; what is wanted in 2024-01 is already a month of growth on (docs/model.md §2).
  for (let t = 0, v = vcpu0 * p.gpCpuStartShare * gpGrowth, nv = p.gpVcpuPerNewServerStart; t < n; t++, v *= gpGrowth, nv *= gpNewGrowth) {
    gpVcpuWanted[t] = v;
    gpVcpuPerNew[t] = nv;
    aiVcpuPerNew[t] = Math.max(1, d.vcpuPerSocket[t] * p.cpuSocketsPerServer);
  }
  const vcpuAgentHour = p.sandboxVcpusPerAgent * p.warmPoolFactor + (p.subtasksPerGoal / Math.max(p.agentRunHours, 0.1)) * (p.cpuSecondsPerSubtask / 3600);

  // ---- consumer demand at reference prices, memory cost trend
  const memCost = scratch.take(n), consumerWaferRef = scratch.take(n), consumerDramRef = scratch.take(n), consumerNandRef = scratch.take(n);
  const g12 = (r: number) => Math.pow(1 + r, 1 / 12);
  const gMc = g12(-p.memoryCostDeclinePerYear), gCw = g12(p.consumerWaferGrowthPerYear), gCd = g12(p.consumerDramGrowthPerYear), gCn = g12(p.consumerNandGrowthPerYear);
  for (let t = 0, mc = 1 / Math.max(0.1, p.memoryPriceToCostStart), cw = p.consumerWafersStartK * 1e3, cd = p.consumerDramStartMGB * 1e6, cn = p.consumerNandStartMTB * 1e6; t < n;
    t++, mc *= gMc, cw *= gCw, cd *= gCd, cn *= gCn) {
    memCost[t] = mc;
    consumerWaferRef[t] = cw;
    consumerDramRef[t] = cd;
    consumerNandRef[t] = cn;
  }

  // Local-inference devices: new ones plus replacements over a 4-year life, each with its DRAM.
  for (let t = 0, prev = -1; t < n; t++) {
    const devices = ((chatBase[t] + agentBase[t]) * (edgeShare[t] / Math.max(1 - edgeShare[t], 1e-9))) / (p.edgeTokensPerDeviceM * 1e6);
    if (prev < 0) prev = devices;
    consumerDramRef[t] += (Math.max(0, devices - prev) + devices / 48) * p.edgeDramGBPerDevice;
    prev = devices;
  }

  // ---- capacity paths: planned now, induced added as the run goes
  const planned = [
    scratch.copy(d.waferCapacity, 1e3),
    scratch.copy(d.packagingCapacity, 1e3),
    scratch.copy(d.hbmStackCapacity, 1e3),
    scratch.copy(d.dramCapacity, 1e3),
    scratch.copy(d.nandCapacity, 1e6),
    scratch.copy(d.powerCapacity, 1e3),
  ];
  // The fleet at the end of 2023 was powered: planned capacity is at least what it drew (a scenario whose
  // start fleet draws more lifts the whole plan by the difference, with a warning).
  const startMW = ((gpuKW + p.cpuServersInstalledStartM * 1e6 * p.cpuInstalledServerKW + p.aiCpuServersStartM * 1e6 * p.cpuServerKW) * p.pue) / 1000;
  if (startMW > planned[5][0]) {
    const lift = startMW - planned[5][0];
    for (let t = 0; t < n; t++) planned[5][t] += lift;
    warnings.push(`The start fleet draws ${Math.round(startMW).toLocaleString("en-US")} MW, more than the planned ${Math.round(planned[5][0]).toLocaleString("en-US")} MW: the power plan is raised by the difference.`);
  }
  const lead = scratch.takeInt(INDUCED_INPUTS.length);
  [p.waferLeadMonths, p.packagingLeadMonths, p.hbmLeadMonths, p.dramLeadMonths, p.nandLeadMonths, p.powerLeadMonths].forEach((x, r) => (lead[r] = Math.max(1, Math.round(x))));

  // The warm start's order book: gpuBacklogMonthsStart months of what packaging allowed at the start
  // (2023–24 demand outran CoWoS).
  const backlog0 = p.gpuBacklogMonthsStart * Math.max(START_OUTPUT_RATE, planned[1][0] / perCowos[0]);

  // CPU fleets at the start, of uniform age: one life's cohorts, one retiring each month. A general-purpose cohort's vCPUs
  // per server grow by vintage at the rate new servers' do, scaled so the fleet's mean is `cpuVcpuPerServerStart`
  // (docs/model.md §12): the oldest servers, retired first, hold the fewest vCPUs.
  const cpuLife = Math.max(1, Math.round(p.cpuUsefulLifeYears * 12));
  const cpuRetire = scratch.take((n + 1) * 4), cpuRetireKW = scratch.take(n + 1);
  const gpServers = p.cpuServersInstalledStartM * 1e6, aiServers = p.aiCpuServersStartM * 1e6;
  const aiVcpu0 = aiServers * aiVcpuPerNew[0];
  const vintageGrowth = Math.pow(1 + p.gpVcpuPerNewServerGrowthPerYear, 1 / 12);
  let vintageMean = 0;
  for (let t = 0; t < cpuLife; t++) vintageMean += Math.pow(vintageGrowth, t - cpuLife) / cpuLife;
  for (let t = 0; t < Math.min(cpuLife, n); t++) {
    cpuRetire[t * 4 + 0] = aiServers / cpuLife;
    cpuRetire[t * 4 + 1] = aiVcpu0 / cpuLife;
    cpuRetire[t * 4 + 2] = gpServers / cpuLife;
    cpuRetire[t * 4 + 3] = ((vcpu0 / cpuLife) * Math.pow(vintageGrowth, t - cpuLife)) / vintageMean;
    cpuRetireKW[t] = (gpServers * p.cpuInstalledServerKW + aiServers * p.cpuServerKW) / cpuLife;
  }
  // Memory stocks at the start, in weeks of the demand then.
  const weekly = 12 / 52;
  const dram0 = (consumerDramRef[0] + gpServers / cpuLife * p.gpDramGBPerServer) * weekly;
  const nand0 = (consumerNandRef[0] + gpServers / cpuLife * p.cpuNandTBPerServer) * weekly;

  const policy = scenario.policy;
  const m: M = {
    n, G, p, policy,
    h100e, unitKW, kwPerH100e: KW_PER_H100E, hbmGB, launch: LAUNCH, sw, mix,
    perWafer, perN3Wafer, perCowos, perHbmWafer, perHbmGB, perKW, perUnit,
    costWafer, costCowos, costHbm, listPerH100e, ddrGBPerWafer, hbmOutsideGB, hbmOutsideWafers,
    chatBase, agentBase, chatPrice0, agentPrice0, trainWanted, gpVcpuWanted, gpVcpuPerNew, aiVcpuPerNew,
    memCost, consumerWaferRef, consumerDramRef, consumerNandRef,
    planned, capacity: listOf(INDUCED_INPUTS.length, (r) => scratch.copy(planned[r])), inducedArrivals: listOf(INDUCED_INPUTS.length, () => scratch.take(n + 64)),
    inducedStock: scratch.take(INDUCED_INPUTS.length), inducedPipeline: scratch.take(INDUCED_INPUTS.length), lead,
    rlVcpuPerGpuHour: d.rlVcpuPerGpuHour, rlShare, edgeShare, vcpuAgentHour, tokensPerAgentHour,
    installed, inventory: scratch.take(G), retireAt, retireTotal, gpuKW,
    backlog: backlog0, dueCum: 0, deliveredCum: 0,
    orders: scratch.take(n),
    cpuAiServers: aiServers, cpuAiVcpu: aiVcpu0, cpuGpServers: gpServers, cpuGpVcpu: vcpu0,
    cpuKW: gpServers * p.cpuInstalledServerKW + aiServers * p.cpuServerKW, cpuInventoryKW: 0, cpuInvAi: 0, cpuInvGp: 0,
    cpuRetire, cpuRetireKW,
    dram: { stock: dram0 * p.dramInventoryWeeksStart, weeks: p.dramInventoryWeeksStart, util: p.dramUtilizationStart, price: 1, buyers: 0 },
    nand: { stock: nand0 * p.nandInventoryWeeksStart, weeks: p.nandInventoryWeeksStart, util: p.nandUtilizationStart, price: 1, buyers: 0 },
    priceWafer: 1, pricePackaging: 1, priceHbm: 1, serverCostIndex: 1,
    contractRent: -1, cpuServedShare: 1,
    installedSum: 0, inventorySum: 0, inventoryKW: 0, installedAfter: 0,
    due: 0, xPkg: 0, xHbm: 0, xWafer: 0, xPre: 0, output: 0, hbmWafers: 0, hbmOutsideShipped: 0, yAiPre: 0, yGpPre: 0, yAi: 0, yGp: 0,
    aiVcpuWanted: 0, infFleet: 0, tokCapPerH100e: 0, fleetSw: 1, demandWafer: 0, demandPower: 0, ddrWantedGB: 0, nandWantedTB: 0,
    n3: scratch.copy(d.n3Capacity, 1e3),
    s: Object.create(null) as Record<string, Float64Array>, labels: { "gpu.binding": new Array<string>(n), "gpu.binding.all": new Array<string>(n) }, warnings,
  };
  return m;
}

/** Month labels of a run of this scenario. */
export function runMonths(p: Record<string, number>): string[] {
  return monthLabels(Math.round(p.endYear));
}
