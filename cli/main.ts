/**
 * chokepoint — the model from the command line.
 *   chokepoint run [--preset ID] [--set id=value ...] [--policy P] [--format json|csv] [--out FILE]
 *   chokepoint params [--format json|table]
 *   chokepoint calibrate [--preset ID] [--draws N --seed S] [--format table|json]
 *   chokepoint sweep … / chokepoint merge FILE… (cli/sweep.ts)
 * Exit codes: 0 ok, 1 calibration miss, 2 bad input.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { csvFormatRows } from "d3-dsv";
import { PARAMS, PARAM_BY_ID, SERIES_META, simulate, type Run, type ThrottlePolicy } from "../lib/model";
import { POLICIES, PRESETS, PRESET_BY_ID, resolveScenario } from "../lib/scenario/presets";
import { CLAIMS, evaluateCalibration } from "../lib/scenario/calibration";
import { claimPassShares } from "../lib/scenario/robustness";
import { MAX_SEED } from "../lib/model/sampling";
import { MERGE_HELP, SWEEP_HELP, cmdMerge, cmdSweep, type SweepDeps } from "./sweep";

/** An error in the user's input: printed without a stack, exit code 2. */
class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `chokepoint — AI compute supply-chain simulator

Usage: chokepoint <command> [options]

Commands:
  run        simulate a scenario and print or write every series and metric
  params     list the parameter catalog with units, ranges and provenance
  calibrate  check the seed claims against the model (exit 1 on a miss); --draws N: pass shares
  sweep      Monte Carlo or grid sweep (shardable): quantiles of series and metrics
  merge      join sweep shard files into the unsharded result

Run "chokepoint <command> --help" for a command's options.`,
  run: `chokepoint run [--preset ID] [--set id=value ...] [--policy P] [--format json|csv] [--out FILE]

  --preset ID      start from a preset (default: baseline). Presets: ${PRESETS.map((p) => p.id).join(", ")}
  --set id=value   change one parameter (repeatable); see "chokepoint params" for ids, units and ranges
  --policy P       throttling policy: ${POLICIES.join(", ")}
  --format F       json (default): {schema, months, scenario, series, metrics}; csv: one row per month
  --out FILE       write to FILE instead of standard output (written only if the run succeeds)`,
  params: `chokepoint params [--format table|json]

  Lists every parameter: id, group, unit, default, min, max, low/high range and provenance.`,
  calibrate: `chokepoint calibrate [--preset ID] [--draws N] [--seed S] [--format table|json]

  Checks every seed claim of data/calibration.json under its own preset (or only the claims of one
  preset): claim, target, model value, pass/miss. Exits 1 if any target claim is missed.
  --draws N   also draw every assumption over its low–high band N times (the preset's thesis parameters
              held) and report each target claim's pass share: the share of draws in which it holds
  --seed S    seed of the draws (integer 0 to ${MAX_SEED}, default 1)
  --format F  table (default) or json: {claims: [{id, target, value, pass, passShare}]}`,
  sweep: SWEEP_HELP,
  merge: MERGE_HELP,
};

function parse(args: string[], options: ParseArgsOptionsConfig): { values: Record<string, unknown> } {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    return { values: values as Record<string, unknown> };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}

function parseSet(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const m = /^([A-Za-z0-9_.]+)=(.*)$/.exec(item);
    if (!m) throw new UsageError(`--set expects id=value, got "${item}".`);
    const [, id, raw] = m;
    const spec = PARAM_BY_ID.get(id);
    if (!spec) {
      const near = PARAMS.filter((p) => p.id.toLowerCase().includes(id.toLowerCase().slice(0, 5))).slice(0, 3).map((p) => p.id);
      throw new UsageError(`Unknown parameter "${id}".${near.length ? ` Did you mean: ${near.join(", ")}?` : ""} Run "chokepoint params" for the list.`);
    }
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim())) throw new UsageError(`Value for ${id} must be a number (${spec.unit}), got "${raw}".`);
    const v = Number(raw);
    if (v < spec.min || v > spec.max) throw new UsageError(`Value for ${id} is out of range: ${v} (allowed ${spec.min} to ${spec.max} ${spec.unit}).`);
    out[id] = v;
  }
  return out;
}

/** The run as the documented JSON object (schema chokepoint.run/1). */
export function runToJson(run: Run, scenario: { preset: string; policy: ThrottlePolicy; params: Record<string, number> }) {
  const series: Record<string, number[] | string[]> = {};
  for (const [id, s] of Object.entries(run.series)) series[id] = Array.from(s, (v) => (Number.isFinite(v) ? v : 0));
  for (const [id, l] of Object.entries(run.labels)) series[id] = l;
  return { schema: run.schema, months: run.months, scenario, series, metrics: run.metrics, units: Object.fromEntries(Object.entries(SERIES_META).map(([k, m]) => [k, m.unit])), warnings: run.warnings };
}

/** The run as CSV: one row per month, one column per series, units in the header. */
export function runToCsv(run: Run): string {
  const ids = [...Object.keys(run.series), ...Object.keys(run.labels)].sort();
  const header = ["month", ...ids.map((id) => `${id} [${SERIES_META[id]?.unit ?? ""}]`)];
  const rows = run.months.map((m, t) => [m, ...ids.map((id) => (run.labels[id] ? run.labels[id][t] : String(run.series[id][t])))]);
  return csvFormatRows([header, ...rows]) + "\n";
}

function writeOut(text: string, out: string | undefined) {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new UsageError(`Cannot write ${out}: folder ${dir} does not exist.`);
  // Write to a temporary file and rename, so a failure never leaves half a file.
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, out);
}

function cmdRun(args: string[]): number {
  const { values } = parse(args, {
    preset: { type: "string" },
    set: { type: "string", multiple: true },
    policy: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  });
  if (values.help) return console.log(HELP.run), 0;
  const presetId = (values.preset as string | undefined) ?? "baseline";
  if (!PRESET_BY_ID.has(presetId)) throw new UsageError(`Unknown preset "${presetId}". Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const format = (values.format as string | undefined) ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(`--format must be json or csv, got "${format}".`);
  const policy = values.policy as string | undefined;
  if (policy !== undefined && !POLICIES.includes(policy as ThrottlePolicy)) throw new UsageError(`--policy must be one of ${POLICIES.join(", ")}, got "${policy}".`);
  const overrides = parseSet((values.set as string[] | undefined) ?? []);
  const scenario = resolveScenario({ presetId, overrides, policy: policy as ThrottlePolicy | undefined });
  const run = simulate(scenario);
  const text = format === "json" ? JSON.stringify(runToJson(run, { preset: presetId, policy: scenario.policy, params: scenario.params })) + "\n" : runToCsv(run);
  writeOut(text, values.out as string | undefined);
  return 0;
}

function provenanceText(p: (typeof PARAMS)[number]["provenance"]): string {
  return p.kind === "source" ? `${p.source} (${p.date}, confidence ${p.confidence})` : `assumption: ${p.reasoning}`;
}

function cmdParams(args: string[]): number {
  const { values } = parse(args, { format: { type: "string" } });
  if (values.help) return console.log(HELP.params), 0;
  const format = (values.format as string | undefined) ?? "table";
  if (format === "json") {
    console.log(JSON.stringify(PARAMS, null, 2));
    return 0;
  }
  if (format !== "table") throw new UsageError(`--format must be table or json, got "${format}".`);
  for (const p of PARAMS) {
    console.log(`${p.id}  [${p.group}]  ${p.label}`);
    console.log(`    ${p.default} ${p.unit}  (min ${p.min}, max ${p.max}, range ${p.low}–${p.high})`);
    console.log(`    ${provenanceText(p.provenance)}`);
  }
  return 0;
}

function cmdCalibrate(args: string[]): number {
  const { values } = parse(args, { preset: { type: "string" }, draws: { type: "string" }, seed: { type: "string" }, format: { type: "string" } });
  if (values.help) return console.log(HELP.calibrate), 0;
  const presetId = values.preset as string | undefined;
  if (presetId !== undefined && !PRESET_BY_ID.has(presetId)) throw new UsageError(`Unknown preset "${presetId}". Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const format = (values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, got "${format}".`);
  const int = (raw: unknown, name: string, min: number, max: number) => {
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(String(raw).trim()) || Number(raw) < min || Number(raw) > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
    return Number(raw);
  };
  const draws = int(values.draws, "--draws", 1, 100_000);
  const seed = int(values.seed, "--seed", 0, MAX_SEED);
  if (seed !== undefined && draws === undefined) throw new UsageError("--seed needs --draws N (the number of draws to make).");
  const rows = evaluateCalibration(presetId);
  let shares = new Map<string, number>();
  if (draws !== undefined) {
    const t0 = Date.now();
    let next = 0;
    const targets = rows.filter((r) => r.kind === "target").map((r) => r.id);
    const result = claimPassShares({
      draws,
      seed: seed ?? 1,
      claims: CLAIMS.filter((c) => targets.includes(c.id)),
      onProgress: (done, total) => {
        if (done < next && done !== total) return;
        next = done + Math.max(1, Math.ceil(total / 10));
        process.stderr.write(`calibrate: ${done}/${total} runs (${Math.round((100 * done) / total)} %), ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      },
    });
    shares = new Map(result.map((r) => [r.id, r.passShare]));
  }
  const misses = rows.filter((r) => r.within === false).length;
  if (format === "json") {
    const claims = rows.map((r) => ({ id: r.id, target: r.target, value: r.modelValue, pass: r.within, passShare: shares.get(r.id) ?? null }));
    console.log(JSON.stringify({ claims, ...(draws !== undefined ? { draws, seed: seed ?? 1 } : {}) }, null, 2));
    return misses > 0 ? 1 : 0;
  }
  for (const r of rows) {
    const mark = r.within === null ? "n/a " : r.within ? "pass" : "MISS";
    const share = shares.has(r.id) ? `  pass share ${(100 * shares.get(r.id)!).toFixed(1).padStart(5)} %` : draws !== undefined ? "  pass share     —" : "";
    console.log(`${mark}${share}  ${r.id}  [${r.kind}, preset ${r.presetId}]  ${r.claim}`);
    console.log(`      target ${r.target}; model ${r.model}; ${r.note}`);
  }
  const counted = rows.filter((r) => r.within !== null).length;
  console.log(`${counted - misses} passed, ${misses} missed of ${counted} checked claims (${rows.length - counted} not modelled)`);
  if (draws !== undefined) console.log(`pass shares: ${draws} draws of the assumptions over their low–high bands, seed ${seed ?? 1}, each preset's thesis parameters held`);
  return misses > 0 ? 1 : 0;
}

const sweepDeps: SweepDeps = { usage: (m) => new UsageError(m), writeOut, parseSet };

/** Runs the CLI with arguments (without node and script); returns the exit code. */
export function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") return console.log(HELP.main), cmd ? 0 : 2;
    if (cmd === "run") return cmdRun(rest);
    if (cmd === "params") return cmdParams(rest);
    if (cmd === "calibrate") return cmdCalibrate(rest);
    if (cmd === "sweep") return cmdSweep(rest, sweepDeps);
    if (cmd === "merge") return cmdMerge(rest, sweepDeps);
    throw new UsageError(`Unknown command "${cmd}". Commands: run, params, calibrate, sweep, merge.`);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`chokepoint: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// A closed pipe (e.g. `| head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
