import { GPUS, VENDORS } from "./catalog";
import type { SeriesMeta } from "./types";

const INPUT_UNITS: Record<string, [string, string]> = {
  wafer: ["Leading-edge wafers", "wafers / month"],
  packaging: ["Advanced packaging", "CoWoS wafers / month"],
  hbm: ["HBM", "GB / month"],
  dram: ["DDR DRAM", "GB / month"],
  nand: ["NAND / SSD", "TB / month"],
  power: ["Datacenter power", "MW"],
};

/** Label and unit of every series the model writes; the run-format contract in docs/model.md. */
export const SERIES_META: Record<string, SeriesMeta> = (() => {
  const m: Record<string, SeriesMeta> = {};
  const add = (id: string, label: string, unit: string) => (m[id] = { label, unit });
  for (const [r, [label, unit]] of Object.entries(INPUT_UNITS)) {
    add(`demand.${r}`, `${label}: demand`, unit);
    add(`shortage.${r}`, `${label}: shortage ratio (demand / supply)`, "ratio");
    if (r !== "power") add(`price.${r}`, `${label}: price index`, "index, 2024-01 = 1");
  }
  add("supply.wafer", "Leading-edge wafers: capacity", "wafers / month");
  add("supply.packaging", "Advanced packaging: capacity", "CoWoS wafers / month");
  add("supply.hbm", "HBM: capacity", "GB / month");
  add("supply.dram", "DDR DRAM: supply after HBM", "GB / month");
  add("supply.dramWafers", "DRAM wafer capacity", "wafer starts / month");
  add("supply.nand", "NAND / SSD: capacity", "TB / month");
  add("supply.power", "Datacenter power: capacity", "MW");
  for (const r of ["wafer", "packaging", "dram", "nand", "power"]) add(`supply.induced.${r}`, `Induced capacity: ${r}`, INPUT_UNITS[r === "dram" ? "nand" : r][1]);
  m["supply.induced.dram"] = { label: "Induced capacity: DRAM", unit: "wafer starts / month" };
  add("supply.induced.hbm", "Induced capacity: HBM stacking", "DRAM wafer starts / month");
  add("supply.hbmStack", "HBM stacking (TSV) capacity", "DRAM wafer starts / month");
  add("supply.n3", "N3-class wafer capacity", "wafers / month");
  add("shortage.gpuHours", "GPU-hours: wanted / installed", "ratio");
  add("gpu.orders.h100e", "Accelerator orders placed", "H100e / month");
  add("gpu.backlog.h100e", "Accelerator order backlog", "H100e");
  add("gpu.inference.h100e", "Installed accelerators serving tokens", "H100e");
  add("gpu.desired.now.h100e", "Fleet wanted this month", "H100e");
  add("gpu.desired.powered.h100e", "Fleet that expected power can run", "H100e");
  add("gpu.cost.perH100e", "Price of an H100e of new accelerators, inputs passed through", "USD / H100e");
  for (const v of VENDORS.ids) {
    add(`gpu.output.units.${v}`, `Accelerators shipped: ${VENDORS.labels[v]}`, "units / month");
    add(`gpu.output.h100e.${v}`, `Accelerator output: ${VENDORS.labels[v]}`, "H100e / month");
    add(`packaging.share.${v}`, `Share of packaging used: ${VENDORS.labels[v]}`, "share");
    add(`accelerators.revenue.${v}`, `Accelerator sales at list price, inputs passed through: ${VENDORS.labels[v]}`, "USD / month");
  }
  add("revenue.nvidia.dc", "Nvidia data-centre revenue (accelerators and networking)", "USD / month");
  add("revenue.amd.dcgpu", "AMD data-centre GPU revenue", "USD / month");
  add("ai.servers.output", "Accelerated (AI) servers shipped", "servers / month");
  add("cpu.servers.output.all", "All servers shipped (general purpose, AI CPU and accelerated)", "servers / month");
  add("hbm.share.dramBits", "HBM share of DRAM bits made", "share");
  add("rent.spot.perH100e", "Spot rent of an H100e-hour", "USD / H100e-hour");
  add("rent.perH100e", "Rent of an H100e-hour (contract and spot blend)", "USD / H100e-hour");
  add("tokens.scarcity", "Token scarcity premium", "× base price");
  add("token.price.chat", "Chat token price (blend)", "USD / million tokens");
  add("token.revenue", "Token revenue", "USD / month");
  add("cpu.servers.installed.ai", "Installed AI CPU servers (agents, RL)", "servers");
  add("cpu.servers.inventory", "CPU servers waiting for power", "servers");
  add("wafer.idle", "Leading-edge wafers not used", "wafers / month");
  add("hbm.shipped.GB", "HBM shipped (counted accelerators and those outside them)", "GB / month");
  add("hbm.outside.GB", "HBM for accelerators outside the counted vendors", "GB / month");
  add("hbm.lost.wafers", "DRAM wafers lost in failed HBM stacks", "wafer starts / month");
  add("dram.inventory.weeks", "DRAM makers' inventory", "weeks of demand");
  add("nand.inventory.weeks", "NAND makers' inventory", "weeks of demand");
  add("dram.shipped", "DDR shipped", "GB / month");
  add("dram.inventory.GB", "DRAM makers' inventory", "GB");
  add("nand.inventory.TB", "NAND makers' inventory", "TB");
  add("dram.buyers.GB", "DRAM held by datacenter buyers beyond their use", "GB");
  add("nand.buyers.TB", "NAND held by datacenter buyers beyond their use", "TB");
  add("nand.shipped", "NAND shipped", "TB / month");
  add("shortage.gpu", "Accelerators: shortage ratio (wanted / delivered)", "ratio");
  add("shortage.cpu", "CPU servers: shortage ratio (wanted / delivered)", "ratio");
  add("shortage.tokens", "Tokens: shortage ratio (demand / capacity)", "ratio");
  add("gpu.output.h100e", "Accelerator output", "H100e / month");
  add("gpu.deployed.h100e", "Accelerators installed (power permitting)", "H100e / month");
  add("gpu.inventory.h100e", "Accelerators delivered, waiting for power", "H100e");
  add("gpu.demand.h100e", "Accelerators wanted", "H100e / month");
  add("gpu.installed.h100e", "Installed accelerators", "H100e");
  add("gpu.desired.h100e", "Fleet wanted one lead time ahead (what orders aim at)", "H100e");
  add("gpu.desired.training.h100e", "Training compute wanted", "H100e");
  add("gpu.desired.inference.h100e", "Inference compute wanted", "H100e");
  add("gpu.limit.wafers", "Output allowed by wafers", "H100e / month");
  add("gpu.limit.packaging", "Output allowed by packaging", "H100e / month");
  add("gpu.limit.hbm", "Output allowed by HBM", "H100e / month");
  add("gpu.limit.power", "Output allowed by power", "H100e / month");
  for (const g of GPUS) {
    add(`gpu.installed.${g.id}`, `Installed ${g.label}`, "H100e");
    add(`revenuePerGpuHour.${g.id}`, `Revenue per ${g.label}-hour`, "USD / GPU-hour");
    add(`rent.${g.id}`, `Rental price, ${g.label}`, "USD / GPU-hour");
  }
  add("tokens.demand", "Tokens demanded (datacenter)", "tokens / month");
  add("tokens.served", "Tokens served", "tokens / month");
  add("tokens.demand.base", "Tokens wanted at the base price (before scarcity premiums)", "tokens / month");
  add("tokens.capacity", "Token capacity", "tokens / month");
  add("tokens.demand.chat", "Chat & API tokens (before edge offload)", "tokens / month");
  add("tokens.demand.agents", "Agent tokens (before edge offload)", "tokens / month");
  for (const [k, l] of [["enterprise", "enterprise"], ["onDemand", "on-demand API"], ["consumer", "consumer / free"]]) {
    add(`tokens.demand.${k}`, `Tokens demanded: ${l}`, "tokens / month");
    add(`tokens.served.${k}`, `Tokens served: ${l}`, "tokens / month");
    add(`throttle.share.${k}`, `Share unserved: ${l}`, "share");
  }
  add("throttle.share", "Share of tokens unserved", "share");
  add("quality.index", "Quality of served tokens", "index, full model = 1");
  add("token.price", "Agent (frontier) token price", "USD / million tokens");
  add("agents.hours", "Agent-hours", "agent-hours / month");
  add("agents.costPerHour", "Cost of an agent-hour at token prices", "USD / agent-hour");
  add("agents.spend", "Spend on agent tokens", "USD / month");
  add("agents.heavyUserSpendPerDay", "Token spend of a heavy agent user", "USD / day");
  add("agents.cpuServedShare", "Share of AI CPU work served", "share");
  add("edge.tokens", "Tokens served on local devices", "tokens / month");
  add("serving.softwareMultiplier", "Software efficiency of the installed fleet", "× each generation at launch or 2024-01");
  add("cpu.servers.output", "CPU server output", "servers / month");
  add("cpu.servers.output.ai", "CPU server output for agents and RL", "servers / month");
  add("cpu.servers.demand", "CPU servers wanted", "servers / month");
  add("cpu.servers.installed", "Installed CPU servers", "servers");
  add("cpu.vcpu.installed", "Installed vCPUs", "vCPU");
  add("cpu.vcpu.demand.gp", "vCPUs wanted: general purpose", "vCPU");
  add("cpu.vcpu.demand.agents", "vCPUs wanted: agent sandboxes", "vCPU");
  add("cpu.vcpu.demand.rl", "vCPUs wanted: RL verifiers", "vCPU");
  add("cpu.gp.crowdedOut", "General-purpose vCPUs crowded out", "vCPU");
  add("cpu.gp.crowdedOutShare", "General-purpose CPU crowded out", "share of its demand");
  add("wafer.share.ai", "Leading-edge wafers: AI accelerators", "share of capacity");
  add("wafer.share.cpu", "Leading-edge wafers: server CPUs", "share of capacity");
  add("wafer.share.consumer", "Leading-edge wafers: consumer devices", "share of capacity");
  add("wafer.share.ai.n3", "N3-class wafers: AI accelerators", "share of N3 capacity");
  add("consumer.demand.wafer", "Consumer leading-edge wafer demand at current prices", "wafers / month");
  add("consumer.served.wafer", "Consumer wafer demand served", "share");
  add("consumer.served.dram", "Consumer DRAM demand served", "share");
  add("consumer.served.nand", "Consumer NAND demand served", "share");
  add("hbm.share.dramWafers", "HBM share of DRAM wafers", "share");
  add("power.ratio.cpuToGpu", "CPU:GPU power in AI work (agents + RL)", "MW CPU / MW GPU");
  add("power.used.gpu", "Power drawn by accelerators", "MW");
  add("power.used.cpu", "Power drawn by CPU servers", "MW");
  add("gpu.binding", "Binding constraint on accelerator output", "category");
  return m;
})();
