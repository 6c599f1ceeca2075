/**
 * chokepoint — the model from the command line (the commands; `cli/main.ts` is the process entry).
 *   chokepoint run [--preset ID | --url LINK] [--set id=value ...] [--policy P] [--format json|csv] [--out FILE]
 *   chokepoint params [--format json|table]
 *   chokepoint calibrate [--preset ID] [--draws N --seed S] [--format table|json]
 *   chokepoint history [--preset ID] [--format table|json]
 *   chokepoint sweep … / chokepoint merge FILE… (cli/sweep.ts)
 * Exit codes (cli/errors.ts): 0 ok, 1 calibration miss, 2 bad input, 3 output not written, 4 internal fault.
 */
import { csvFormatRows } from "d3-dsv";
import { PARAMS, SERIES_META, simulate, type Run, type ThrottlePolicy } from "../lib/model";
import { POLICIES, PRESETS, PRESET_BY_ID, resolveScenario, type ScenarioState } from "../lib/scenario/presets";
import { CLAIMS, evaluateCalibration } from "../lib/scenario/calibration";
import { HISTORY_ERRORS, compareHistory, type Band } from "../lib/scenario/history";
import { claimPassShares, type ClaimPassShare } from "../lib/scenario/robustness";
import { noiseFloor } from "../lib/scenario/drivers";
import { MAX_SEED } from "../lib/model/sampling";
import { MERGE_HELP, SWEEP_HELP, cmdMerge, cmdSweep, type SweepDeps } from "./sweep";
import { parseOptions, parseSetArgs, scenarioFromUrl, single } from "./args";
import { CliError, EXIT, oneLine, quoteArg, UsageError } from "./errors";
import { writeFileSafely } from "./safeWrite";

/** Where a command's output and messages go (the process's streams, or a buffer in tests). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const EXIT_TEXT = `Exit codes: 0 ok; 1 calibrate missed a target claim; 2 bad input (unknown command, option,
parameter or value, or an --out path that is not a regular file); 3 the output could not be written;
4 an internal fault (a bug: please report the command).`;

const HELP: Record<string, string> = {
  main: `chokepoint — AI compute supply-chain simulator

Usage: chokepoint <command> [options]

Commands:
  run        simulate a scenario and print or write every series and metric
  params     list the parameter catalog with units, ranges and provenance
  calibrate  check the seed claims against the model (exit 1 on a miss); --draws N: pass shares
  history    compare the model with public 2024–2026 figures (data/history.json); a report, exit 0
  sweep      Monte Carlo or grid sweep (shardable): quantiles of series and metrics
  merge      join sweep shard files into the unsharded result

Run "chokepoint <command> --help" for a command's options.

${EXIT_TEXT}`,
  run: `chokepoint run [--preset ID | --url LINK] [--set id=value ...] [--policy P] [--format json|csv] [--out FILE]

  --preset ID      start from a preset (default: baseline). Presets: ${PRESETS.map((p) => p.id).join(", ")}
  --url LINK       start from a share link's scenario (its preset, values, policy and formulas); values the
                   link held that cannot be used are listed on standard error, as the app's notice lists them
  --set id=value   change one parameter (once per parameter); the id is the full id or the link's short key
                   (pcs=1.2); see "chokepoint params" for ids, units and ranges
  --policy P       throttling policy: ${POLICIES.join(", ")}
  --format F       json (default): {schema, months, scenario, series, metrics}; csv: one row per month
  --out FILE       write to FILE instead of standard output: written only if the run succeeds, through a
                   temporary file beside it; FILE must be absent or a regular file (keeps its mode)

${EXIT_TEXT}`,
  params: `chokepoint params [--format table|json]

  Lists every parameter: id, short key, group, unit, default, min, max, low/high range and provenance.`,
  calibrate: `chokepoint calibrate [--preset ID] [--draws N] [--seed S] [--format table|json]

  Checks every seed claim of data/calibration.json under its own preset (or only the claims of one
  preset): claim, target, model value, pass/miss. Exits 1 if any target claim is missed.
  --draws N   also draw every assumption over its low–high band N times (the preset's thesis parameters
              held) and report each target claim's pass share (the share of draws in which it holds) and
              what it moves with: the assumptions whose drawn values rank-correlate most with the claim's
              measured value (Spearman's ρ, up to three, each beyond three standard errors of 0)
  --seed S    seed of the draws (integer 0 to ${MAX_SEED}, default 1)
  --format F  table (default) or json: {claims: [{id, target, value, pass, passShare}]}; with --draws
              each claim also has drivers: [{id, rho}]`,
  history: `chokepoint history [--preset ID] [--format table|json]

  Compares the model with the public figures of data/history.json (accelerator output, CoWoS,
  GPU rents, memory contract prices, HBM, servers, tokens, data-centre power). Each figure names the
  model series and aggregation it is read with and a tolerance taken from its own uncertainty.
  --preset ID      run this preset (default: baseline)
  --format F       table (default) or json: [{id, quantity, unit, period, expected, accepted, model,
                   within, ratio, reason, ...}]; within is null when the series or period is missing.
  It reports; it does not fail on a miss (exit 0).`,
  sweep: SWEEP_HELP,
  merge: MERGE_HELP,
};

/** The run as the documented JSON object (schema chokepoint.run/1). */
export function runToJson(run: Run, scenario: { preset: string; policy: ThrottlePolicy; params: Record<string, number>; formulas?: Record<string, string> }) {
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

function emit(io: CliIo, text: string, out: string | undefined) {
  if (out === undefined) io.out(text);
  else writeFileSafely(out, text);
}

function cmdRun(args: string[], io: CliIo): number {
  const values = parseOptions(args, {
    preset: { type: "string", multiple: true },
    url: { type: "string", multiple: true },
    set: { type: "string", multiple: true },
    policy: { type: "string", multiple: true },
    format: { type: "string", multiple: true },
    out: { type: "string", multiple: true },
  });
  if (values.help) return io.out(HELP.run + "\n"), EXIT.ok;
  const presetArg = single(values, "preset");
  const url = single(values, "url");
  const format = single(values, "format") ?? "json";
  const policy = single(values, "policy");
  const out = single(values, "out");
  if (presetArg !== undefined && url !== undefined) throw new UsageError("Give --preset or --url, not both (a link names its own preset).");
  if (format !== "json" && format !== "csv") throw new UsageError(`--format must be json or csv, got ${quoteArg(format)}.`);
  if (policy !== undefined && !POLICIES.includes(policy as ThrottlePolicy)) throw new UsageError(`--policy must be one of ${POLICIES.join(", ")}, got ${quoteArg(policy)}.`);
  let state: ScenarioState = { presetId: presetArg ?? "baseline", overrides: {} };
  if (presetArg !== undefined && !PRESET_BY_ID.has(presetArg)) throw new UsageError(`Unknown preset ${quoteArg(presetArg)}. Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  if (url !== undefined) {
    const decoded = scenarioFromUrl(url);
    state = decoded.state;
    for (const i of decoded.issues) io.err(`chokepoint: link: ${quoteArg(i.key || "(empty key)")}${i.raw ? ` = ${quoteArg(i.raw)}` : ""}: ${i.reason}\n`);
    if (decoded.baseline) io.err("chokepoint: link: its pinned baseline (b.* keys) is not run; run it with its own link\n");
  }
  const sets = parseSetArgs((values.set as string[] | undefined) ?? []);
  state = { ...state, overrides: { ...state.overrides, ...sets }, ...(policy !== undefined ? { policy: policy as ThrottlePolicy } : {}) };
  const scenario = resolveScenario(state);
  const run = simulate(scenario);
  const described = { preset: state.presetId, policy: scenario.policy, params: scenario.params, ...(scenario.formulas ? { formulas: scenario.formulas } : {}) };
  const text = format === "json" ? JSON.stringify(runToJson(run, described)) + "\n" : runToCsv(run);
  emit(io, text, out);
  return EXIT.ok;
}

function provenanceText(p: (typeof PARAMS)[number]["provenance"]): string {
  return p.kind === "source" ? `${p.source} (${p.date}, confidence ${p.confidence})` : `assumption: ${p.reasoning}`;
}

function cmdParams(args: string[], io: CliIo): number {
  const values = parseOptions(args, { format: { type: "string", multiple: true } });
  if (values.help) return io.out(HELP.params + "\n"), EXIT.ok;
  const format = single(values, "format") ?? "table";
  if (format === "json") {
    io.out(JSON.stringify(PARAMS, null, 2) + "\n");
    return EXIT.ok;
  }
  if (format !== "table") throw new UsageError(`--format must be table or json, got ${quoteArg(format)}.`);
  const lines: string[] = [];
  for (const p of PARAMS) {
    lines.push(`${p.id} (${p.short})  [${p.group}]  ${p.label}`);
    lines.push(`    ${p.default} ${p.unit}  (min ${p.min}, max ${p.max}, range ${p.low}–${p.high})`);
    lines.push(`    ${provenanceText(p.provenance)}`);
  }
  io.out(lines.join("\n") + "\n");
  return EXIT.ok;
}

/** An integer option within [min, max], or undefined when absent. */
function intOption(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${quoteArg(raw)}.`);
  return Number(raw);
}

function cmdCalibrate(args: string[], io: CliIo): number {
  const values = parseOptions(args, { preset: { type: "string", multiple: true }, draws: { type: "string", multiple: true }, seed: { type: "string", multiple: true }, format: { type: "string", multiple: true } });
  if (values.help) return io.out(HELP.calibrate + "\n"), EXIT.ok;
  const presetId = single(values, "preset");
  if (presetId !== undefined && !PRESET_BY_ID.has(presetId)) throw new UsageError(`Unknown preset ${quoteArg(presetId)}. Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const format = single(values, "format") ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, got ${quoteArg(format)}.`);
  const draws = intOption(single(values, "draws"), "--draws", 1, 100_000);
  const seed = intOption(single(values, "seed"), "--seed", 0, MAX_SEED);
  if (seed !== undefined && draws === undefined) throw new UsageError("--seed needs --draws N (the number of draws to make).");
  const rows = evaluateCalibration(presetId);
  let shares = new Map<string, ClaimPassShare>();
  if (draws !== undefined) {
    const t0 = Date.now();
    let next = 0;
    const targets = rows.filter((r) => r.kind === "target").map((r) => r.id);
    const result = claimPassShares({
      draws,
      seed: seed ?? 1,
      claims: CLAIMS.filter((c) => targets.includes(c.id)),
      drivers: true,
      onProgress: (done, total) => {
        if (done < next && done !== total) return;
        next = done + Math.max(1, Math.ceil(total / 10));
        io.err(`calibrate: ${done}/${total} runs (${Math.round((100 * done) / total)} %), ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      },
    });
    shares = new Map(result.map((r) => [r.id, r]));
  }
  const misses = rows.filter((r) => r.within === false).length;
  if (format === "json") {
    const claims = rows.map((r) => ({ id: r.id, target: r.target, value: r.modelValue, pass: r.within, passShare: shares.get(r.id)?.passShare ?? null, ...(draws !== undefined ? { drivers: shares.get(r.id)?.drivers ?? null } : {}) }));
    io.out(JSON.stringify({ claims, ...(draws !== undefined ? { draws, seed: seed ?? 1 } : {}) }, null, 2) + "\n");
    return misses > 0 ? EXIT.calibrationMiss : EXIT.ok;
  }
  const lines: string[] = [];
  for (const r of rows) {
    const mark = r.within === null ? "n/a " : r.within ? "pass" : "MISS";
    const s = shares.get(r.id);
    const share = s ? `  pass share ${(100 * s.passShare).toFixed(1).padStart(5)} %` : draws !== undefined ? "  pass share     —" : "";
    lines.push(`${mark}${share}  ${r.id}  [${r.kind}, preset ${r.presetId}]  ${r.claim}`);
    lines.push(`      target ${r.target}; model ${r.model}; ${r.note}`);
    const d = s?.drivers;
    if (d && draws !== undefined) lines.push(`      moves with: ${d.length ? d.map((x) => `${x.id} (ρ ${x.rho >= 0 ? "+" : "−"}${Math.abs(x.rho).toFixed(2)})`).join(", ") : noDriverText(draws)}`);
  }
  const counted = rows.filter((r) => r.within !== null).length;
  lines.push(`${counted - misses} passed, ${misses} missed of ${counted} checked claims (${rows.length - counted} not modelled)`);
  if (draws !== undefined) {
    lines.push(`pass shares: ${draws} draws of the assumptions over their low–high bands, seed ${seed ?? 1}, each preset's thesis parameters held`);
    lines.push(`moves with: the assumptions whose drawn values rank-correlate most with the claim's measured value (Spearman's ρ, beyond three standard errors of 0)`);
  }
  io.out(lines.join("\n") + "\n");
  return misses > 0 ? EXIT.calibrationMiss : EXIT.ok;
}

/** What "moves with" says when no assumption passes the noise floor (or the draws are too few to rank). */
const noDriverText = (draws: number) =>
  draws < 3 ? `too few draws to rank (${draws}; at least 3, and a few hundred to name any)` : `no assumption beyond noise (|ρ| ≤ ${noiseFloor(draws).toFixed(2)} over ${draws} draws)`;

const bandText = (b: Band) => {
  const f = (v: number) => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(Number(v.toPrecision(4))));
  if (b.low !== null && b.high !== null) return b.low === b.high ? f(b.low) : `${f(b.low)}–${f(b.high)}`;
  return b.low !== null ? `≥ ${f(b.low)}` : b.high !== null ? `≤ ${f(b.high)}` : "any";
};

function cmdHistory(args: string[], io: CliIo): number {
  const values = parseOptions(args, { preset: { type: "string", multiple: true }, format: { type: "string", multiple: true } });
  if (values.help) return io.out(HELP.history + "\n"), EXIT.ok;
  const presetId = single(values, "preset") ?? "baseline";
  if (!PRESET_BY_ID.has(presetId)) throw new UsageError(`Unknown preset ${quoteArg(presetId)}. Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const format = single(values, "format") ?? "table";
  if (format !== "json" && format !== "table") throw new UsageError(`--format must be table or json, got ${quoteArg(format)}.`);
  if (HISTORY_ERRORS.length) throw new UsageError(`data/history.json is invalid: ${HISTORY_ERRORS.join("; ")}`);
  const rows = compareHistory(simulate(resolveScenario({ presetId, overrides: {} })));
  if (format === "json") return io.out(JSON.stringify(rows) + "\n"), EXIT.ok;
  const lines: string[] = [];
  for (const r of rows) {
    const mark = r.within === null ? "n/a " : r.within ? "meet" : "MISS";
    const model = r.model === null ? "—" : bandText({ low: r.model, high: r.model });
    lines.push(`${mark}  ${r.id}  ${r.quantity}, ${r.period} [${r.confidence}]`);
    lines.push(`      expected ${bandText(r.expected)} ${r.unit} (accepted ${bandText(r.accepted)}); model ${model}${r.ratio === null ? "" : ` (×${r.ratio.toFixed(2)})`}${r.reason ? `; ${r.reason}` : ""}`);
  }
  const met = rows.filter((r) => r.within === true).length, missed = rows.filter((r) => r.within === false).length;
  lines.push(`preset ${presetId}: ${met} met, ${missed} missed, ${rows.length - met - missed} not comparable (series or period missing) of ${rows.length} figures`);
  io.out(lines.join("\n") + "\n");
  return EXIT.ok;
}

/** Sweeps use the CLI's usage error, its safe writer and its --set parser. */
const sweepDeps: SweepDeps = {
  usage: (m) => new UsageError(m),
  writeOut: (text, out) => (out === undefined ? void process.stdout.write(text) : writeFileSafely(out, text)),
  parseSet: (items) => parseSetArgs(items),
};

/** The commands by name; other commands (sweeps, merges …) add themselves here with the same signature. */
export const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = {
  run: cmdRun,
  params: cmdParams,
  calibrate: cmdCalibrate,
  history: cmdHistory,
  sweep: (args) => cmdSweep(args, sweepDeps),
  merge: (args) => cmdMerge(args, sweepDeps),
};

/** Runs the CLI with arguments (without node and script) and returns the exit code; never throws. */
export function main(argv: string[], io: CliIo): number {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd) throw new UsageError(`No command given. Commands: ${Object.keys(COMMANDS).join(", ")}; "chokepoint --help" explains them.`);
    if (cmd === "--help" || cmd === "-h" || cmd === "help") return io.out(HELP.main + "\n"), EXIT.ok;
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!command) throw new UsageError(`Unknown command ${quoteArg(cmd)}. Commands: ${Object.keys(COMMANDS).join(", ")}.`);
    return command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`chokepoint: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`chokepoint: internal error: ${oneLine(e)}\n`);
    return EXIT.internal;
  }
}
