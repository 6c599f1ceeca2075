/**
 * `chokepoint sweep` and `chokepoint merge`: a Monte Carlo or grid sweep of the model, split into shards for a
 * batch system, and the merge of shard files into exactly the result of one unsharded run (docs/sweeps.md).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { csvFormatRows } from "d3-dsv";
import { PARAM_BY_ID, type ThrottlePolicy } from "../lib/model";
import { MAX_SEED } from "../lib/model/sampling";
import { POLICIES, PRESETS, PRESET_BY_ID, resolveScenario } from "../lib/scenario/presets";
import { gridAxisProblem, mergeSweeps, runSweep, shardRange, sweepResult, type GridAxis, type SampleRecord, type SweepResult, type SweepSpec } from "../lib/scenario/sweep";

/** What the commands need from the CLI: its usage error, its safe writer and its parser of --set. */
export interface SweepDeps {
  usage: (message: string) => Error;
  writeOut: (text: string, out: string | undefined) => void;
  parseSet: (items: string[]) => Record<string, number>;
}

/** Help texts. */
export const SWEEP_HELP = `chokepoint sweep [--preset ID] [--set id=value ...] [--policy P] (--n N --seed S [--fix id ...] | --grid id=lo:hi:steps ...)
                 [--shard i/N] [--samples FILE] [--out FILE]

  Monte Carlo (default): N draws (default 1000, at most 1,000,000) of every parameter over its low–high band
  with the catalog's distributions and rank correlations, seeded (S: 0 to ${MAX_SEED}, default 1). The preset's
  thesis parameters, --set parameters and --fix ids keep their values.
  Grid: --grid id=lo:hi:steps (repeatable) steps each parameter evenly; the draws are the cartesian product.
  --shard i/N      run only shard i of N (0-based), for a batch array; "chokepoint merge" joins the files
  --samples FILE   every draw's inputs and headline metrics: CSV if FILE ends in .csv, else JSON lines
  --out FILE       write the result (JSON, chokepoint.sweep/1) to FILE instead of standard output
  Progress goes to standard error.`;

export const MERGE_HELP = `chokepoint merge FILE... [--out FILE]

  Joins the shard files of one sweep (every shard i/N once) into the result an unsharded run gives,
  byte for byte.`;

function parse(args: string[], options: Record<string, { type: "string" | "boolean"; multiple?: boolean }>, deps: SweepDeps, positionals = false): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: positionals });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (e) {
    throw deps.usage((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, "").replace(/\s*\n\s*/g, " "));
  }
}

function intArg(raw: string | undefined, name: string, dflt: number, min: number, max: number, deps: SweepDeps): number {
  if (raw === undefined) return dflt;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) throw deps.usage(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  return Number(raw);
}

function parseGrid(items: string[], deps: SweepDeps): GridAxis[] {
  const num = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
  const re = new RegExp(`^([A-Za-z0-9_.]+)=(${num}):(${num}):(\\d+)$`);
  const axes = items.map((item) => {
    const m = re.exec(item.trim());
    if (!m) throw deps.usage(`--grid expects id=lo:hi:steps (e.g. pue=1.15:1.45:4), got "${item}".`);
    const axis = { id: m[1], lo: Number(m[2]), hi: Number(m[3]), steps: Number(m[4]) };
    const problem = gridAxisProblem(axis);
    if (problem) throw deps.usage(`--grid ${problem}.`);
    return axis;
  });
  const ids = axes.map((a) => a.id);
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup) throw deps.usage(`--grid names ${dup} twice.`);
  return axes;
}

function samplesText(records: SampleRecord[], csv: boolean): string {
  if (!csv) return records.map((r) => JSON.stringify(r)).join("\n") + (records.length ? "\n" : "");
  const inputs = records.length ? Object.keys(records[0].inputs) : [];
  const metrics = records.length ? Object.keys(records[0].metrics) : [];
  const header = ["draw", ...inputs.map((id) => `${id} [${PARAM_BY_ID.get(id)?.unit ?? ""}]`), ...metrics];
  return csvFormatRows([header, ...records.map((r) => [String(r.draw), ...inputs.map((id) => String(r.inputs[id])), ...metrics.map((id) => String(r.metrics[id]))])]) + "\n";
}

/** Progress on standard error: about every 10 % (and at the end), with the elapsed time. */
function progressReporter(label: string) {
  const t0 = Date.now();
  let next = 0;
  return (done: number, total: number) => {
    if (done < next && done !== total) return;
    next = done + Math.max(1, Math.ceil(total / 10));
    process.stderr.write(`${label}: ${done}/${total} draws (${Math.round((100 * done) / total)} %), ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  };
}

/** chokepoint sweep. */
export function cmdSweep(args: string[], deps: SweepDeps): number {
  const { values } = parse(args, {
    preset: { type: "string" }, set: { type: "string", multiple: true }, policy: { type: "string" },
    n: { type: "string" }, seed: { type: "string" }, fix: { type: "string", multiple: true }, grid: { type: "string", multiple: true },
    shard: { type: "string" }, samples: { type: "string" }, out: { type: "string" },
  }, deps);
  if (values.help) return console.log(SWEEP_HELP), 0;
  const presetId = (values.preset as string | undefined) ?? "baseline";
  if (!PRESET_BY_ID.has(presetId)) throw deps.usage(`Unknown preset "${presetId}". Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const policy = values.policy as string | undefined;
  if (policy !== undefined && !POLICIES.includes(policy as ThrottlePolicy)) throw deps.usage(`--policy must be one of ${POLICIES.join(", ")}, got "${policy}".`);
  const set = deps.parseSet((values.set as string[] | undefined) ?? []);
  const gridItems = (values.grid as string[] | undefined) ?? [];
  const fix = (values.fix as string[] | undefined) ?? [];
  for (const id of fix) if (!PARAM_BY_ID.has(id)) throw deps.usage(`--fix: unknown parameter "${id}". Run "chokepoint params" for the list.`);
  let spec: SweepSpec;
  if (gridItems.length) {
    if (values.n !== undefined || values.seed !== undefined || fix.length) throw deps.usage("--grid cannot be combined with --n, --seed or --fix: a sweep is either a grid or a Monte Carlo.");
    const grid = parseGrid(gridItems, deps);
    for (const a of grid) if (a.id in set) throw deps.usage(`${a.id} is both --set and --grid.`);
    const n = grid.reduce((k, a) => k * a.steps, 1);
    if (n > 1_000_000) throw deps.usage(`the grid has ${n.toLocaleString("en-US")} points; at most 1,000,000.`);
    spec = { preset: presetId, policy: policy ?? PRESET_BY_ID.get(presetId)!.policy, set, mode: "grid", n, seed: null, fixed: [], grid };
  } else {
    const n = intArg(values.n as string | undefined, "--n", 1000, 1, 1_000_000, deps);
    const seed = intArg(values.seed as string | undefined, "--seed", 1, 0, MAX_SEED, deps);
    spec = { preset: presetId, policy: policy ?? PRESET_BY_ID.get(presetId)!.policy, set, mode: "montecarlo", n, seed, fixed: [...new Set(fix)].sort(), grid: [] };
  }
  let index = 0, count = 1;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec((values.shard as string).trim());
    if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw deps.usage(`--shard expects i/N with 0 ≤ i < N (e.g. 0/8), got "${values.shard}".`);
    index = Number(m[1]);
    count = Number(m[2]);
  }
  const samples = values.samples as string | undefined;
  if (samples !== undefined && !/\.(csv|jsonl|ndjson|json)$/i.test(samples)) throw deps.usage(`--samples FILE must end in .csv, .jsonl, .ndjson or .json, got "${samples}".`);
  if (samples !== undefined && samples === values.out) throw deps.usage("--samples and --out name the same file.");
  const base = resolveScenario({ presetId, overrides: set, policy: policy as ThrottlePolicy | undefined });
  const range = shardRange(spec.n, index, count);
  const records: SampleRecord[] = [];
  const label = `sweep${count > 1 ? ` shard ${index}/${count}` : ""}`;
  process.stderr.write(`${label}: ${spec.mode === "grid" ? `grid of ${spec.n} points` : `${spec.n} draws, seed ${spec.seed}`}; this run: draws ${range.from}–${range.to - 1}\n`);
  const state = runSweep(spec, base, Object.keys(PRESET_BY_ID.get(presetId)!.params), { index, count, ...range }, {
    onSample: samples ? (r) => records.push(r) : undefined,
    onProgress: progressReporter(label),
  });
  const text = JSON.stringify(sweepResult(state)) + "\n";
  if (samples) deps.writeOut(samplesText(records, /\.csv$/i.test(samples)), samples);
  deps.writeOut(text, values.out as string | undefined);
  return 0;
}

/** chokepoint merge. */
export function cmdMerge(args: string[], deps: SweepDeps): number {
  const { values, positionals } = parse(args, { out: { type: "string" } }, deps, true);
  if (values.help) return console.log(MERGE_HELP), 0;
  if (!positionals.length) throw deps.usage("merge needs the shard files to join, e.g. chokepoint merge shard-*.json --out sweep.json.");
  const files = positionals.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      throw deps.usage(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
    }
    try {
      return JSON.parse(text) as SweepResult;
    } catch {
      throw deps.usage(`${file} is not JSON (is it a sweep result?).`);
    }
  });
  let merged: SweepResult;
  try {
    merged = mergeSweeps(files);
  } catch (e) {
    throw deps.usage(`cannot merge: ${(e as Error).message}.`);
  }
  process.stderr.write(`merge: ${files.length} shard${files.length > 1 ? "s" : ""}, ${merged.runs} draws\n`);
  deps.writeOut(JSON.stringify(merged) + "\n", values.out as string | undefined);
  return 0;
}
