import type { M } from "../state";

/**
 * Orders and the backlog (docs/model.md §5). Buyers order for the fleet they forecast needing one
 * lead time ahead, net of what is installed, waiting for power or already on order, plus what
 * retires meanwhile; power-aware: they do not order more than the power they expect can run.
 * Orders join the backlog; a 1/L share of it falls due each month (a first-order delay of mean L months);
 * output then serves what is due.
 */
export function makeOrders(m: M) {
  const { n, retireTotal, orders, chatBase, agentBase, trainWanted, planned, capacity, inducedArrivals, perKW } = m;
  const L = Math.max(1, Math.round(m.p.gpuLeadMonths));
  const pue = m.p.pue, slack = 1 + m.p.powerOrderSlack;
  const sOrders = m.s["gpu.orders.h100e"], sDesired = m.s["gpu.desired.h100e"];
  const sDesTrain = m.s["gpu.desired.training.h100e"], sDesInf = m.s["gpu.desired.inference.h100e"];
  const sPowered = m.s["gpu.desired.powered.h100e"], sDesNow = m.s["gpu.desired.now.h100e"];
  const POWER = 5;
  return (t: number): void => {
    const tf = Math.min(t + L, n - 1);
    const k = m.tokCapPerH100e;
    const infNow = (chatBase[t] + agentBase[t]) / k;
    sDesInf[t] = infNow;
    sDesTrain[t] = trainWanted[t];
    sDesNow[t] = infNow + trainWanted[t];
    const wanted = (chatBase[tf] + agentBase[tf]) / k + trainWanted[tf];
    sDesired[t] = wanted;
    const inst = m.installedSum, inv = m.inventorySum, invKW = m.inventoryKW;
    let retiring = 0;
    for (let u = t + 1; u <= tf; u++) retiring += retireTotal[u];
    // Power expected at delivery: the plan, induced capacity built, and what is due to arrive by then.
    let arriving = 0;
    for (let u = t + 1; u <= tf; u++) arriving += inducedArrivals[POWER][u];
    const expectedMW = planned[POWER][tf] + (capacity[POWER][t] - planned[POWER][t]) + arriving;
    const spareKW = (expectedMW * 1000) / pue - m.gpuKW - invKW - m.cpuKW - m.cpuInventoryKW;
    const powered = inst + Math.max(0, spareKW) / Math.max(perKW[tf], 1e-6);
    const target = Math.min(wanted, powered * slack);
    sPowered[t] = powered;
    const o = Math.max(0, target + retiring - (inst + inv + m.backlog));
    orders[t] = o;
    sOrders[t] = o;
    m.backlog += o;
    // Delivery follows a lead time as a first-order delay: a 1/L share of the backlog falls due each month.
    m.due = m.backlog / L;
  };
}
