/**
 * Argument helpers shared by the CLI's commands: strict option parsing into one-line usage errors,
 * `--set id=value` (full ids or the share link's short keys, a repeated id refused) and `--url` (a share link's
 * scenario, read by the same decoder as the app).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PARAMS, type ParamSpec } from "../lib/model";
import { decodeScenario, type DecodedScenario } from "../lib/scenario/url";
import { quoteArg, UsageError } from "./errors";

/** The option table a command declares (node:util parseArgs). */
export type OptionTable = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's options strictly (no positionals); `--help`/`-h` is always accepted. Throws UsageError. */
export function parseOptions(args: string[], options: OptionTable): Record<string, unknown> {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    return values as Record<string, unknown>;
  } catch (e) {
    const msg = (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, "").split("\n")[0];
    throw new UsageError(msg.length > 200 ? `${msg.slice(0, 200)}…` : msg);
  }
}

/** A string option's value, or `undefined`; a repeated option is refused. */
export function single(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) {
    if (v.length > 1) throw new UsageError(`--${name} is given ${v.length} times; give it once.`);
    return v[0] as string | undefined;
  }
  return v as string | undefined;
}

const BY_ID: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.id, p]));
const BY_SHORT: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.short, p]));

/** Edit distance between two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Up to three parameter ids close to `key` (by id, by short key, or containing it), for a suggestion. */
export function suggestParams(key: string): string[] {
  const k = key.toLowerCase().slice(0, 64);
  const scored = PARAMS.map((p) => {
    const id = p.id.toLowerCase();
    const d = Math.min(distance(k, id), distance(k, p.short.toLowerCase()) * 2, id.includes(k) && k.length >= 3 ? 1 : Infinity);
    return { p, d };
  })
    .filter((x) => x.d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, 3).map((x) => `${x.p.id} (${x.p.short})`);
}

/** The parameter a `--set` key names: its full id or its share-link short key. */
export function paramByKey(key: string): ParamSpec | undefined {
  return BY_ID.get(key) ?? BY_SHORT.get(key);
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads `--set id=value` items into parameter overrides. The id may be the full id (`packagingCapacityScale`)
 * or the link's short key (`pcs`); values must be plain decimal numbers within the catalog's range; naming
 * one parameter twice (by either key) is an error.
 */
export function parseSetArgs(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const given = new Map<string, string>();
  for (const item of items) {
    const m = /^([A-Za-z0-9_.]+)=(.*)$/s.exec(item);
    if (!m) throw new UsageError(`--set expects id=value, got ${quoteArg(item)}.`);
    const [, key, raw] = m;
    const spec = paramByKey(key);
    if (!spec) {
      const near = suggestParams(key);
      throw new UsageError(`Unknown parameter ${quoteArg(key)}.${near.length ? ` Did you mean: ${near.join(", ")}?` : ""} Run "chokepoint params" for the list.`);
    }
    const earlier = given.get(spec.id);
    if (earlier !== undefined) throw new UsageError(`--set names ${spec.id} twice (${quoteArg(earlier)} and ${quoteArg(item)}); give each parameter once.`);
    given.set(spec.id, item);
    if (!NUMBER_RE.test(raw.trim())) throw new UsageError(`Value for ${spec.id} must be a number (${spec.unit}), got ${quoteArg(raw)}.`);
    const v = Number(raw);
    if (!Number.isFinite(v) || v < spec.min || v > spec.max) throw new UsageError(`Value for ${spec.id} is out of range: ${raw.trim()} (allowed ${spec.min} to ${spec.max} ${spec.unit}).`);
    out[spec.id] = v;
  }
  return out;
}

/** Longest `--url` accepted, in characters (a link far longer than any the app writes). */
export const MAX_URL_LENGTH = 200_000;

/**
 * Reads a share link given to `--url` (a full link, `/?…`, `?…`, a bare query, or a link with the scenario
 * in its fragment) with the app's decoder. Values the link held that cannot be used come back as `issues`.
 */
export function scenarioFromUrl(url: string): DecodedScenario {
  if (url.length > MAX_URL_LENGTH) throw new UsageError(`--url is ${url.length} characters long; at most ${MAX_URL_LENGTH}.`);
  if (url.trim() === "") throw new UsageError("--url needs a share link.");
  return decodeScenario(url);
}
