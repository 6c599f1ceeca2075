import { GPUS, INSTALLED_BASE, PARAM_BY_ID, defaultParams } from "./catalog";
import { computeDrivers } from "./drivers";
import { computeMetrics } from "./metrics";
import { SERIES_META } from "./series";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, monthIndex, monthLabels } from "./time";
import { TIERS, type Binding, type Run, type Scenario } from "./types";

const G = GPUS.length;
/** Launch month index of each generation. */
const LAUNCH = GPUS.map((g) => monthIndex(g.launch));
/** Indices of the Nvidia-led generations, oldest first, and each generation's position among them. */
const NV = GPUS.map((g, i) => (g.family === "custom" ? -1 : i)).filter((i) => i >= 0);
const NV_POS = GPUS.map((_, i) => NV.indexOf(i));
/** Installed-base cohorts with their generation index and month index. */
const COHORTS = INSTALLED_BASE.cohorts.map((c) => ({ g: GPUS.findIndex((x) => x.id === c.gen), t: monthIndex(c.month), h100e: c.h100e }));
/** Ratios are reported up to this cap so a month with ~zero supply stays finite. */
const RATIO_CAP = 50;
const EPS = 1e-9;
/** Room for this many series per run (the model writes ~120). */
const SERIES_CAPACITY = 160;
/** Price indices stop rising at this multiple of cost: past it, buyers substitute or go without. */
const MAX_PRICE_MULTIPLE = 10;

const ratio = (demand: number, supply: number) => (demand <= EPS ? 0 : supply <= EPS ? RATIO_CAP : Math.min(demand / supply, RATIO_CAP));

/**
 * The part of an installed fleet that serves tokens. A deficit against the wanted fleet is shared in
 * proportion to need, except that inference is spared `priority` of its part; never more than installed.
 */
function inferenceFleet(installed: number, infNeed: number, desired: number, priority: number): number {
  if (desired <= 0) return 0;
  const deficit = Math.max(0, desired - installed);
  return Math.min(installed, Math.max(0, infNeed - (1 - priority) * deficit * (infNeed / desired)));
}

/** One Float64Array per generation, in a packed array (built the same way every run, for the optimizer). */
function perGen(make: (g: (typeof GPUS)[number]) => Float64Array): Float64Array[] {
  const out: Float64Array[] = [];
  for (let g = 0; g < G; g++) out.push(make(GPUS[g]));
  return out;
}

/** One Float64Array per token tier. */
function perTier(make: (k: string) => Float64Array): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < TIERS.length; i++) out.push(make(TIERS[i]));
  return out;
}

/** Fills `out` with start × (1 + ratePerYear)^(t/12), by repeated multiplication. */
function fillGrowth(out: Float64Array, start: number, ratePerYear: number): Float64Array {
  const monthly = Math.pow(1 + ratePerYear, 1 / 12);
  let v = start;
  for (let t = 0; t < out.length; t++, v *= monthly) out[t] = v;
  return out;
}

/** Share of output that generation g takes at month t: ramps in over `ramp` months after launch, out as the next ramps in. */
function rampIn(t: number, launch: number, ramp: number): number {
  return Math.min(Math.max((t - launch) / ramp, 0), 1);
}

/**
 * Allocates `supply` among two datacenter requests (served first, pro rata) and a consumer request
 * that keeps a contract floor. Writes [consumer, dc1, dc2] into `out`.
 */
function allocate(supply: number, consumer: number, floorShare: number, dc1: number, dc2: number, out: Float64Array): void {
  const floor = Math.min(consumer * floorShare, supply);
  let rest = supply - floor;
  const dcTotal = dc1 + dc2;
  const f = dcTotal <= rest || dcTotal <= EPS ? 1 : rest / dcTotal;
  out[1] = dc1 * f;
  out[2] = dc2 * f;
  rest -= Math.min(dcTotal, rest);
  out[0] = floor + Math.min(consumer - floor, Math.max(rest, 0));
}

/**
 * Price index update: the price moves part of the way each month toward a level set by the cost
 * trend times the shortage ratio to the power `response` (an inverse elasticity: how far the price
 * must rise to ration a given excess of demand). In a glut it falls below cost more slowly
 * (`glutShare` of the response), to at most half.
 */
function nextPrice(prev: number, r: number, response: number, cost: number, speed: number, glutShare: number): number {
  // Below balance prices fall more slowly than they rise above it: producers cut output first.
  const k = r < 1 ? response * glutShare : response;
  const target = cost * Math.min(Math.max(Math.pow(Math.max(r, EPS), k), 0.5), MAX_PRICE_MULTIPLE);
  return prev + (target - prev) * speed;
}

/**
 * Runs the model: a pure, deterministic function of the scenario. Every series is a
 * Float64Array over the months from 2024-01 to December of `endYear`.
 */
export function simulate(scenario: Scenario): Run {
  const p: Record<string, number> = { ...defaultParams(), ...scenario.params };
  const warnings: string[] = [];
  for (const [id, v] of Object.entries(scenario.params)) {
    if (!PARAM_BY_ID.has(id)) warnings.push(`Unknown parameter "${id}" ignored.`);
    else if (!Number.isFinite(v)) {
      warnings.push(`Parameter ${id} is not a finite number; default used.`);
      p[id] = PARAM_BY_ID.get(id)!.default;
    }
  }
  // Parameters as locals: the catalog object is large and keyed, and the loop reads it thousands of times.
  const {
    glutPriceResponseShare,
    agentCachedTokensPerHourM,
    agentFreshTokensPerHourM,
    agentRunHours,
    cachedTokenComputeWeight,
    consumerContractFloor,
    consumerDramGrowthPerYear,
    consumerDramStartMGB,
    consumerElasticity,
    consumerNandGrowthPerYear,
    consumerNandStartMTB,
    consumerWaferGrowthPerYear,
    consumerWafersStartK,
    cpuDramGBPerServer,
    cpuInstalledServerKW,
    cpuNandTBPerServer,
    cpuSecondsPerSubtask,
    cpuServerKW,
    cpuServersInstalledStartM,
    cpuServersPerWafer,
    cpuSocketsPerServer,
    cpuUsefulLifeYears,
    cpuVcpuPerServerStart,
    customAcceleratorShare,
    ddrGBPerWafer,
    degradeCostRatio,
    dramLeadMonths,
    dramPriceResponse,
    edgeDramGBPerDevice,
    edgeTokensPerDeviceM,
    electricityUsdPerKWh,
    endYear,
    enterpriseShare,
    gpCpuGrowthPerYear,
    gpCpuStartShare,
    gpuCatchUpMonths,
    gpuHostDramGBPerAccelerator,
    gpuNandTBPerAccelerator,
    gpuUsefulLifeYears,
    hbmAreaFactor,
    hbmPriceResponse,
    inducedMaxGrowthPerMonth,
    inducedResponse,
    inferencePriority,
    memoryCostDeclinePerYear,
    nandLeadMonths,
    nandPriceResponse,
    onDemandGpuShare,
    onDemandTokenShare,
    packagingLeadMonths,
    packagingPriceResponse,
    packagingYield,
    powerLeadMonths,
    priceAdjustPerMonth,
    pue,
    qualityFloor,
    rentShare,
    sandboxVcpusPerAgent,
    scarcityElasticity,
    softwareGainPerYear,
    subtasksPerGoal,
    tokenPriceDeclinePerYear,
    tokenPriceStart,
    tokensPerSecondPerH100e,
    utilization,
    waferLeadMonths,
    wafersPriceResponse,
    warmPoolFactor,
  } = p;
  const months = monthLabels(Math.round(endYear));
  const n = months.length;
  const d = computeDrivers(n, p, scenario.formulas, warnings);

  // ---- series storage
  // Every series is a view on one buffer: one allocation per run, and one buffer to transfer
  // from a Web Worker.
  const series: Record<string, Float64Array> = {};
  const buffer = new ArrayBuffer(SERIES_CAPACITY * n * 8);
  let used = 0;
  const S = (id: string) => {
    if (used >= SERIES_CAPACITY) throw new Error("simulate: SERIES_CAPACITY too small");
    return (series[id] = new Float64Array(buffer, used++ * n * 8, n));
  };
  const labels: Record<string, string[]> = { "gpu.binding": new Array<string>(n) };

  // ---- static per-generation and per-month quantities
  const launch = LAUNCH;
  const rampMonths = 9;
  const gpuLife = Math.round(gpuUsefulLifeYears * 12);
  const cpuLife = Math.round(cpuUsefulLifeYears * 12);
  const yieldPk = packagingYield;
  const hbmGBPerWafer = ddrGBPerWafer / hbmAreaFactor;

  // Software efficiency raises every generation's tokens per second.
  const sw = S("serving.softwareMultiplier");
  const tokPerH100eMonth = new Float64Array(n);
  fillGrowth(sw, 1, softwareGainPerYear);
  for (let t = 0; t < n; t++) {
    tokPerH100eMonth[t] = tokensPerSecondPerH100e * sw[t] * SECONDS_PER_MONTH * utilization;
  }

  // ---- exogenous demand (does not depend on supply)
  const effTokPerAgentHour = (agentFreshTokensPerHourM + agentCachedTokensPerHourM * cachedTokenComputeWeight) * 1e6;
  const vcpuHPerAgentHour = sandboxVcpusPerAgent * warmPoolFactor + (subtasksPerGoal / agentRunHours) * (cpuSecondsPerSubtask / 3600);
  const agentHours = S("agents.hours");
  const chatTok = S("tokens.demand.chat");
  const agentTok = S("tokens.demand.agents");
  const edgeTok = S("edge.tokens");
  const desiredFleet = S("gpu.desired.h100e");
  const trainNeed = S("gpu.desired.training.h100e");
  const infNeed = S("gpu.desired.inference.h100e");
  for (let t = 0; t < n; t++) {
    agentHours[t] = d.agentHours[t] * 1e6;
    chatTok[t] = d.chatTokens[t] * 1e12;
    agentTok[t] = agentHours[t] * effTokPerAgentHour;
    const all = chatTok[t] + agentTok[t];
    edgeTok[t] = all * d.edgeShare[t];
    infNeed[t] = (all - edgeTok[t]) / tokPerH100eMonth[t];
    trainNeed[t] = d.trainingDemand[t] * 1e6;
    desiredFleet[t] = infNeed[t] + trainNeed[t];
  }

  // Output mix by month: shares by generation and input requirements per H100e of output.
  const mixWafer = new Float64Array(n), mixN3Wafer = new Float64Array(n), mixCowos = new Float64Array(n);
  const mixHbm = new Float64Array(n), mixKW = new Float64Array(n), mixUnits = new Float64Array(n);
  const mixShares = perGen(() => new Float64Array(n));
  // Nvidia-led generations replace each other as each ramps in; other vendors' accelerators
  // take a fixed share of output once ramped.
  const outputShare = (g: number, t: number, custom: number): number => {
    if (GPUS[g].family === "custom") return customAcceleratorShare * rampIn(t, launch[g], rampMonths);
    const k = NV_POS[g];
    const next = k + 1 < NV.length ? rampIn(t, launch[NV[k + 1]], rampMonths) : 0;
    const own = k === 0 ? 1 : rampIn(t, launch[g], rampMonths);
    return Math.max(own - next, 0) * (1 - custom);
  };
  for (let t = 0; t < n; t++) {
    let custom = 0;
    for (let c = 0; c < G; c++) if (GPUS[c].family === "custom") custom += customAcceleratorShare * rampIn(t, launch[c], rampMonths);
    custom = Math.min(custom, 1);
    for (let g = 0; g < G; g++) {
      mixShares[g][t] = outputShare(g, t, custom);
      const gen = GPUS[g];
      const share = mixShares[g][t];
      if (share === 0) continue;
      const perUnit = share / gen.h100e; // accelerator units per H100e of output
      const waferPer = gen.logicUnitsPerWafer > 0 ? perUnit / gen.logicUnitsPerWafer : 0;
      mixWafer[t] += waferPer;
      if (gen.node === "N3") mixN3Wafer[t] += waferPer;
      mixCowos[t] += perUnit / (gen.packagesPerCowosWafer * yieldPk);
      mixHbm[t] += perUnit * gen.hbmGB;
      mixKW[t] += perUnit * gen.allInKW;
      mixUnits[t] += perUnit;
    }
  }

  // CPU demand, exogenous part: general purpose and agents. RL verifiers follow the desired RL fleet.
  const vcpuNewServer = new Float64Array(n);
  const wattsPerVcpuNew = new Float64Array(n);
  const gpDemand = S("cpu.vcpu.demand.gp");
  const agentVcpu = S("cpu.vcpu.demand.agents");
  const rlVcpu = S("cpu.vcpu.demand.rl");
  const fleetKWPerH100e0 = mixKW[0];
  const vcpu0 = cpuServersInstalledStartM * 1e6 * cpuVcpuPerServerStart;
  fillGrowth(gpDemand, vcpu0 * gpCpuStartShare, gpCpuGrowthPerYear);
  const aiVcpuDesired = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    vcpuNewServer[t] = d.vcpuPerSocket[t] * cpuSocketsPerServer;
    wattsPerVcpuNew[t] = (cpuServerKW * 1000) / Math.max(vcpuNewServer[t], 1);
    agentVcpu[t] = (agentHours[t] * vcpuHPerAgentHour) / HOURS_PER_MONTH;
    // Desired RL GPU power (kW, IT) at the fleet's average power per H100e: refined in the loop.
    const rlKW = trainNeed[t] * d.rlShare[t] * (mixKW[t] || fleetKWPerH100e0);
    aiVcpuDesired[t] = agentVcpu[t] + (d.verifierRatio[t] * rlKW * 1000) / wattsPerVcpuNew[t];
  }

  // ---- capacity: planned path plus induced response to the underlying (supply-independent) demand
  const underlyingGpu = new Float64Array(n); // H100e / month buyers would want with no shortage
  const underlyingCpu = new Float64Array(n); // servers / month
  const consumerWaferRef = fillGrowth(new Float64Array(n), consumerWafersStartK * 1e3, consumerWaferGrowthPerYear);
  const consumerDramRef = fillGrowth(new Float64Array(n), consumerDramStartMGB * 1e6, consumerDramGrowthPerYear);
  const consumerNandRef = fillGrowth(new Float64Array(n), consumerNandStartMTB * 1e6, consumerNandGrowthPerYear);
  const edgeDevices = new Float64Array(n), edgeDramNew = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const prev = t > 0 ? desiredFleet[t - 1] : desiredFleet[0] - (desiredFleet[1] - desiredFleet[0]);
    underlyingGpu[t] = Math.max(0, desiredFleet[t] - prev) + desiredFleet[t] / gpuLife;
    const vDes = gpDemand[t] + aiVcpuDesired[t];
    const vPrev = t > 0 ? gpDemand[t - 1] + aiVcpuDesired[t - 1] : vDes;
    underlyingCpu[t] = (Math.max(0, vDes - vPrev) + vDes / cpuLife) / vcpuNewServer[t];
    edgeDevices[t] = edgeTok[t] / (edgeTokensPerDeviceM * 1e6);
    const devPrev = t > 0 ? edgeDevices[t - 1] : edgeDevices[0];
    // New local-inference devices plus replacements over a 4-year device life.
    edgeDramNew[t] = (Math.max(0, edgeDevices[t] - devPrev) + edgeDevices[t] / 48) * edgeDramGBPerDevice;
  }

  const capWafer = S("supply.wafer"), capPkg = S("supply.packaging"), capDram = S("supply.dramWafers");
  const capNand = S("supply.nand"), capPower = S("supply.power");
  const planned = {
    wafer: d.waferCapacity.map((v) => v * 1e3),
    packaging: d.packagingCapacity.map((v) => v * 1e3),
    dram: d.dramCapacity.map((v) => v * 1e3),
    nand: d.nandCapacity.map((v) => v * 1e6),
    power: d.powerCapacity.map((v) => v * 1e3), // MW
  };
  const underlying = {
    wafer: new Float64Array(n),
    packaging: new Float64Array(n),
    dram: new Float64Array(n),
    nand: new Float64Array(n),
    power: new Float64Array(n),
  };
  for (let t = 0; t < n; t++) {
    const gU = underlyingGpu[t], cU = underlyingCpu[t];
    underlying.wafer[t] = gU * mixWafer[t] + cU / cpuServersPerWafer + consumerWaferRef[t];
    underlying.packaging[t] = gU * mixCowos[t];
    const hbmW = (gU * mixHbm[t]) / hbmGBPerWafer;
    const ddrGB = gU * mixUnits[t] * gpuHostDramGBPerAccelerator + cU * cpuDramGBPerServer + consumerDramRef[t] + edgeDramNew[t];
    underlying.dram[t] = hbmW + ddrGB / ddrGBPerWafer;
    underlying.nand[t] = gU * mixUnits[t] * gpuNandTBPerAccelerator + cU * cpuNandTBPerServer + consumerNandRef[t];
    // Power is a stock: the MW the wanted fleets would draw.
    underlying.power[t] =
      (desiredFleet[t] * (mixKW[t] || fleetKWPerH100e0) + ((gpDemand[t] + aiVcpuDesired[t]) * wattsPerVcpuNew[t]) / 1000) * pue / 1000;
  }
  const lead = { wafer: waferLeadMonths, packaging: packagingLeadMonths, dram: dramLeadMonths, nand: nandLeadMonths, power: powerLeadMonths };
  const cap = { wafer: capWafer, packaging: capPkg, dram: capDram, nand: capNand, power: capPower };
  for (const r of ["wafer", "packaging", "dram", "nand", "power"] as const) {
    const L = Math.round(lead[r]);
    const base = planned[r], u = underlying[r], k = cap[r];
    const induced = S(`supply.induced.${r}`);
    let ind = 0;
    for (let t = 0; t < n; t++) {
      if (t >= L) {
        const target = inducedResponse * Math.max(0, u[t - L] - base[t - L]);
        const limit = ind + inducedMaxGrowthPerMonth * (base[t - 1] + ind);
        ind = Math.max(ind, Math.min(target, limit));
      }
      induced[t] = ind;
      k[t] = base[t] + ind;
    }
  }

  // ---- state
  const installedByGen = new Float64Array(G);
  const inventoryByGen = new Float64Array(G); // delivered, waiting for power
  const retireSchedule = perGen(() => new Float64Array(n + 1));
  for (const c of COHORTS) {
    const g = c.g;
    const retireAt = c.t + gpuLife;
    if (retireAt <= 0) continue; // already retired
    installedByGen[g] += c.h100e;
    if (retireAt < n) retireSchedule[g][retireAt] += c.h100e;
  }
  // CPU fleet at the start, of uniform age: it retires evenly over one life.
  let cpuServers = cpuServersInstalledStartM * 1e6;
  let vcpuInstalled = vcpu0;
  const cpuRetireServers = new Float64Array(n + 1), cpuRetireVcpu = new Float64Array(n + 1), cpuRetireKW = new Float64Array(n + 1);
  for (let t = 0; t < Math.min(cpuLife, n); t++) {
    cpuRetireServers[t] = cpuServers / cpuLife;
    cpuRetireVcpu[t] = vcpu0 / cpuLife;
    cpuRetireKW[t] = (cpuServers * cpuInstalledServerKW) / cpuLife;
  }
  let cpuKW = cpuServers * cpuInstalledServerKW;
  let gpuKW = 0;
  for (let g = 0; g < G; g++) gpuKW += (installedByGen[g] / GPUS[g].h100e) * GPUS[g].allInKW;
  const gpuRetireKW = new Float64Array(n + 1);
  for (let g = 0; g < G; g++) for (let t = 0; t < n; t++) gpuRetireKW[t] += (retireSchedule[g][t] / GPUS[g].h100e) * GPUS[g].allInKW;

  // Price indices carried from month to month (plain numbers, not an object whose field types would change).
  let priceWafer = 1, pricePackaging = 1, priceHbm = 1, priceDram = 1, priceNand = 1;

  // ---- output series
  const gpuDeployed = S("gpu.deployed.h100e"), gpuInventory = S("gpu.inventory.h100e");
  const gpuOut = S("gpu.output.h100e"), gpuInst = S("gpu.installed.h100e"), gpuDem = S("gpu.demand.h100e");
  const limW = S("gpu.limit.wafers"), limP = S("gpu.limit.packaging"), limH = S("gpu.limit.hbm"), limPw = S("gpu.limit.power");
  const sh: Record<string, Float64Array> = {};
  for (const r of ["wafer", "packaging", "hbm", "dram", "nand", "power", "gpu", "cpu", "tokens"]) sh[r] = S(`shortage.${r}`);
  const pr: Record<string, Float64Array> = {};
  for (const r of ["wafer", "packaging", "hbm", "dram", "nand"]) pr[r] = S(`price.${r}`);
  const dem: Record<string, Float64Array> = {};
  for (const r of ["wafer", "packaging", "hbm", "dram", "nand", "power"]) dem[r] = S(`demand.${r}`);
  const supHbm = S("supply.hbm"), supDdr = S("supply.dram");
  const tokDem = S("tokens.demand"), tokServed = S("tokens.served"), tokCap = S("tokens.capacity"), throttle = S("throttle.share");
  const tierDem = perTier((k) => S(`tokens.demand.${k}`)), tierServed = perTier((k) => S(`tokens.served.${k}`));
  const tierThrottle = perTier((k) => S(`throttle.share.${k}`));
  const quality = S("quality.index"), tokPrice = S("token.price");
  const agentCost = S("agents.costPerHour"), agentSpend = S("agents.spend");
  const rent = perGen((g) => S(`rent.${g.id}`)), rev = perGen((g) => S(`revenuePerGpuHour.${g.id}`));
  const instGen = perGen((g) => S(`gpu.installed.${g.id}`));
  const cpuOut = S("cpu.servers.output"), cpuOutAi = S("cpu.servers.output.ai"), cpuDem = S("cpu.servers.demand");
  const cpuInst = S("cpu.vcpu.installed"), cpuServersInst = S("cpu.servers.installed");
  const gpCrowded = S("cpu.gp.crowdedOut"), gpCrowdedShare = S("cpu.gp.crowdedOutShare");
  const agentCpuFactor = S("agents.cpuServedShare");
  const wsAi = S("wafer.share.ai"), wsCpu = S("wafer.share.cpu"), wsCons = S("wafer.share.consumer"), wsAiN3 = S("wafer.share.ai.n3");
  const hbmShare = S("hbm.share.dramWafers");
  const powRatio = S("power.ratio.cpuToGpu"), powGpu = S("power.used.gpu"), powCpu = S("power.used.cpu");
  const consWafer = S("consumer.served.wafer"), consDram = S("consumer.served.dram"), consNand = S("consumer.served.nand");
  const consWaferDem = S("consumer.demand.wafer");
  const bindingSeries = labels["gpu.binding"];

  const tierShares = [enterpriseShare, onDemandTokenShare, Math.max(0, 1 - enterpriseShare - onDemandTokenShare)];
  const tierSum = tierShares[0] + tierShares[1] + tierShares[2];
  for (let i = 0; i < 3; i++) tierShares[i] = tierSum > 0 ? tierShares[i] / tierSum : 1 / 3;
  const alloc3 = new Float64Array(3), alloc4 = new Float64Array(3);
  const memCostMonthly = Math.pow(1 - memoryCostDeclinePerYear, 1 / 12);
  let memCostNow = 1; // cost trend of memory at month t, updated at the end of each month
  const basePriceMonthly = Math.pow(1 - tokenPriceDeclinePerYear, 1 / 12);
  let basePriceNow = tokenPriceStart; // token price before scarcity at month t

  for (let t = 0; t < n; t++) {
    // Retirements this month.
    let retired = 0;
    for (let g = 0; g < G; g++) {
      const r = Math.min(retireSchedule[g][t], installedByGen[g]);
      installedByGen[g] -= r;
      retired += r;
    }
    gpuKW = Math.max(0, gpuKW - gpuRetireKW[t]);
    let installedAfter = 0;
    for (let g = 0; g < G; g++) installedAfter += installedByGen[g];
    cpuServers -= cpuRetireServers[t];
    vcpuInstalled -= cpuRetireVcpu[t];
    cpuKW = Math.max(0, cpuKW - cpuRetireKW[t]);

    // Demand for new accelerators and CPU servers this month.
    // Orders: replace what retires, plus part of the gap between the wanted fleet and what is
    // installed or already delivered and waiting for power.
    let inventory = 0;
    for (let g = 0; g < G; g++) inventory += inventoryByGen[g];
    const Dgpu = retired + Math.max(0, desiredFleet[t] - installedAfter - retired - inventory) / gpuCatchUpMonths;
    // RL verifiers serve the RL GPUs that actually run: the training part of the fleet as split below.
    const infNow = inferenceFleet(installedAfter, infNeed[t], desiredFleet[t], inferencePriority);
    const rlGpuKW = Math.max(0, installedAfter - infNow) * d.rlShare[t] * (installedAfter > 0 ? gpuKW / installedAfter : mixKW[t]);
    const rlVcpuT = (d.verifierRatio[t] * rlGpuKW * 1000) / wattsPerVcpuNew[t];
    rlVcpu[t] = rlVcpuT;
    const aiVcpu = agentVcpu[t] + rlVcpuT;
    const vcpuWanted = gpDemand[t] + aiVcpu;
    // New servers carry more vCPUs than the ones they replace: demand is counted in vCPUs.
    const Dcpu = (cpuRetireVcpu[t] + Math.max(0, vcpuWanted - vcpuInstalled - cpuRetireVcpu[t]) / gpuCatchUpMonths) / vcpuNewServer[t];

    // 1. Packaging.
    const Xpkg = capPkg[t] / mixCowos[t];
    // 2. HBM: back-end capacity caps the DRAM wafers that can become HBM.
    const hbmCapGB = d.hbmWaferShareCap[t] * capDram[t] * hbmGBPerWafer;
    const Xhbm = hbmCapGB / mixHbm[t];
    const Xpre = Math.min(Dgpu, Xpkg, Xhbm);
    // 3. Leading-edge wafers: datacenter requests first, consumers keep a contract floor.
    const consW = consumerWaferRef[t] * Math.pow(priceWafer, -consumerElasticity);
    const aiWReq = Xpre * mixWafer[t];
    const cpuWReq = Dcpu / cpuServersPerWafer;
    allocate(capWafer[t], consW, consumerContractFloor, aiWReq, cpuWReq, alloc3);
    const X = mixWafer[t] > 0 ? Math.min(Xpre, alloc3[1] / mixWafer[t]) : Xpre;
    const Yw = alloc3[2] * cpuServersPerWafer;
    // 4. DRAM: HBM takes its wafers; DDR shares the rest, datacenters first.
    const hbmWafersUsed = (X * mixHbm[t]) / hbmGBPerWafer;
    const ddrSupply = Math.max(0, capDram[t] - hbmWafersUsed) * ddrGBPerWafer;
    const consDramDem = (consumerDramRef[t] + edgeDramNew[t]) * Math.pow(priceDram, -consumerElasticity);
    const gpuHostReq = X * mixUnits[t] * gpuHostDramGBPerAccelerator;
    const Ypre = Math.min(Dcpu, Yw);
    allocate(ddrSupply, consDramDem, consumerContractFloor, gpuHostReq, Ypre * cpuDramGBPerServer, alloc4);
    const Ydram = Math.min(Ypre, alloc4[2] / cpuDramGBPerServer);
    const consDramGot = alloc4[0];
    // 5. Power: this month's new accelerators and CPU servers share the headroom of the installed
    //    capacity pro rata; accelerators delivered earlier and still waiting take what is left.
    //    Accelerators that find no power wait in inventory.
    const usedMW = ((gpuKW + cpuKW) * pue) / 1000;
    const headroomMW = Math.max(0, capPower[t] - usedMW);
    let waitingKW = 0;
    for (let g = 0; g < G; g++) waitingKW += (inventoryByGen[g] / GPUS[g].h100e) * GPUS[g].allInKW;
    const newGpuMW = (X * mixKW[t] * pue) / 1000, cpuReqMW = (Ydram * cpuServerKW * pue) / 1000;
    const fPow = newGpuMW + cpuReqMW <= headroomMW ? 1 : headroomMW / (newGpuMW + cpuReqMW);
    const leftMW = Math.max(0, headroomMW - fPow * (newGpuMW + cpuReqMW));
    const waitingMW = (waitingKW * pue) / 1000;
    const fInv = waitingMW <= leftMW ? 1 : leftMW / waitingMW;
    const gpuReqMW = newGpuMW + waitingMW;
    const Y = Ydram * fPow;
    let binding: Binding;
    if ((fPow < 1 - 1e-9 && newGpuMW > EPS) || (fInv < 1 - 1e-9 && waitingMW > EPS)) binding = "power";
    else if (X < Xpre * (1 - 1e-9)) binding = "wafers";
    else binding = Xpre === Dgpu ? "demand" : Xpre === Xpkg ? "packaging" : "hbm";
    bindingSeries[t] = binding;
    limW[t] = mixWafer[t] > 0 ? Math.max(0, capWafer[t] - Math.min(consW * consumerContractFloor, capWafer[t]) - cpuWReq) / mixWafer[t] : 0;
    limP[t] = Xpkg;
    limH[t] = Xhbm;
    limPw[t] = mixKW[t] > 0 ? (headroomMW * 1000) / (mixKW[t] * pue) : 0;
    // 6. NAND: datacenters first; storage does not limit output.
    const consNandDem = consumerNandRef[t] * Math.pow(priceNand, -consumerElasticity);
    allocate(capNand[t], consNandDem, consumerContractFloor, X * mixUnits[t] * gpuNandTBPerAccelerator, Y * cpuNandTBPerServer, alloc4);
    const consNandGot = alloc4[0];

    // Shortage ratios: everything wanted at this month's prices over what can be supplied.
    const wDem = Dgpu * mixWafer[t] + Dcpu / cpuServersPerWafer + consW;
    const pDem = Dgpu * mixCowos[t];
    const hDem = Dgpu * mixHbm[t];
    const ddrDem = Dgpu * mixUnits[t] * gpuHostDramGBPerAccelerator + Dcpu * cpuDramGBPerServer + consDramDem;
    const nDem = Dgpu * mixUnits[t] * gpuNandTBPerAccelerator + Dcpu * cpuNandTBPerServer + consNandDem;
    const powDem = usedMW + gpuReqMW + (Dcpu * cpuServerKW * pue) / 1000;
    dem.wafer[t] = wDem; dem.packaging[t] = pDem; dem.hbm[t] = hDem; dem.dram[t] = ddrDem; dem.nand[t] = nDem; dem.power[t] = powDem;
    supHbm[t] = hbmCapGB; supDdr[t] = ddrSupply;
    sh.wafer[t] = ratio(wDem, capWafer[t]);
    sh.packaging[t] = ratio(pDem, capPkg[t]);
    sh.hbm[t] = ratio(hDem, hbmCapGB);
    sh.dram[t] = ratio(ddrDem, ddrSupply);
    sh.nand[t] = ratio(nDem, capNand[t]);
    sh.power[t] = ratio(powDem, capPower[t]);
    sh.gpu[t] = ratio(Dgpu, X);
    sh.cpu[t] = ratio(Dcpu, Y);

    // Prices respond to this month's ratios (they are what buyers pay next month).
    pr.wafer[t] = priceWafer; pr.packaging[t] = pricePackaging; pr.hbm[t] = priceHbm; pr.dram[t] = priceDram; pr.nand[t] = priceNand;
    priceWafer = nextPrice(priceWafer, sh.wafer[t], wafersPriceResponse, 1, priceAdjustPerMonth, glutPriceResponseShare);
    pricePackaging = nextPrice(pricePackaging, sh.packaging[t], packagingPriceResponse, 1, priceAdjustPerMonth, glutPriceResponseShare);
    priceHbm = nextPrice(priceHbm, sh.hbm[t], hbmPriceResponse, memCostNow, priceAdjustPerMonth, glutPriceResponseShare);
    priceDram = nextPrice(priceDram, sh.dram[t], dramPriceResponse, memCostNow, priceAdjustPerMonth, glutPriceResponseShare);
    priceNand = nextPrice(priceNand, sh.nand[t], nandPriceResponse, memCostNow, priceAdjustPerMonth, glutPriceResponseShare);

    // Deliver this month's output into inventory, then install what power allows.
    let deployed = 0;
    for (let g = 0; g < G; g++) {
      const fresh = mixShares[g][t] * X;
      const add = fresh * fPow + inventoryByGen[g] * fInv;
      inventoryByGen[g] = inventoryByGen[g] * (1 - fInv) + fresh * (1 - fPow);
      if (add <= 0) continue;
      deployed += add;
      installedByGen[g] += add;
      const at = t + gpuLife;
      if (at < n) {
        retireSchedule[g][at] += add;
        gpuRetireKW[at] += (add / GPUS[g].h100e) * GPUS[g].allInKW;
      }
      gpuKW += (add / GPUS[g].h100e) * GPUS[g].allInKW;
    }
    gpuDeployed[t] = deployed;
    gpuInventory[t] = 0;
    for (let g = 0; g < G; g++) gpuInventory[t] += inventoryByGen[g];
    cpuServers += Y;
    vcpuInstalled += Y * vcpuNewServer[t];
    cpuKW += Y * cpuServerKW;
    if (t + cpuLife < n) {
      cpuRetireServers[t + cpuLife] += Y;
      cpuRetireVcpu[t + cpuLife] += Y * vcpuNewServer[t];
      cpuRetireKW[t + cpuLife] += Y * cpuServerKW;
    }

    let installed = 0;
    for (let g = 0; g < G; g++) installed += installedByGen[g];
    gpuOut[t] = X; gpuDem[t] = Dgpu; gpuInst[t] = installed;
    for (let g = 0; g < G; g++) instGen[g][t] = installedByGen[g];
    cpuOut[t] = Y; cpuDem[t] = Dcpu; cpuInst[t] = vcpuInstalled; cpuServersInst[t] = cpuServers;
    // Attribute CPU output to AI by AI's share of the new vCPUs wanted this month.
    const aiNew = Math.max(0, aiVcpu - (t > 0 ? agentVcpu[t - 1] + rlVcpu[t - 1] : aiVcpu)) + aiVcpu / cpuLife;
    const gpNew = Math.max(0, gpDemand[t] - (t > 0 ? gpDemand[t - 1] : gpDemand[t])) + gpDemand[t] / cpuLife;
    cpuOutAi[t] = Y * (aiNew + gpNew > 0 ? aiNew / (aiNew + gpNew) : 0);

    // CPU serving: AI work (agents, RL verifiers) is served first; general purpose gets the rest.
    const aiServed = Math.min(aiVcpu, vcpuInstalled);
    const cpuFactor = aiVcpu > 0 ? aiServed / aiVcpu : 1;
    agentCpuFactor[t] = cpuFactor;
    const gpServed = Math.min(gpDemand[t], Math.max(0, vcpuInstalled - aiServed));
    gpCrowded[t] = gpDemand[t] - gpServed;
    gpCrowdedShare[t] = gpDemand[t] > 0 ? gpCrowded[t] / gpDemand[t] : 0;

    // Wafer allocation shares.
    const aiWUsed = X * mixWafer[t];
    wsAi[t] = capWafer[t] > 0 ? aiWUsed / capWafer[t] : 0;
    wsCpu[t] = capWafer[t] > 0 ? alloc3[2] / capWafer[t] : 0;
    wsCons[t] = capWafer[t] > 0 ? alloc3[0] / capWafer[t] : 0;
    wsAiN3[t] = d.n3Capacity[t] > 0 ? Math.min(1, (X * mixN3Wafer[t]) / (d.n3Capacity[t] * 1e3)) : 0;
    hbmShare[t] = capDram[t] > 0 ? hbmWafersUsed / capDram[t] : 0;
    consWafer[t] = consW > 0 ? alloc3[0] / consW : 1;
    consWaferDem[t] = consW;
    consDram[t] = consDramDem > 0 ? consDramGot / consDramDem : 1;
    consNand[t] = consNandDem > 0 ? consNandGot / consNandDem : 1;

    // Tokens: the installed fleet is split between training and inference.
    const infFleet = inferenceFleet(installed, infNeed[t], desiredFleet[t], inferencePriority);
    const capTok = infFleet * tokPerH100eMonth[t];
    const demandTok = (chatTok[t] + agentTok[t] * cpuFactor) * (1 - d.edgeShare[t]);
    tokCap[t] = capTok;
    tokDem[t] = demandTok;
    sh.tokens[t] = ratio(demandTok, capTok);
    let served = 0;
    let q = 1;
    if (demandTok <= capTok) {
      for (let i = 0; i < 3; i++) {
        tierDem[i][t] = demandTok * tierShares[i];
        tierServed[i][t] = tierDem[i][t];
      }
      served = demandTok;
    } else if (scenario.policy === "priority") {
      let left = capTok;
      for (let i = 0; i < 3; i++) {
        tierDem[i][t] = demandTok * tierShares[i];
        tierServed[i][t] = Math.min(tierDem[i][t], left);
        left -= tierServed[i][t];
        served += tierServed[i][t];
      }
    } else if (scenario.policy === "degrade") {
      // Serve a share x of tokens with a smaller model costing degradeCostRatio of a full token.
      const r = degradeCostRatio;
      const x = r < 1 ? Math.min(1, (demandTok - capTok) / (demandTok * (1 - r))) : 1;
      const servable = x < 1 ? demandTok : capTok / Math.max(r, EPS);
      served = Math.min(demandTok, servable);
      q = 1 - x * (1 - qualityFloor);
      for (let i = 0; i < 3; i++) {
        tierDem[i][t] = demandTok * tierShares[i];
        tierServed[i][t] = served * tierShares[i];
      }
    } else {
      served = capTok;
      for (let i = 0; i < 3; i++) {
        tierDem[i][t] = demandTok * tierShares[i];
        tierServed[i][t] = tierDem[i][t] * (capTok / demandTok);
      }
    }
    tokServed[t] = served;
    throttle[t] = demandTok > 0 ? 1 - served / demandTok : 0;
    for (let i = 0; i < 3; i++) tierThrottle[i][t] = tierDem[i][t] > 0 ? 1 - tierServed[i][t] / tierDem[i][t] : 0;
    quality[t] = q;

    // Token price: a base falling with cost, times a scarcity premium in the demand/capacity ratio.
    const scarcity = Math.max(1, sh.tokens[t]);
    const basePrice = basePriceNow;
    basePriceNow *= basePriceMonthly;
    tokPrice[t] = basePrice * Math.pow(scarcity, scarcityElasticity);
    agentCost[t] = (effTokPerAgentHour / 1e6) * tokPrice[t];
    agentSpend[t] = agentHours[t] * cpuFactor * agentCost[t];
    // GPU capacity earns only on the tokens it serves.
    const busy = capTok > 0 ? Math.min(1, served / capTok) : 0;
    for (let g = 0; g < G; g++) {
      const gen = GPUS[g];
      if (t < launch[g] || (installedByGen[g] <= EPS && t >= launch[g] + rampMonths)) {
        rev[g][t] = 0;
        rent[g][t] = 0;
        continue;
      }
      const tokPerHour = tokensPerSecondPerH100e * gen.h100e * sw[t] * 3600 * utilization * busy;
      rev[g][t] = (tokPerHour * tokPrice[t]) / 1e6;
      const floor = gen.listPriceUSD / (gpuUsefulLifeYears * 8760 * utilization) + gen.allInKW * pue * electricityUsdPerKWh;
      const contract = Math.max(floor, (rentShare * tokPerHour * basePrice) / 1e6);
      const spot = Math.max(floor, rentShare * rev[g][t]);
      rent[g][t] = (1 - onDemandGpuShare) * contract + onDemandGpuShare * spot;
    }

    // Power of AI CPU work vs the GPUs it serves (agent inference + RL).
    const gpuFleetKW = gpuKW;
    const agentGpuKW = installed > 0 && desiredFleet[t] > 0 ? gpuFleetKW * (infFleet / installed) * (agentTok[t] / Math.max(chatTok[t] + agentTok[t], EPS)) : 0;
    const aiCpuKW = (aiServed * wattsPerVcpuNew[t]) / 1000;
    const rlServedKW = rlGpuKW;
    powRatio[t] = agentGpuKW + rlServedKW > 0 ? aiCpuKW / (agentGpuKW + rlServedKW) : 0;
    powGpu[t] = (gpuKW * pue) / 1000;
    powCpu[t] = (cpuKW * pue) / 1000;
    memCostNow *= memCostMonthly;
  }

  const run: Run = { schema: "chokepoint.run/1", months, series, labels, metrics: {}, meta: SERIES_META, warnings };
  run.metrics = computeMetrics(run, p);
  return run;
}
