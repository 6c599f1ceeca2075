import { GPUS, VENDORS } from "./catalog";
import { computeMetrics } from "./metrics";
import { SERIES_META } from "./series";
import { setup } from "./setup";
import { makeCapacity } from "./stages/capacity";
import { makeFleet } from "./stages/fleet";
import { makeMemory } from "./stages/memory";
import { makeOrders } from "./stages/orders";
import { makePower } from "./stages/power";
import { makePrices } from "./stages/prices";
import { makeProduction } from "./stages/production";
import { makeServing } from "./stages/serving";
import { INDUCED_INPUTS } from "./state";
import { monthLabels } from "./time";
import { RunBuffer } from "./runBuffer";
import type { Run, Scenario } from "./types";

/** Every series id the model writes, in buffer order. */
export const SERIES_IDS: readonly string[] = (() => {
  const ids: string[] = [];
  for (const r of ["wafer", "packaging", "hbm", "dram", "nand", "power"]) ids.push(`demand.${r}`, `shortage.${r}`);
  for (const r of ["wafer", "packaging", "hbm", "dram", "nand"]) ids.push(`price.${r}`);
  for (const r of INDUCED_INPUTS) ids.push(`supply.induced.${r}`);
  ids.push("supply.wafer", "supply.n3", "supply.packaging", "supply.hbm", "supply.hbmStack", "supply.dram", "supply.dramWafers", "supply.nand", "supply.power");
  ids.push("shortage.gpu", "shortage.cpu", "shortage.tokens", "shortage.gpuHours");
  ids.push("gpu.output.h100e", "gpu.deployed.h100e", "gpu.inventory.h100e", "gpu.demand.h100e", "gpu.orders.h100e", "gpu.backlog.h100e");
  ids.push("gpu.installed.h100e", "gpu.inference.h100e", "gpu.desired.h100e", "gpu.desired.powered.h100e", "gpu.desired.now.h100e", "gpu.desired.training.h100e", "gpu.desired.inference.h100e");
  ids.push("gpu.limit.wafers", "gpu.limit.packaging", "gpu.limit.hbm", "gpu.limit.power", "gpu.cost.perH100e");
  for (const v of VENDORS.ids) ids.push(`gpu.output.units.${v}`, `gpu.output.h100e.${v}`, `packaging.share.${v}`, `accelerators.revenue.${v}`);
  ids.push("revenue.nvidia.dc", "revenue.amd.dcgpu");
  ids.push("ai.servers.output", "cpu.servers.output.all", "hbm.share.dramBits");
  for (const g of GPUS) ids.push(`gpu.installed.${g.id}`, `revenuePerGpuHour.${g.id}`, `rent.${g.id}`);
  ids.push("rent.spot.perH100e", "rent.perH100e");
  ids.push("tokens.demand", "tokens.demand.base", "tokens.served", "tokens.capacity", "tokens.demand.chat", "tokens.demand.agents", "tokens.scarcity");
  for (const k of ["enterprise", "onDemand", "consumer"]) ids.push(`tokens.demand.${k}`, `tokens.served.${k}`, `throttle.share.${k}`);
  ids.push("throttle.share", "quality.index", "token.price", "token.price.chat", "token.revenue");
  ids.push("agents.hours", "agents.costPerHour", "agents.spend", "agents.heavyUserSpendPerDay", "agents.cpuServedShare", "edge.tokens", "serving.softwareMultiplier");
  ids.push("cpu.servers.output", "cpu.servers.output.ai", "cpu.servers.demand", "cpu.servers.installed", "cpu.servers.installed.ai", "cpu.servers.inventory");
  ids.push("cpu.vcpu.installed", "cpu.vcpu.demand.gp", "cpu.vcpu.demand.agents", "cpu.vcpu.demand.rl", "cpu.gp.crowdedOut", "cpu.gp.crowdedOutShare");
  ids.push("wafer.share.ai", "wafer.share.cpu", "wafer.share.consumer", "wafer.share.ai.n3", "wafer.idle");
  ids.push("consumer.demand.wafer", "consumer.served.wafer", "consumer.served.dram", "consumer.served.nand");
  ids.push("hbm.share.dramWafers", "hbm.shipped.GB", "hbm.outside.GB", "hbm.lost.wafers", "dram.inventory.weeks", "nand.inventory.weeks", "dram.inventory.GB", "nand.inventory.TB", "dram.shipped", "nand.shipped", "dram.buyers.GB", "nand.buyers.TB");
  ids.push("power.ratio.cpuToGpu", "power.used.gpu", "power.used.cpu");
  return ids;
})();

/**
 * Runs the model: a pure, deterministic function of the scenario. Every series is a Float64Array
 * over the months from 2024-01 to December of `endYear`, a view on one buffer. The monthly loop
 * calls the stages in order (docs/model.md §3): capacity arrives, the fleet retires, buyers order,
 * accelerators and CPU servers are made, memory is shipped, power admits what it can, tokens are
 * served, prices move and suppliers start new capacity.
 */
export function simulate(scenario: Scenario): Run {
  return simulateRun(scenario, undefined);
}

/**
 * `simulate`, writing the series into a reused buffer (`runBuffer.ts`): the same numbers, but the run is valid
 * only until the next run into the same buffer.
 */
export function simulateInto(scenario: Scenario, into: RunBuffer): Run {
  return simulateRun(scenario, into);
}

function simulateRun(scenario: Scenario, into: RunBuffer | undefined): Run {
  const m = setup(scenario);
  const { n } = m;
  // A fresh buffer owns its series; a reused one is zeroed and written again.
  m.s = (into ?? new RunBuffer()).take(SERIES_IDS, n);
  m.s["supply.n3"].set(m.n3);
  const capacity = makeCapacity(m);
  const fleet = makeFleet(m);
  const orders = makeOrders(m);
  const production = makeProduction(m);
  const memory = makeMemory(m);
  const power = makePower(m);
  const serving = makeServing(m);
  const prices = makePrices(m);
  const ratio = makeRatio(m);
  for (let t = 0; t < n; t++) {
    capacity.arrive(t);
    fleet(t);
    orders(t);
    production(t);
    memory(t);
    power(t);
    const inst = serving(t);
    prices(t, inst);
    ratio(t, inst);
    capacity.start(t);
  }
  const run: Run = { schema: "chokepoint.run/1", months: monthLabels(Math.round(m.p.endYear)), series: m.s, labels: m.labels, metrics: {}, meta: SERIES_META, warnings: m.warnings };
  run.metrics = computeMetrics(run, m.p);
  return run;
}

/** Power of AI CPU work against the GPUs it serves (agent inference and RL), MW per MW. */
function makeRatio(m: ReturnType<typeof setup>) {
  const s = m.s;
  const out = s["power.ratio.cpuToGpu"], sAg = s["tokens.demand.agents"], sChat = s["tokens.demand.chat"], sInf = s["gpu.inference.h100e"];
  const sShare = s["agents.cpuServedShare"], sRl = s["cpu.vcpu.demand.rl"], sAgV = s["cpu.vcpu.demand.agents"];
  return (t: number, inst: number): void => {
    if (inst <= 0) return;
    const kwPerH100e = m.gpuKW / inst;
    const agentShare = sAg[t] / Math.max(sAg[t] + sChat[t], 1e-9);
    const rlGpus = Math.max(0, inst - sInf[t]) * m.rlShare[t];
    const gpuKW = (sInf[t] * agentShare + rlGpus) * kwPerH100e;
    const wattsPerVcpu = (m.p.cpuServerKW * 1000) / m.aiVcpuPerNew[t];
    const cpuKW = ((sAgV[t] + sRl[t]) * sShare[t] * wattsPerVcpu) / 1000;
    // Capped like other ratios, so a month with almost no GPU power in AI work stays finite.
    out[t] = gpuKW > 0 ? Math.min(cpuKW / gpuKW, 50) : 0;
  };
}
