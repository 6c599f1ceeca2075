import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { simulate, clearsAt, PARAMS, type Run } from "@/lib/model";
import { resolveScenario, PRESETS, presetParams } from "@/lib/scenario/presets";
import { defaultDriver } from "@/lib/model/drivers";
import { inferenceFleet } from "@/lib/model/stages/split";

const baseline = () => presetParams("baseline");
const run = (overrides: Record<string, number> = {}, presetId = "baseline") => simulate(resolveScenario({ presetId, overrides }));

function assertFiniteNonNegative(r: Run, label: string) {
  for (const [id, s] of Object.entries(r.series)) {
    for (let t = 0; t < s.length; t++) {
      if (!Number.isFinite(s[t]) || s[t] < -1e-6) throw new Error(`${label}: ${id}[${r.months[t]}] = ${s[t]}`);
    }
  }
}

// Hundreds of runs per test: the default 5 s timeout is too short on a loaded machine.
describe("model checks over the catalog", { timeout: 120_000 }, () => {
  it("every parameter at min, default and max gives finite, non-negative series", () => {
    for (const p of PARAMS) {
      for (const v of [p.min, p.default, p.max]) assertFiniteNonNegative(run({ [p.id]: v }), `${p.id}=${v}`);
    }
  });

  it("every preset under every policy gives finite, non-negative series", () => {
    for (const preset of PRESETS) {
      for (const policy of ["proportional", "priority", "degrade"] as const) {
        assertFiniteNonNegative(simulate(resolveScenario({ presetId: preset.id, overrides: {}, policy })), `${preset.id}/${policy}`);
      }
    }
  });

  it("allocation never exceeds supply", () => {
    for (const preset of PRESETS) {
      const r = run({}, preset.id);
      const s = r.series;
      for (let t = 0; t < r.months.length; t++) {
        const wafer = s["wafer.share.ai"][t] + s["wafer.share.cpu"][t] + s["wafer.share.consumer"][t];
        expect(wafer).toBeLessThanOrEqual(1 + 1e-9);
        expect(s["tokens.served"][t]).toBeLessThanOrEqual(s["tokens.demand"][t] * (1 + 1e-9));
        expect(s["hbm.share.dramWafers"][t]).toBeLessThanOrEqual(1 + 1e-9);
        expect(s["gpu.output.h100e"][t]).toBeLessThanOrEqual(s["gpu.limit.packaging"][t] * (1 + 1e-9));
        expect(s["gpu.output.h100e"][t]).toBeLessThanOrEqual(s["gpu.limit.hbm"][t] * (1 + 1e-9));
        expect(s["power.used.gpu"][t] + s["power.used.cpu"][t]).toBeLessThanOrEqual(s["supply.power"][t] * (1 + 1e-6) + 1e-6);
      }
    }
  });

  it("the same scenario gives the same run", () => {
    const a = run({ agentGrowthPerYear: 30 });
    const b = run({ agentGrowthPerYear: 30 });
    expect(a.metrics).toEqual(b.metrics);
    for (const id of Object.keys(a.series)) expect(Array.from(a.series[id])).toEqual(Array.from(b.series[id]));
  });

  it("runs from 2024-01 through December of endYear", () => {
    const r = run({ endYear: 2030 });
    expect(r.months[0]).toBe("2024-01");
    expect(r.months.at(-1)).toBe("2030-12");
    expect(r.series["gpu.output.h100e"].length).toBe(84);
  });
});

/** Month index of clearing: the month, or beyond the horizon (a large number); no shortage = -1. */
function clearIndex(r: Run, id: string): number {
  const m = r.metrics[`clearsAt.${id}`];
  const status = r.metrics[`shortageStatus.${id}`];
  if (status === "none") return -1;
  return typeof m === "string" ? r.months.indexOf(m) : 10_000;
}

describe("clearing dates", () => {
  const months = Array.from({ length: 24 }, (_, t) => `20${24 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);
  const series = (short: number[]) => Float64Array.from(months, (_, t) => (short.includes(t) ? 1.5 : 0.9));
  it("a shortage clears after its last short spell, counting spells", () => {
    expect(clearsAt(series([0, 1, 2, 8, 9]), months)).toEqual({ month: "2024-11", status: "clears", firstShort: "2024-01", episodes: 2 });
  });
  it("no short month is 'none'; a spell running into the last months is 'beyond'", () => {
    expect(clearsAt(series([]), months)).toEqual({ month: null, status: "none", firstShort: null, episodes: 0 });
    expect(clearsAt(series([3, 20]), months).status).toBe("beyond");
  });
  it("ratios within 2% of balance do not count as short", () => {
    expect(clearsAt(Float64Array.from(months, () => 1.019), months).status).toBe("none");
  });
});

describe("properties (fast-check)", { timeout: 120_000 }, () => {
  const scale = fc.double({ min: 0.5, max: 2, noNaN: true });
  // Known model gap (docs/model.md §18): more packaging can make the accelerator shortage clear a month later
  // (models 0.2.7 and 0.2.8: packagingCapacityScale 0.62 → 0.64 and 0.66 → 0.68 move it from 2028-12 to 2029-01). Checked on
  // a grid of steps of 0.02 over 0.5–2, which finds such steps where 60 random pairs did not. `it.fails` keeps it
  // visible; red once it holds. Every property runs with a fixed seed or grid, so a run is the same on every machine.
  it("more packaging capacity never makes the GPU shortage clear later", () => {
    const rises: string[] = [];
    let prev = clearIndex(run({ packagingCapacityScale: 0.5 }), "gpu");
    for (let k = 1; k <= 75; k++) {
      const s = Number((0.5 + 0.02 * k).toFixed(2));
      const c = clearIndex(run({ packagingCapacityScale: s }), "gpu");
      if (c > prev) rises.push(`${(s - 0.02).toFixed(2)} → ${s}: month ${prev} → ${c}`);
      prev = c;
    }
    expect(rises).toEqual([]);
  });
  it("more wafer capacity never makes the GPU shortage clear later", () => {
    fc.assert(
      fc.property(scale, fc.double({ min: 0, max: 0.5, noNaN: true }), (s, extra) => {
        const lo = clearIndex(run({ waferCapacityScale: s }), "gpu");
        const hi = clearIndex(run({ waferCapacityScale: Math.min(2, s + extra) }), "gpu");
        return hi <= lo;
      }),
      { numRuns: 60, seed: 12 },
    );
  });
  it("higher agent growth never makes the GPU shortage clear sooner", () => {
    fc.assert(
      fc.property(fc.double({ min: 1.2, max: 60, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (g, extra) => {
        const slow = clearIndex(run({ agentGrowthPerYear: g }), "gpu");
        const fast = clearIndex(run({ agentGrowthPerYear: Math.min(60, g + extra) }), "gpu");
        return fast >= slow;
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});

describe("economics the structure must show", () => {
  it("cutting packaging capacity raises the packaging price peak", () => {
    const base = run();
    const cut = run({ packagingCapacityScale: 0.6 });
    const peak = (r: Run) => (r.metrics["peakPrice.packaging"] as { value: number }).value;
    expect(peak(cut)).toBeGreaterThan(peak(base));
  });
  it("in a shortage, consumers lose leading-edge wafer share to datacenters", () => {
    const r = run();
    expect(r.metrics["consumerWaferShareLost"] as number).toBeGreaterThan(0);
  });
  it("priority throttling protects enterprise tokens more than consumer tokens", () => {
    const r = simulate(resolveScenario({ presetId: "chronic", overrides: {}, policy: "priority" }));
    const t = r.series["throttle.share"].findIndex((v) => v > 0.05);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(r.series["throttle.share.enterprise"][t]).toBeLessThan(r.series["throttle.share.consumer"][t]);
  });
  it("degrade serves more tokens than proportional rationing, at lower quality", () => {
    const prop = simulate(resolveScenario({ presetId: "chronic", overrides: {}, policy: "proportional" }));
    const deg = simulate(resolveScenario({ presetId: "chronic", overrides: {}, policy: "degrade" }));
    const t = prop.series["throttle.share"].findIndex((v) => v > 0.05);
    expect(deg.series["tokens.served"][t]).toBeGreaterThan(prop.series["tokens.served"][t]);
    expect(deg.series["quality.index"][t]).toBeLessThan(1);
  });
  it("baseline defaults are the catalog defaults", () => {
    const p = baseline();
    for (const spec of PARAMS) expect(p[spec.id]).toBe(spec.default);
  });
});

describe("a short fleet's split between inference and training (docs/model.md §8)", () => {
  const needs = fc.record({
    inf: fc.double({ min: 1, max: 1e9, noNaN: true }),
    train: fc.double({ min: 1, max: 1e9, noNaN: true }),
    short: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    priority: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  it("uses every installed accelerator while either use is short, giving neither more than it needs", () => {
    fc.assert(
      fc.property(needs, ({ inf, train, short, priority }) => {
        const desired = inf + train, installed = desired * (1 - short);
        const i = inferenceFleet(installed, inf, desired, priority), tr = installed - i;
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThanOrEqual(inf * (1 + 1e-12));
        // What inference does not take, training needs: nothing stands idle.
        expect(tr).toBeLessThanOrEqual(train + 1e-13 * installed);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
  it("is continuous as the fleet reaches what is wanted, at any priority", () => {
    for (const priority of [0, 0.1, 0.3, 0.5, 0.6, 0.9, 1]) {
      const at = inferenceFleet(100, 40, 100, priority), below = inferenceFleet(100 - 1e-6, 40, 100, priority);
      expect(Math.abs(at - below), `priority ${priority}`).toBeLessThan(1e-5);
    }
  });
  it("at a priority of 0.5 shares the deficit in proportion to need; 1 serves inference first, 0 training first", () => {
    expect(inferenceFleet(80, 40, 100, 0.5)).toBeCloseTo(32, 9);
    expect(inferenceFleet(80, 40, 100, 1)).toBe(40);
    expect(inferenceFleet(80, 40, 100, 0)).toBeCloseTo(20, 9);
    // Higher priority never gives inference less.
    let prev = -1;
    for (let k = 0; k <= 20; k++) {
      const v = inferenceFleet(80, 40, 100, k / 20);
      expect(v).toBeGreaterThanOrEqual(prev - 1e-12);
      prev = v;
    }
  });
});

describe("unserved tokens count agent work a CPU famine stops (docs/model.md §8)", () => {
  it("tokens wanted at the base price hold every agent token, hosted or not, and unserved tokens are counted against them", () => {
    // No AI CPU servers at the start and verifier-heavy RL: agents wait for sandboxes.
    const r = run({ aiCpuServersStartM: 0, rlVcpuPerGpuHourStart: 5 }, "cpu-famine");
    const s = r.series;
    let blocked = 0, unserved = 0;
    for (let t = 0; t < r.months.length; t++) {
      // Chat and the agents the CPU fleet hosts, after any scarcity premium: at most what was wanted at the base price.
      const hosted = s["tokens.demand.chat"][t] + s["tokens.demand.agents"][t];
      expect(s["tokens.demand.base"][t]).toBeGreaterThanOrEqual(hosted * (1 - 1e-12));
      if (s["agents.cpuServedShare"][t] < 0.99) {
        blocked++;
        // Agents that did not run for lack of CPU are still wanted.
        expect(s["tokens.demand.base"][t], r.months[t]).toBeGreaterThan(hosted * (1 + 1e-9));
      }
      unserved += Math.max(0, s["tokens.demand.base"][t] - s["tokens.served"][t]);
    }
    expect(blocked, "the scenario has months in which agents lack CPU").toBeGreaterThan(0);
    expect(Math.abs((r.metrics["cumulativeUnservedTokens"] as number) - unserved)).toBeLessThanOrEqual(1e-9 * unserved);
  });
});

describe("the first months continue the end-2023 state", () => {
  const r = run();
  const at = (id: string, month: string) => r.series[id][r.months.indexOf(month)];

  it("general-purpose server orders, DRAM and NAND demand move no more from 2024-01 to 2024-02 than in the next months", () => {
    for (const id of ["cpu.servers.demand", "demand.dram", "demand.nand"]) {
      // The move from month t to t + 1 (t = 0 is 2024-01).
      const move = (t: number) => Math.abs(r.series[id][t + 1] / r.series[id][t] - 1);
      expect(move(0), id).toBeLessThanOrEqual(Math.max(0.03, 2 * Math.max(move(1), move(2), move(3))));
    }
  });

  it("RL verifiers' CPU per GPU-hour holds its start value until verifier-heavy RL began (2024-09), then reaches its end value at its ramp end", () => {
    const p = baseline();
    const path = defaultDriver("rlVcpuPerGpuHour", p, new Float64Array(r.months.length));
    const sep = r.months.indexOf("2024-09"), end = Math.round(p.verifierRampEndMonths);
    for (let t = 0; t <= sep; t++) expect(path[t], r.months[t]).toBe(p.rlVcpuPerGpuHourStart);
    expect(path[sep + 1]).toBeGreaterThan(p.rlVcpuPerGpuHourStart);
    expect(path[end]).toBe(p.rlVcpuPerGpuHourEnd);
    expect(path[end - 1]).toBeLessThan(p.rlVcpuPerGpuHourEnd);
    // So the CPU:GPU power ratio stays under 1 MW per 100 MW before agents and reasoning models, not for one month.
    for (const m of ["2024-01", "2024-04", "2024-08"]) expect(at("power.ratio.cpuToGpu", m), m).toBeLessThan(0.01);
  });
});
