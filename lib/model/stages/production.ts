import type { M } from "../state";
import { allocate, EPS, pow } from "./util";
import { inferenceFleet } from "./split";

/**
 * Accelerator production and leading-edge wafers (docs/model.md §6): output is the least of what is
 * due, what packaging allows, what HBM stacking allows (after the HBM made for accelerators outside the counted
 * vendors) and what the wafers allocated to AI allow.
 * CPU servers wanted this month (AI CPU fleets for agents and RL; general purpose) request wafers
 * alongside; consumers keep a contract floor of their price-elastic demand.
 */
export function makeProduction(m: M) {
  const { perWafer, perCowos, perHbmWafer, capacity, consumerWaferRef, gpVcpuWanted, gpVcpuPerNew, aiVcpuPerNew, rlShare, rlVcpuPerGpuHour, agentBase, trainWanted, chatBase } = m;
  const p = m.p;
  const alloc = new Float64Array(3);
  const WAFER = 0, PKG = 1, HBM = 2, DRAM = 3;
  const hbmYield = Math.max(0.05, p.hbmStackYield);
  const s = m.s;
  const sLimW = s["gpu.limit.wafers"], sLimP = s["gpu.limit.packaging"], sLimH = s["gpu.limit.hbm"];
  const sAgentV = s["cpu.vcpu.demand.agents"], sRlV = s["cpu.vcpu.demand.rl"], sGpV = s["cpu.vcpu.demand.gp"];
  const sConsDem = s["consumer.demand.wafer"], sConsSrv = s["consumer.served.wafer"];
  const sWsAi = s["wafer.share.ai"], sWsCpu = s["wafer.share.cpu"], sWsCons = s["wafer.share.consumer"], sWsAiN3 = s["wafer.share.ai.n3"];
  const sWaferIdle = s["wafer.idle"], sCpuDem = s["cpu.servers.demand"], sDemW = s["demand.wafer"], sDemP = s["demand.packaging"], sDemH = s["demand.hbm"];
  const sShW = s["shortage.wafer"], sShP = s["shortage.packaging"], sShH = s["shortage.hbm"], sSupHbm = s["supply.hbm"];
  const n3 = m.s["supply.n3"];
  const keepEdge = m.edgeShare, perN3Wafer = m.perN3Wafer, perHbmGB = m.perHbmGB, hbmOutsideGB = m.hbmOutsideGB, hbmOutsideWafers = m.hbmOutsideWafers;
  const priority = p.inferencePriority, gpElasticity = -p.gpServerPriceElasticity, consElasticity = -p.consumerElasticity;
  const cpw = p.cpuServersPerWafer, floorShare = p.consumerContractFloor, tokensPerAgentHour = m.tokensPerAgentHour, vcpuAgentHour = m.vcpuAgentHour;
  return (t: number): void => {
    const kW = capacity[WAFER][t], kP = capacity[PKG][t], kH = capacity[HBM][t], kD = capacity[DRAM][t];
    const due = m.due;
    m.xPkg = kP / perCowos[t];
    const stackWafers = Math.min(kH, kD);
    // HBM for accelerators outside the counted vendors is made first, as far as stacking allows.
    const outWanted = hbmOutsideWafers[t];
    const outWafers = Math.min(outWanted, stackWafers);
    m.hbmOutsideShipped = outWanted > 0 ? hbmOutsideGB[t] * (outWafers / outWanted) : 0;
    m.xHbm = ((stackWafers - outWafers) * hbmYield) / perHbmWafer[t];
    const xPre = Math.min(due, m.xPkg, m.xHbm);
    m.xPre = xPre;

    // CPU servers wanted: AI CPU work (agent sandboxes, RL verifiers) and general purpose.
    const inst = m.installedSum;
    const infNeed = (chatBase[t] + agentBase[t]) / m.tokCapPerH100e;
    const inf = inferenceFleet(inst, infNeed, infNeed + trainWanted[t], priority);
    const rlGpus = Math.max(0, inst - inf) * rlShare[t];
    const rlV = rlGpus * rlVcpuPerGpuHour[t];
    const agentHours = agentBase[t] / (tokensPerAgentHour * Math.max(1 - keepEdge[t], EPS));
    const agentV = (agentHours * vcpuAgentHour) / 730;
    m.aiVcpuWanted = agentV + rlV;
    sAgentV[t] = agentV;
    sRlV[t] = rlV;
    const gpW = gpVcpuWanted[t];
    sGpV[t] = gpW;
    const dAi = Math.max(0, m.aiVcpuWanted - m.cpuAiVcpu - m.cpuInvAi * aiVcpuPerNew[t]) / aiVcpuPerNew[t];
    // General-purpose buyers delay purchases when servers cost more (memory prices pass into server cost).
    const dGp = (Math.max(0, gpW - m.cpuGpVcpu - m.cpuInvGp * gpVcpuPerNew[t]) / gpVcpuPerNew[t]) * pow(m.serverCostIndex, gpElasticity);
    sCpuDem[t] = dAi + dGp;

    // Leading-edge wafers: datacenter requests first (pro rata), consumers keep a contract floor.
    const consW = consumerWaferRef[t] * pow(m.priceWafer, consElasticity);
    const aiReq = xPre * perWafer[t];
    const cpuReq = (dAi + dGp) / cpw;
    const dcPool = allocate(kW, consW, floorShare, aiReq, cpuReq, alloc);
    const x = perWafer[t] > 0 ? Math.min(xPre, alloc[1] / perWafer[t]) : xPre;
    m.output = x;
    // What the wafers allow under the allocation's pro-rata rule: the AI share when the requests were cut (then it
    // is the larger, and output equals it), else what the consumer floor and CPUs leave (then that is the larger).
    m.xWafer = perWafer[t] > 0 ? Math.max(alloc[1], dcPool - cpuReq) / perWafer[t] : Infinity;
    const cpuServersAllowed = alloc[2] * cpw;
    const fCpu = dAi + dGp > 0 ? Math.min(1, cpuServersAllowed / (dAi + dGp)) : 1;
    m.yAiPre = dAi * fCpu;
    m.yGpPre = dGp * fCpu;
    m.hbmWafers = (x * perHbmWafer[t]) / hbmYield + outWafers;

    sLimW[t] = Number.isFinite(m.xWafer) ? m.xWafer : 0;
    sLimP[t] = m.xPkg;
    sLimH[t] = m.xHbm;
    const aiUsed = x * perWafer[t];
    const cpuUsed = (m.yAiPre + m.yGpPre) / cpw;
    sWsAi[t] = kW > 0 ? aiUsed / kW : 0;
    sWsCpu[t] = kW > 0 ? cpuUsed / kW : 0;
    sWsCons[t] = kW > 0 ? alloc[0] / kW : 0;
    sWaferIdle[t] = Math.max(0, kW - aiUsed - cpuUsed - alloc[0]);
    sWsAiN3[t] = n3[t] > 0 ? Math.min(1, (x * perN3Wafer[t]) / n3[t]) : 0;
    sConsDem[t] = consW;
    sConsSrv[t] = consW > 0 ? alloc[0] / consW : 1;
    // Demand and shortage ratios of the inputs, for what buyers want delivered this month.
    const wDem = due * perWafer[t] + cpuReq + consW;
    sDemW[t] = wDem;
    m.demandWafer = wDem;
    sShW[t] = kW > 0 ? Math.min(wDem / kW, 50) : 50;
    sDemP[t] = due * perCowos[t];
    sShP[t] = kP > 0 ? Math.min((due * perCowos[t]) / kP, 50) : 50;
    const hbmGBWanted = due * perHbmGB[t];
    const hbmGBCap = m.xHbm * perHbmGB[t];
    sDemH[t] = hbmGBWanted;
    sSupHbm[t] = hbmGBCap;
    sShH[t] = hbmGBCap > 0 ? Math.min(hbmGBWanted / hbmGBCap, 50) : hbmGBWanted > 0 ? 50 : 0;
  };
}
