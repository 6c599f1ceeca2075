import { GPUS, VENDORS } from "../catalog";
import { scratch } from "../scratch";
import type { M } from "../state";
import { EPS, seriesOf } from "./util";

const VENDOR_OF = GPUS.map((g) => VENDORS.ids.indexOf(g.vendor));
/** Units per H100e of each generation. */
const UNITS_PER_H100E = Float64Array.from(GPUS, (g) => 1 / g.h100e);
const TIE = 0.01;
const INSTALLED_IDS = GPUS.map((g) => `gpu.installed.${g.id}`);
const UNITS_IDS = VENDORS.ids.map((v) => `gpu.output.units.${v}`);
const H100E_IDS = VENDORS.ids.map((v) => `gpu.output.h100e.${v}`);
const SHARE_IDS = VENDORS.ids.map((v) => `packaging.share.${v}`);
const SALES_IDS = VENDORS.ids.map((v) => `accelerators.revenue.${v}`);
/** List price of one unit of each generation (USD). */
const LIST_USD = Float64Array.from(GPUS, (g) => g.listPriceUSD);
const NAMES = ["demand", "wafers", "packaging", "hbm"];
/** Binding labels with ties: TIED[k * 16 + mask] names input k and, after "+", each input i whose bit is set in mask. */
const TIED: string[] = Array.from({ length: 64 }, (_, j) => {
  const k = j >> 4, mask = j & 15;
  let all = NAMES[k];
  for (let i = 0; i < 4; i++) if (i !== k && mask & (1 << i)) all += `+${NAMES[i]}`;
  return all;
});

/**
 * Deployment into powered capacity and the binding constraint (docs/model.md §9). This month's new
 * accelerators and CPU servers share the power headroom pro rata; what waited from earlier months
 * takes what is left; the rest waits (inventory). Power limits deployment, not production.
 */
export function makePower(m: M) {
  const { G, n, installed, inventory, mix, retireAt, cpuRetire, cpuRetireKW, capacity } = m;
  const p = m.p;
  const pue = p.pue, POWER = 5;
  const gpuLife = Math.max(1, Math.round(p.gpuUsefulLifeYears * 12));
  const cpuLife = Math.max(1, Math.round(p.cpuUsefulLifeYears * 12));
  const s = m.s;
  const sOut = s["gpu.output.h100e"], sDep = s["gpu.deployed.h100e"], sInv = s["gpu.inventory.h100e"], sDem = s["gpu.demand.h100e"];
  const sBack = s["gpu.backlog.h100e"], sInst = s["gpu.installed.h100e"], sLimPw = s["gpu.limit.power"], sShGpu = s["shortage.gpu"];
  const sDemPow = s["demand.power"], sShPow = s["shortage.power"], sPowGpu = s["power.used.gpu"], sPowCpu = s["power.used.cpu"];
  const sCpuOut = s["cpu.servers.output"], sCpuOutAi = s["cpu.servers.output.ai"], sCpuInst = s["cpu.servers.installed"], sCpuV = s["cpu.vcpu.installed"];
  const sShCpu = s["shortage.cpu"], sCpuDem = s["cpu.servers.demand"], sCpuInv = s["cpu.servers.inventory"], sCpuInstAi = s["cpu.servers.installed.ai"];
  const instGen = seriesOf(s, INSTALLED_IDS);
  const unitsVendor = seriesOf(s, UNITS_IDS);
  const h100eVendor = seriesOf(s, H100E_IDS);
  const pkgVendor = seriesOf(s, SHARE_IDS);
  const salesVendor = seriesOf(s, SALES_IDS);
  const { perKW, aiVcpuPerNew, gpVcpuPerNew } = m;
  /** kW per H100e of each generation. */
  const kwPer = m.kwPerH100e;
  const perServer = 1 / p.acceleratorsPerServer, slack = 1 + p.powerOrderSlack;
  const sAiServers = s["ai.servers.output"], sAllServers = s["cpu.servers.output.all"];
  const perCowosGen = scratch.take(G);
  for (let g = 0; g < G; g++) perCowosGen[g] = 1 / (GPUS[g].packagesPerCowosWafer * Math.max(0.01, p.packagingYield));
  const sDesiredNow = s["gpu.desired.now.h100e"], sPowered = s["gpu.desired.powered.h100e"], sDesired = s["gpu.desired.h100e"];
  const bind = m.labels["gpu.binding"], bindAll = m.labels["gpu.binding.all"];
  const lim = new Float64Array(4);
  return (t: number): void => {
    const x = m.output;
    const usedMW = ((m.gpuKW + m.cpuKW) * pue) / 1000;
    const headroomMW = Math.max(0, capacity[POWER][t] - usedMW);
    const waitingKW = m.inventoryKW, inst = m.installedSum;
    const newGpuMW = (x * perKW[t] * pue) / 1000;
    const aiKW = p.cpuServerKW, gpKW = p.cpuInstalledServerKW;
    const newCpuMW = ((m.yAi * aiKW + m.yGp * gpKW) * pue) / 1000;
    const fPow = newGpuMW + newCpuMW <= headroomMW ? 1 : headroomMW / (newGpuMW + newCpuMW);
    const leftMW = Math.max(0, headroomMW - fPow * (newGpuMW + newCpuMW));
    const waitingMW = ((waitingKW + m.cpuInventoryKW) * pue) / 1000;
    const fInv = waitingMW <= leftMW ? 1 : leftMW / waitingMW;

    // Accelerators: deliver into inventory, install what power allows.
    let deployed = 0, invNow = 0, after = 0;
    let aiServers = 0, gpuKW = m.gpuKW;
    for (let g = 0; g < G; g++) {
      const fresh = mix[t * G + g] * x;
      // Something made or waiting: deliver it, install what power allows.
      if (fresh !== 0 || inventory[g] !== 0) {
        const add = fresh * fPow + inventory[g] * fInv;
        inventory[g] = inventory[g] * (1 - fInv) + fresh * (1 - fPow);
        invNow += inventory[g];
        if (fresh > 0) {
          const v = VENDOR_OF[g], units = fresh * UNITS_PER_H100E[g];
          unitsVendor[v][t] += units;
          h100eVendor[v][t] += fresh;
          pkgVendor[v][t] += units * perCowosGen[g];
          salesVendor[v][t] += units * LIST_USD[g];
          aiServers += units * perServer;
        }
        if (add > 0) {
          deployed += add;
          installed[g] += add;
          gpuKW += add * kwPer[g];
          if (t + gpuLife < n) {
            retireAt[(t + gpuLife) * G + g] += add;
            m.retireTotal[t + gpuLife] += add;
          }
        }
      }
      // The series start at 0: a generation not (or no longer) installed needs no write.
      if (installed[g] !== 0) instGen[g][t] = installed[g];
      after += installed[g];
    }
    m.gpuKW = gpuKW;
    m.installedAfter = after;
    sAiServers[t] = aiServers;
    m.deliveredCum += x;
    m.backlog = Math.max(0, m.backlog - x);
    // CPU servers: the same rule; servers without power wait.
    const aiDep = m.yAi * fPow + m.cpuInvAi * fInv, gpDep = m.yGp * fPow + m.cpuInvGp * fInv;
    m.cpuInvAi = m.cpuInvAi * (1 - fInv) + m.yAi * (1 - fPow);
    m.cpuInvGp = m.cpuInvGp * (1 - fInv) + m.yGp * (1 - fPow);
    m.cpuInventoryKW = m.cpuInvAi * aiKW + m.cpuInvGp * gpKW;
    const aiV = aiDep * aiVcpuPerNew[t], gpV = gpDep * gpVcpuPerNew[t];
    m.cpuAiServers += aiDep;
    m.cpuAiVcpu += aiV;
    m.cpuGpServers += gpDep;
    m.cpuGpVcpu += gpV;
    const kw = aiDep * aiKW + gpDep * gpKW;
    m.cpuKW += kw;
    if (t + cpuLife < n) {
      const r = (t + cpuLife) * 4;
      cpuRetire[r] += aiDep;
      cpuRetire[r + 1] += aiV;
      cpuRetire[r + 2] += gpDep;
      cpuRetire[r + 3] += gpV;
      cpuRetireKW[t + cpuLife] += kw;
    }

    // Binding constraint: power when it held anything back; otherwise the least of what is due and
    // what wafers, packaging and HBM allow (ties within 1% named together).
    lim[0] = m.due;
    lim[1] = m.xWafer;
    lim[2] = m.xPkg;
    lim[3] = m.xHbm;
    let k = 0;
    for (let i = 1; i < 4; i++) if (lim[i] < lim[k]) k = i;
    // Power binds when it held chips back, or when buyers cut orders to the power they expect.
    const orderedForPower = sPowered[t] * slack < sDesired[t] * (1 - TIE) && k === 0;
    const powerBinds = (fPow < 1 - 1e-9 && newGpuMW > EPS) || (fInv < 1 - 1e-9 && waitingMW > EPS) || orderedForPower;
    let ties = 0;
    for (let i = 0; i < 4; i++) if (i !== k && lim[i] <= lim[k] * (1 + TIE)) ties |= 1 << i;
    bind[t] = powerBinds ? "power" : NAMES[k];
    bindAll[t] = powerBinds ? "power" : TIED[k * 16 + ties];

    sOut[t] = x;
    sDep[t] = deployed;
    sInv[t] = invNow;
    sDem[t] = m.due;
    sBack[t] = m.backlog;
    sInst[t] = inst + deployed;
    sLimPw[t] = perKW[t] > 0 ? (headroomMW * 1000) / (perKW[t] * pue) : 0;
    sShGpu[t] = x > EPS ? Math.min(m.due / x, 50) : m.due > EPS ? 50 : 0;
    // Power wanted: the fleet buyers want, at the installed fleet's own kW per H100e (new H100e at the
    // output mix's), plus CPU servers installed, waiting and wanted.
    const fleetKWPer = inst > EPS ? m.gpuKW / inst : perKW[t];
    const wantedFleet = sDesiredNow[t];
    const gpuWantKW = Math.min(wantedFleet, inst) * fleetKWPer + Math.max(0, wantedFleet - inst) * perKW[t];
    const powDem = ((Math.max(gpuWantKW, m.gpuKW + waitingKW) + m.cpuKW + m.cpuInventoryKW + sCpuDem[t] * aiKW) * pue) / 1000;
    sDemPow[t] = powDem;
    m.demandPower = powDem;
    sShPow[t] = capacity[POWER][t] > 0 ? Math.min(powDem / capacity[POWER][t], 50) : 50;
    sPowGpu[t] = (m.gpuKW * pue) / 1000;
    sPowCpu[t] = (m.cpuKW * pue) / 1000;
    sCpuOut[t] = m.yAi + m.yGp;
    sAllServers[t] = m.yAi + m.yGp + sAiServers[t];
    let pkgUsed = 0;
    for (let v = 0; v < pkgVendor.length; v++) pkgUsed += pkgVendor[v][t];
    if (pkgUsed > 0) for (let v = 0; v < pkgVendor.length; v++) pkgVendor[v][t] /= pkgUsed;
    sCpuOutAi[t] = m.yAi;
    sCpuInst[t] = m.cpuAiServers + m.cpuGpServers;
    sCpuInstAi[t] = m.cpuAiServers;
    sCpuV[t] = m.cpuAiVcpu + m.cpuGpVcpu;
    sCpuInv[t] = m.cpuInvAi + m.cpuInvGp;
    const made = m.yAi + m.yGp;
    sShCpu[t] = made > EPS ? Math.min(sCpuDem[t] / made, 50) : sCpuDem[t] > EPS ? 50 : 0;
  };
}
