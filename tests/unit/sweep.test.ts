import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveScenario } from "@/lib/scenario/presets";
import { mergeProblem, mergeSweeps, runSweep, shardRange, sweepResult, type SampleRecord, type SweepResult, type SweepSpec } from "@/lib/scenario/sweep";

/** Canonical serialisation: keys sorted at every level. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

const base = resolveScenario({ presetId: "baseline", overrides: {} });
const mc: SweepSpec = { preset: "baseline", policy: base.policy, set: {}, mode: "montecarlo", n: 13, seed: 11, fixed: [], grid: [] };

function run(spec: SweepSpec, index: number, count: number, samples?: SampleRecord[]): SweepResult {
  const shard = { index, count, ...shardRange(spec.n, index, count) };
  return sweepResult(runSweep(spec, base, [], shard, { onSample: samples ? (r) => samples.push(r) : undefined }));
}

describe("sweeps in the library", { timeout: 180_000 }, () => {
  const whole = run(mc, 0, 1);

  it("shards merge to exactly the unsharded result (canonical serialisation), in any file order", () => {
    const shards = [0, 1, 2].map((i) => JSON.parse(JSON.stringify(run(mc, i, 3))) as SweepResult);
    expect(shards.map((s) => s.runs)).toEqual([4, 4, 5]);
    const merged = mergeSweeps([shards[2], shards[0], shards[1]]);
    expect(canonical(merged)).toBe(canonical(whole));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  });

  it("a fixed seed repeats bit for bit, another seed does not", () => {
    expect(JSON.stringify(run(mc, 0, 1))).toBe(JSON.stringify(whole));
    expect(JSON.stringify(run({ ...mc, seed: 12 }, 0, 1).series["price.dram"])).not.toBe(JSON.stringify(whole.series["price.dram"]));
  });

  it("reports quantiles of every charted series and the headline metrics, ordered p5 ≤ … ≤ p95", () => {
    expect(whole.runs).toBe(13);
    for (const id of ["shortage.tokens", "price.dram", "throttle.share", "gpu.output.h100e"]) {
      const q = whole.series[id];
      for (let t = 0; t < whole.months.length; t++) expect(q.p5[t] <= q.p10[t] && q.p10[t] <= q.p50[t] && q.p50[t] <= q.p90[t] && q.p90[t] <= q.p95[t]).toBe(true);
    }
    expect(whole.metrics["clearsAt.tokens"].unit).toBe("month");
    expect(whole.metrics["peakPrice.dram"].draws).toBe(13);
  });

  it("refuses shard sets that do not make a whole sweep, naming the reason", () => {
    const s0 = run(mc, 0, 2), s1 = run(mc, 1, 2);
    expect(mergeProblem([s0])).toBe("missing shard 1/2");
    expect(mergeProblem([s0, s0])).toBe("a shard appears more than once");
    expect(mergeProblem([s0, { ...s1, spec: { ...s1.spec, seed: 99 } }])).toMatch(/different sweeps/);
    expect(mergeProblem([s0, { ...s1, shard: { ...s1.shard, from: 3 } }])).toMatch(/does not hold the draws/);
  });

  it("a grid runs the cartesian product of its axes and records each point's inputs", () => {
    const grid: SweepSpec = { ...mc, mode: "grid", seed: null, n: 6, grid: [{ id: "pue", lo: 1.2, hi: 1.4, steps: 2 }, { id: "utilization", lo: 0.5, hi: 0.7, steps: 3 }] };
    const samples: SampleRecord[] = [];
    const r = run(grid, 0, 1, samples);
    expect(r.runs).toBe(6);
    const points = samples.map((s) => `${s.inputs.pue}|${s.inputs.utilization.toFixed(2)}`);
    expect(points).toEqual(["1.2|0.50", "1.2|0.60", "1.2|0.70", "1.4|0.50", "1.4|0.60", "1.4|0.70"]);
  });
});

const bin = path.resolve(__dirname, "../../bin/chokepoint.mjs");
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 280_000 });

describe("chokepoint sweep, merge and calibrate --draws", { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chokepoint-sweep-"));
  const f = (name: string) => path.join(dir, name);

  it("sharded sweeps merged on the command line give the unsharded file byte for byte; --samples keeps every draw", () => {
    const full = cli("sweep", "--n", "9", "--seed", "4", "--out", f("full.json"), "--samples", f("samples.csv"));
    expect(full.status, full.stderr).toBe(0);
    expect(full.stderr).toMatch(/sweep: 9\/9 draws \(100 %\)/);
    for (const i of [0, 1]) expect(cli("sweep", "--n", "9", "--seed", "4", "--shard", `${i}/2`, "--out", f(`s${i}.json`)).status).toBe(0);
    const merged = cli("merge", f("s1.json"), f("s0.json"), "--out", f("merged.json"));
    expect(merged.status, merged.stderr).toBe(0);
    expect(fs.readFileSync(f("merged.json"), "utf8")).toBe(fs.readFileSync(f("full.json"), "utf8"));
    const lines = fs.readFileSync(f("samples.csv"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^draw,waferCapacityScale \[× plan\],/);
    expect(lines[0]).toContain("clearsAt.tokens");
  });

  it("bad usage is one line on stderr, exit 2, and no output file", () => {
    // Each case is a process start (seconds): a few representative ones; the rest are checked in the library tests above.
    for (const args of [["--shard", "2/2"], ["--grid", "pue=1.2:1.4:3", "--n", "5"], ["--seed", "-3"], ["--grid", "endYear=2030:2032:2"]]) {
      const r = cli("sweep", ...args, "--out", f("bad.json"));
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^chokepoint: /);
    }
    expect(fs.existsSync(f("bad.json"))).toBe(false);
    const m = cli("merge", f("s0.json"), "--out", f("bad.json"));
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/missing shard 1\/2/);
    expect(fs.existsSync(f("bad.json"))).toBe(false);
  });

  it("calibrate --draws --format json prints each claim with its pass share and what it moves with", () => {
    const r = cli("calibrate", "--draws", "40", "--seed", "2", "--format", "json");
    expect([0, 1]).toContain(r.status);
    const out = JSON.parse(r.stdout);
    expect(out.draws).toBe(40);
    for (const c of out.claims) {
      expect(Object.keys(c)).toEqual(["id", "target", "value", "pass", "passShare", "drivers"]);
      if (c.pass === null || ["vcpu-per-chip", "ondemand-share", "agent-run-hours", "subtasks-per-goal"].includes(c.id)) {
        expect(c.drivers).toBeNull();
        continue;
      }
      expect(c.passShare).toBeGreaterThanOrEqual(0);
      expect(c.passShare).toBeLessThanOrEqual(1);
      expect(Array.isArray(c.drivers)).toBe(true);
      for (const d of c.drivers) {
        expect(Object.keys(d)).toEqual(["id", "rho"]);
        expect(Math.abs(d.rho)).toBeGreaterThan(3 / Math.sqrt(39));
      }
    }
    expect(out.claims.filter((c: { passShare: number | null }) => c.passShare !== null).length).toBeGreaterThan(5);
    expect(out.claims.some((c: { drivers: unknown[] | null }) => (c.drivers ?? []).length > 0)).toBe(true);
    expect(cli("calibrate", "--draws", "x").status).toBe(2);
  });

  it("calibrate --draws prints what each target claim moves with, or that nothing passes the noise floor", () => {
    const r = cli("calibrate", "--draws", "40", "--seed", "2");
    const targets = r.stdout.split("\n").filter((l) => /^(pass|MISS)\s+pass share\s+[\d.]+ %/.test(l)).length;
    const moves = r.stdout.split("\n").filter((l) => /^\s+moves with: (\w+ \(ρ [+−]\d\.\d\d\)(, )?)+$|^\s+moves with: no assumption beyond noise \(\|ρ\| ≤ 0\.48 over 40 draws\)$/.test(l)).length;
    expect(targets).toBeGreaterThan(5);
    expect(moves).toBe(targets);
    const few = cli("calibrate", "--draws", "2", "--preset", "chronic");
    expect(few.stdout).toMatch(/moves with: too few draws to rank \(2; at least 3/);
  });
});
