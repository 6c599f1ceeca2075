import type { M } from "../state";
import { TIERS } from "../types";
import { inferenceFleet } from "./split";
import { EPS, RATIO_CAP, pow, seriesOf } from "./util";

const TIER_DEMAND = TIERS.map((k) => `tokens.demand.${k}`), TIER_SERVED = TIERS.map((k) => `tokens.served.${k}`), TIER_THROTTLE = TIERS.map((k) => `throttle.share.${k}`);

/**
 * Serving and throttling (docs/model.md §8): the installed fleet is split between inference and
 * training; token capacity = inference H100e × tokens per H100e-month of the fleet. Demand at the
 * base price, less agent work the CPU fleet cannot host, meets a scarcity price that cuts it by the
 * price elasticity; what capacity still cannot serve is rationed by the throttling policy.
 */
export function makeServing(m: M) {
  const { chatBase, agentBase, trainWanted, rlShare } = m;
  const p = m.p;
  const tiers = [p.enterpriseShare, p.onDemandTokenShare, Math.max(0, 1 - p.enterpriseShare - p.onDemandTokenShare)];
  const tsum = tiers[0] + tiers[1] + tiers[2];
  for (let i = 0; i < 3; i++) tiers[i] = tsum > 0 ? tiers[i] / tsum : 1 / 3;
  const s = m.s;
  const sDem = s["tokens.demand"], sSrv = s["tokens.served"], sCap = s["tokens.capacity"], sSh = s["shortage.tokens"], sThr = s["throttle.share"];
  const sChat = s["tokens.demand.chat"], sAg = s["tokens.demand.agents"], sQ = s["quality.index"], sEdge = s["edge.tokens"];
  const tierDem = seriesOf(s, TIER_DEMAND), tierSrv = seriesOf(s, TIER_SERVED), tierThr = seriesOf(s, TIER_THROTTLE);
  const priority = p.inferencePriority, scarcityElasticity = p.scarcityElasticity, demandElasticity = -p.tokenDemandElasticity;
  const degradeRatio = p.degradeCostRatio, qualityFloor = p.qualityFloor, edgeShare = m.edgeShare, policy = m.policy;
  const sCpuShare = s["agents.cpuServedShare"], sCrowd = s["cpu.gp.crowdedOut"], sCrowdSh = s["cpu.gp.crowdedOutShare"], sGpV = s["cpu.vcpu.demand.gp"];
  const sScar = s["tokens.scarcity"], sInf = s["gpu.inference.h100e"], sBase = s["tokens.demand.base"];
  return (t: number): number => {
    const inst = m.installedAfter;
    const k = m.tokCapPerH100e;
    const infNeed = (chatBase[t] + agentBase[t]) / k;
    const inf = inferenceFleet(inst, infNeed, infNeed + trainWanted[t], priority);
    m.infFleet = inf;
    sInf[t] = inf;
    const cap = inf * k;
    // AI CPU work is hosted first on the AI CPU fleet; agents the fleet cannot host do not run.
    const aiServed = Math.min(m.aiVcpuWanted, m.cpuAiVcpu);
    const cpuShare = m.aiVcpuWanted > 0 ? aiServed / m.aiVcpuWanted : 1;
    m.cpuServedShare = cpuShare;
    sCpuShare[t] = cpuShare;
    const gpServed = Math.min(sGpV[t], m.cpuGpVcpu);
    sCrowd[t] = sGpV[t] - gpServed;
    sCrowdSh[t] = sGpV[t] > 0 ? sCrowd[t] / sGpV[t] : 0;

    const chat = chatBase[t], agents = agentBase[t] * cpuShare;
    const pre = chat + agents;
    const scarcity = pre > cap ? pow(Math.min(pre / Math.max(cap, EPS), RATIO_CAP), scarcityElasticity) : 1;
    sScar[t] = scarcity;
    const cut = scarcity > 1 ? pow(scarcity, demandElasticity) : 1;
    const dem = pre * cut;
    sChat[t] = chat * cut;
    sAg[t] = agents * cut;
    sEdge[t] = (chatBase[t] + agentBase[t]) * (edgeShare[t] / Math.max(1 - edgeShare[t], EPS));
    sDem[t] = dem;
    // Wanted at the base price: chat and every agent token, those the CPU fleet could not host included (§8).
    sBase[t] = chat + agentBase[t];
    sCap[t] = cap;
    sSh[t] = dem <= EPS ? 0 : cap <= EPS ? RATIO_CAP : Math.min(dem / cap, RATIO_CAP);
    let served = 0, q = 1;
    for (let i = 0; i < 3; i++) tierDem[i][t] = dem * tiers[i];
    if (dem <= cap) {
      for (let i = 0; i < 3; i++) tierSrv[i][t] = tierDem[i][t];
      served = dem;
    } else if (policy === "priority") {
      let left = cap;
      for (let i = 0; i < 3; i++) {
        tierSrv[i][t] = Math.min(tierDem[i][t], left);
        left -= tierSrv[i][t];
        served += tierSrv[i][t];
      }
    } else if (policy === "degrade") {
      const r = degradeRatio;
      const x = r < 1 ? Math.min(1, (dem - cap) / (dem * (1 - r))) : 1;
      served = Math.min(dem, x < 1 ? dem : cap / Math.max(r, EPS));
      q = 1 - x * (1 - qualityFloor);
      for (let i = 0; i < 3; i++) tierSrv[i][t] = served * tiers[i];
    } else {
      served = cap;
      for (let i = 0; i < 3; i++) tierSrv[i][t] = tierDem[i][t] * (cap / dem);
    }
    sSrv[t] = served;
    sThr[t] = dem > 0 ? 1 - served / dem : 0;
    for (let i = 0; i < 3; i++) tierThr[i][t] = tierDem[i][t] > 0 ? 1 - tierSrv[i][t] / tierDem[i][t] : 0;
    sQ[t] = q;
    void rlShare;
    return inst;
  };
}
