/**
 * chokepoint — the model from the command line (the commands; `cli/main.ts` is the process entry).
 *   chokepoint run [--preset ID | --url LINK] [--set id=value ...] [--policy P] [--format json|csv] [--out FILE]
 *   chokepoint params [--format json|table]
 *   chokepoint calibrate [--preset ID]
 * Exit codes (cli/errors.ts): 0 ok, 1 calibration miss, 2 bad input, 3 output not written, 4 internal fault.
 */
import { csvFormatRows } from "d3-dsv";
import { PARAMS, SERIES_META, simulate, type Run, type ThrottlePolicy } from "../lib/model";
import { POLICIES, PRESETS, PRESET_BY_ID, resolveScenario, type ScenarioState } from "../lib/scenario/presets";
import { evaluateCalibration } from "../lib/scenario/calibration";
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
  calibrate  check the seed claims against the model (exit 1 on a miss)

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
  calibrate: `chokepoint calibrate [--preset ID]

  Checks every seed claim of data/calibration.json under its own preset (or only the claims of one
  preset): claim, target, model value, pass/miss. Exits 1 if any target claim is missed.`,
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

function cmdCalibrate(args: string[], io: CliIo): number {
  const values = parseOptions(args, { preset: { type: "string", multiple: true } });
  if (values.help) return io.out(HELP.calibrate + "\n"), EXIT.ok;
  const presetId = single(values, "preset");
  if (presetId !== undefined && !PRESET_BY_ID.has(presetId)) throw new UsageError(`Unknown preset ${quoteArg(presetId)}. Known: ${PRESETS.map((p) => p.id).join(", ")}.`);
  const rows = evaluateCalibration(presetId);
  let misses = 0;
  const lines: string[] = [];
  for (const r of rows) {
    const mark = r.within === null ? "n/a " : r.within ? "pass" : "MISS";
    if (r.within === false) misses++;
    lines.push(`${mark}  ${r.id}  [${r.kind}, preset ${r.presetId}]  ${r.claim}`);
    lines.push(`      target ${r.target}; model ${r.model}; ${r.note}`);
  }
  const counted = rows.filter((r) => r.within !== null).length;
  lines.push(`${counted - misses} passed, ${misses} missed of ${counted} checked claims (${rows.length - counted} not modelled)`);
  io.out(lines.join("\n") + "\n");
  return misses > 0 ? EXIT.calibrationMiss : EXIT.ok;
}

/** The commands by name; other commands (sweeps, merges …) add themselves here with the same signature. */
export const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = {
  run: cmdRun,
  params: cmdParams,
  calibrate: cmdCalibrate,
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
