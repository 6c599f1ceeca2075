import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simulate } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";

const bin = path.resolve(__dirname, "../../bin/chokepoint.mjs");
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 60_000 });

// Each case starts a Node process that compiles the CLI with tsx: seconds, not milliseconds.
describe("chokepoint CLI", { timeout: 60_000 }, () => {
  it("run --format json prints the documented object, equal to the library's run", () => {
    const r = cli("run", "--preset", "chronic", "--set", "pue=1.2", "--policy", "degrade");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe("chokepoint.run/1");
    expect(out.months[0]).toBe("2024-01");
    expect(out.months.at(-1)).toBe("2032-12");
    expect(out.scenario.params.pue).toBe(1.2);
    for (const id of ["gpu.output.h100e", "gpu.installed.h100e", "gpu.binding", "shortage.wafer", "price.dram", "shortage.power", "shortage.gpu", "shortage.cpu", "tokens.demand", "tokens.served", "throttle.share", "rent.h100", "revenuePerGpuHour.b200", "cpu.servers.output", "cpu.vcpu.installed", "wafer.share.ai", "wafer.share.cpu", "wafer.share.consumer", "hbm.share.dramWafers", "power.ratio.cpuToGpu"]) {
      expect(out.series[id], id).toHaveLength(108);
    }
    const lib = simulate(resolveScenario({ presetId: "chronic", overrides: { pue: 1.2 }, policy: "degrade" }));
    expect(out.series["tokens.served"][40]).toBeCloseTo(lib.series["tokens.served"][40], 6);
    expect(out.metrics["clearsAt.tokens"]).toBe(lib.metrics["clearsAt.tokens"]);
  });

  it("run --format csv --out writes one row per month with units in the header", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chokepoint-"));
    const file = path.join(dir, "run.csv");
    const r = cli("run", "--format", "csv", "--out", file);
    expect(r.status).toBe(0);
    const lines = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(109);
    expect(lines[0]).toContain("price.dram [index, 2024-01 = 1]");
    expect(lines[1].startsWith("2024-01,")).toBe(true);
  });

  it.each([
    [["run", "--set", "nope=1"], /Unknown parameter "nope"/],
    [["run", "--set", "pue=9"], /out of range: 9 \(allowed 1 to 2/],
    [["run", "--set", "pue=abc"], /must be a number/],
    [["run", "--set", "pue"], /expects id=value/],
    [["run", "--preset", "utopia"], /Unknown preset "utopia"/],
    [["run", "--format", "xml"], /--format must be json or csv/],
    [["run", "--policy", "random"], /--policy must be one of/],
    [["run", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["explode"], /Unknown command "explode"/],
  ])("rejects %j with a clear message and exit code 2, writing nothing", (args, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chokepoint-"));
    const file = path.join(dir, "out.json");
    const r = cli(...(args as string[]), "--out", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("params lists every parameter with provenance", () => {
    const r = cli("params", "--format", "json");
    expect(r.status).toBe(0);
    const params = JSON.parse(r.stdout);
    expect(params.length).toBeGreaterThan(50);
    for (const p of params) expect(["source", "assumption"]).toContain(p.provenance.kind);
  });

  it("calibrate reports every claim and exits 1 while a target is missed", () => {
    const r = cli("calibrate");
    expect(r.stdout).toMatch(/passed, \d+ missed of \d+ checked claims/);
    const missed = Number(/passed, (\d+) missed/.exec(r.stdout)![1]);
    expect(r.status).toBe(missed > 0 ? 1 : 0);
    const one = cli("calibrate", "--preset", "tokens-rationed");
    expect(one.stdout).toContain("token-shortage-end");
    expect(one.stdout).not.toContain("dram-price-12m");
  });

  it("--help works for each command", () => {
    for (const c of ["run", "params", "calibrate"]) {
      const r = cli(c, "--help");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`chokepoint ${c}`);
    }
  });
});
