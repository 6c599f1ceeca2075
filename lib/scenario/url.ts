/**
 * The share-URL codec: a scenario ⇄ a short, versioned query string such as
 * `v=1&p=baseline&wcs=1.2&pol=degrade`. The format is described in docs/sharing.md.
 *
 * Encoding writes the version, the preset, and only what differs from the preset (parameters by their
 * catalog short keys in catalog order, the policy, formulas as `f.<driverId>`), then optionally a pinned
 * baseline under `b.`. Decoding treats the query as untrusted: every entry is either accepted or reported
 * in `issues` with a reason, invalid values fall back to the preset's, and it never throws.
 */
import { RETIRED_DRIVERS, RETIRED_KEYS } from "./retired";
import { CHOICES, DRIVERS, PARAMS, type ParamSpec, type ThrottlePolicy } from "../model";
import { checkFormulaSyntax, FormulaError, MAX_FORMULA_LENGTH } from "../model/formulaSyntax";
import { DEFAULT_SEED as DEFAULT_MC_SEED, MAX_RUNS, MIN_RUNS } from "../model/mc/types";
import { CURRENT_URL_VERSION, migrateUrlParams } from "./migrations";
import { formatParamValue, formatParamWithUnit, roundToStep } from "./numberFormat";
import { DEFAULT_PRESET_ID, POLICIES, PRESETS, PRESET_BY_ID, presetParams, type ScenarioState } from "./presets";

export { CURRENT_URL_VERSION } from "./migrations";
export { createUrlWriteThrottle, type UrlWriteThrottle } from "./urlThrottle";

/** Key of the format version. */
export const VERSION_KEY = "v";
/** Key of the preset id. */
export const PRESET_KEY = "p";
/** Key of the throttling policy (the catalog's short key for throttlePolicy). */
export const POLICY_KEY = CHOICES.find((c) => c.id === "throttlePolicy")?.short ?? "pol";
/** Prefix of a formula key: `f.<driverId>`. */
export const FORMULA_PREFIX = "f.";
/** Prefix of every key of the pinned baseline scenario: `b.p`, `b.wcs`, `b.f.agentHours` … */
export const BASELINE_PREFIX = "b.";
/** Key of the Monte Carlo run count; present when uncertainty bands are shown. */
export const RUNS_KEY = "mc";
/** Key of the Monte Carlo seed. */
export const SEED_KEY = "seed";
/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;
/** Longest number accepted, in characters. */
export const MAX_NUMBER_LENGTH = 32;
/** Longest preset or policy name accepted, in characters. */
export const MAX_NAME_LENGTH = 64;
/** How much of a rejected key or value an issue quotes. */
const QUOTE_LENGTH = 60;

/** Something in a link that was not used, and why. */
export interface UrlIssue {
  /** The key as written in the link (truncated when long). */
  key: string;
  /** The value as written (truncated when long). */
  raw: string;
  /**
   * Why it was ignored and what was used instead, in words an analyst can act on. Written by the app only: it
   * never repeats text from the link (the link's text is in `key`, `raw` and `detail`, shown as code).
   */
  reason: string;
  /** The part of the value the reason is about (a formula's unknown name, the parser's complaint), shortened. */
  detail?: string;
}

/** What a link opens to: the scenario, an optional pinned baseline, and everything that was ignored. */
export interface DecodedScenario {
  state: ScenarioState;
  baseline?: ScenarioState;
  /** One entry per ignored key or value. */
  issues: UrlIssue[];
  /** Keys that were read and used (after migration); with `issues` this accounts for every entry. */
  accepted: string[];
  /** The version the link was written in (0 for the legacy full-id form). */
  version: number;
  /** Set when the link says it was written by a newer version than this app's (it is read best effort). */
  newerVersion?: boolean;
  /** Monte Carlo settings the link holds: the run count (bands shown) and the seed; absent when it names neither. */
  montecarlo?: MonteCarloLink;
}

/** Monte Carlo settings in a link: `runs` null when bands are off; `seed` always set. */
export interface MonteCarloLink {
  runs: number | null;
  seed: number;
}

/** The result of reading one value: valid, invalid with a reason, or missing. */
export type ValueParse<T> = { status: "valid"; value: T } | { status: "invalid"; reason: string } | { status: "missing" };

const PARAM_BY_SHORT: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.short, p]));
const PARAM_BY_LONG: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.id, p]));
const DRIVER_IDS: ReadonlySet<string> = new Set(DRIVERS.map((d) => d.id));
/** Names a formula may use: t, year, base and every parameter id. */
const FORMULA_SYMBOLS: ReadonlySet<string> = new Set(["t", "year", "base", ...PARAMS.map((p) => p.id)]);

/** A plain decimal number; no hex, no "Infinity", no "NaN". Unambiguous, so it cannot backtrack. */
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const quote = (s: string) => (s.length > QUOTE_LENGTH ? `${s.slice(0, QUOTE_LENGTH)}…` : s);
const rangeText = (spec: ParamSpec) => `${formatParamValue(spec, spec.min)} to ${formatParamWithUnit(spec, spec.max)}`;

/**
 * One parameter's URL value: a decimal string → a number within [min, max], rounded to the step. Written out
 * by hand rather than with zod because every page load runs it: these few checks would bring the whole schema
 * library into the page's first-load JS (README, "Dependencies and why").
 */
function checkParamText(spec: ParamSpec, text: string): ValueParse<number> {
  if (!NUMBER_RE.test(text)) return { status: "invalid", reason: "not a number" };
  const value = roundToStep(Number(text), spec.step);
  if (!Number.isFinite(value)) return { status: "invalid", reason: "not a finite number" };
  if (value < spec.min) return { status: "invalid", reason: `below the minimum; allowed ${rangeText(spec)}` };
  if (value > spec.max) return { status: "invalid", reason: `above the maximum; allowed ${rangeText(spec)}` };
  return { status: "valid", value };
}

/** Reads one parameter's value from a link: a finite number within the catalog's range, rounded to its step. */
export function parseParamValue(spec: ParamSpec, raw: string | null | undefined): ValueParse<number> {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (raw.length > MAX_NUMBER_LENGTH) return { status: "invalid", reason: `value too long (${raw.length} characters; at most ${MAX_NUMBER_LENGTH})` };
  return checkParamText(spec, raw.trim());
}

/** Reads a preset id from a link. */
export function parsePresetId(raw: string | null | undefined): ValueParse<string> {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (raw.length > MAX_NAME_LENGTH) return { status: "invalid", reason: `value too long (${raw.length} characters; at most ${MAX_NAME_LENGTH})` };
  return PRESET_BY_ID.has(raw) ? { status: "valid", value: raw } : { status: "invalid", reason: `unknown preset; known presets: ${PRESETS.map((p) => p.id).join(", ")}` };
}

/** Reads a throttling policy from a link. */
export function parsePolicy(raw: string | null | undefined): ValueParse<ThrottlePolicy> {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (raw.length > MAX_NAME_LENGTH) return { status: "invalid", reason: `value too long (${raw.length} characters; at most ${MAX_NAME_LENGTH})` };
  return (POLICIES as readonly string[]).includes(raw) ? { status: "valid", value: raw as ThrottlePolicy } : { status: "invalid", reason: `unknown throttling policy; allowed: ${POLICIES.join(", ")}` };
}

/**
 * The formula checker's message split into words of the app's own (the reason) and the text from the formula
 * it quotes (the detail), so that a notice never shows a link's text as prose.
 */
export function formulaRefusal(message: string): { reason: string; detail?: string } {
  const m = message.replace(/\.$/, "");
  let r: RegExpExecArray | null;
  if ((r = /^Unknown name "(.*)"\. (.*)$/s.exec(m))) return { reason: `unknown name; ${r[2].replace(/^U/, "u")}`, detail: quote(r[1]) };
  if ((r = /^The operator "(.*)" is not allowed$/s.exec(m))) return { reason: "an operator that is not allowed", detail: quote(r[1]) };
  if ((r = /^The function "(.*)" is not allowed\. (Allowed: .*)$/s.exec(m))) return { reason: `a function that is not allowed; ${r[2].replace(/^A/, "a")}`, detail: quote(r[1]) };
  // A parse-tree node type (e.g. "Assignment") is the checker's vocabulary, not the link's text.
  if ((r = /^"([A-Za-z]{1,40})" expressions are not allowed in a formula$/.exec(m))) return { reason: `${r[1].toLowerCase()} expressions are not allowed in a formula` };
  if ((r = /^Cannot read the formula: (.*)$/s.exec(m))) return { reason: "it cannot be read as a formula", detail: quote(r[1]) };
  // The checker's own sentences ("The formula is empty", "… too complex …") quote nothing from the link.
  if (!m.includes('"')) return { reason: m.charAt(0).toLowerCase() + m.slice(1) };
  return { reason: "it is not allowed", detail: quote(m) };
}

/** Reads a Monte Carlo run count: an integer from MIN_RUNS to MAX_RUNS. */
export function parseRunCount(raw: string | null | undefined): ValueParse<number> {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (!/^\d{1,6}$/.test(raw.trim())) return { status: "invalid", reason: `not a whole number of runs; allowed ${MIN_RUNS} to ${MAX_RUNS.toLocaleString("en-US")}` };
  const n = Number(raw.trim());
  if (n < MIN_RUNS || n > MAX_RUNS) return { status: "invalid", reason: `${n.toLocaleString("en-US")} runs is out of range; allowed ${MIN_RUNS} to ${MAX_RUNS.toLocaleString("en-US")}` };
  return { status: "valid", value: n };
}

/** Reads a Monte Carlo seed: an integer from 0 to 4,294,967,295. */
export function parseSeed(raw: string | null | undefined): ValueParse<number> {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (!/^\d{1,10}$/.test(raw.trim()) || Number(raw.trim()) > MAX_SEED) return { status: "invalid", reason: `not a seed; seeds are whole numbers from 0 to ${MAX_SEED.toLocaleString("en-US")}` };
  return { status: "valid", value: Number(raw.trim()) };
}

/** Reads a formula for a driver: it must compile under the model's allow-list. */
export function parseFormula(driverId: string, raw: string | null | undefined): ValueParse<string> & { detail?: string } {
  if (raw === null || raw === undefined) return { status: "missing" };
  if (!DRIVER_IDS.has(driverId)) return { status: "invalid", reason: `no driver of that name takes a formula; drivers: ${[...DRIVER_IDS].join(", ")}` };
  if (raw.length > MAX_FORMULA_LENGTH) return { status: "invalid", reason: `value too long (${raw.length} characters; at most ${MAX_FORMULA_LENGTH})` };
  const text = raw.trim();
  try {
    checkFormulaSyntax(text, FORMULA_SYMBOLS);
  } catch (e) {
    const refusal = e instanceof FormulaError ? formulaRefusal(e.message) : { reason: "it cannot be read" };
    return { status: "invalid", reason: `formula refused: ${refusal.reason}`, ...(refusal.detail !== undefined ? { detail: refusal.detail } : {}) };
  }
  return { status: "valid", value: text };
}

/** The scenario's entries in URL form, with keys prefixed (for the baseline). */
function appendScenario(out: URLSearchParams, state: ScenarioState, prefix: string): void {
  const presetId = PRESET_BY_ID.has(state.presetId) ? state.presetId : DEFAULT_PRESET_ID;
  const preset = PRESET_BY_ID.get(presetId)!;
  const presetValues = presetParams(presetId);
  out.append(prefix + PRESET_KEY, presetId);
  const overrides = state.overrides ?? {};
  for (const spec of PARAMS) {
    if (!Object.prototype.hasOwnProperty.call(overrides, spec.id)) continue;
    const v = overrides[spec.id];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const value = roundToStep(Math.min(Math.max(v, spec.min), spec.max), spec.step);
    if (value === roundToStep(presetValues[spec.id], spec.step)) continue;
    out.append(prefix + spec.short, formatParamValue(spec, value));
  }
  if (state.policy && state.policy !== preset.policy && POLICIES.includes(state.policy)) out.append(prefix + POLICY_KEY, state.policy);
  const formulas = state.formulas ?? {};
  for (const d of DRIVERS) {
    if (!Object.prototype.hasOwnProperty.call(formulas, d.id)) continue;
    const text = formulas[d.id];
    if (typeof text === "string" && text.trim() !== "") out.append(prefix + FORMULA_PREFIX + d.id, text.trim());
  }
}

/**
 * Writes a scenario (and optionally a pinned baseline and Monte Carlo settings) as a share-URL query string,
 * without the "?". Only what differs from the preset is written (the seed whenever bands are on, so a link
 * names the sample it shows); values are clamped to their range and rounded to their step.
 */
export function encodeScenario(state: ScenarioState, opts?: { baseline?: ScenarioState; montecarlo?: MonteCarloLink }): string {
  const out = new URLSearchParams();
  out.append(VERSION_KEY, String(CURRENT_URL_VERSION));
  appendScenario(out, state, "");
  const mc = opts?.montecarlo;
  if (mc && mc.runs !== null && parseRunCount(String(mc.runs)).status === "valid") out.append(RUNS_KEY, String(mc.runs));
  if (mc && parseSeed(String(mc.seed)).status === "valid" && (mc.runs !== null || mc.seed !== DEFAULT_MC_SEED)) out.append(SEED_KEY, String(mc.seed));
  if (opts?.baseline) appendScenario(out, opts.baseline, BASELINE_PREFIX);
  return out.toString();
}

/**
 * Longest query written in the query string; a longer one goes into the fragment. Servers and proxies refuse
 * request lines or headers past 8–16 KB (Node: HTTP 431 above 16 KB); the fragment is never sent to a server.
 */
export const MAX_QUERY_IN_SEARCH = 6000;

/**
 * Where a scenario query goes in a link: `?query` when it is at most MAX_QUERY_IN_SEARCH characters, else
 * `#query` (same format, in the fragment). Returns the search and hash to set (each "" or with its sign).
 */
export function shareLocation(query: string): { search: string; hash: string } {
  return query.length <= MAX_QUERY_IN_SEARCH ? { search: `?${query}`, hash: "" } : { search: "", hash: `#${query}` };
}

/** A path with a scenario query placed by `shareLocation`: `/brief?v=1…`, or `/brief#v=1…` for a long one. */
export function linkTo(path: string, query: string): string {
  const { search, hash } = shareLocation(query);
  return `${path}${search}${hash}`;
}

/** A full share URL: `base` (origin and path, any query or hash dropped) + the encoded scenario, by `shareLocation`. */
export function shareUrl(base: string, state: ScenarioState, opts?: { baseline?: ScenarioState }): string {
  const { search, hash } = shareLocation(encodeScenario(state, opts));
  return `${base.replace(/[?#].*$/s, "")}${search}${hash}`;
}

/** The scenario a link of it opens to: rounded, clamped, and without overrides equal to the preset. */
export function normalizeScenario(state: ScenarioState): ScenarioState {
  return decodeScenario(encodeScenario(state)).state;
}

/** Raw entries of one scenario in a link, before validation: [key as written, value]. */
interface RawScenario {
  preset?: [string, string];
  policy?: [string, string];
  params: Map<string, [string, string]>;
  formulas: Map<string, [string, string]>;
  size: number;
}

const emptyRaw = (): RawScenario => ({ params: new Map(), formulas: new Map(), size: 0 });

/** True if a URL fragment (with or without "#") holds a scenario: it starts with the version key, `v=`. */
export function isScenarioFragment(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(`${VERSION_KEY}=`);
}

/**
 * The scenario query of a link's two parts: the fragment when it holds a scenario (long links are written
 * there, see `shareLocation`), else the query. Takes `location.search` and `location.hash` as they are.
 */
export function linkQuery(search: string, hash: string): string {
  return isScenarioFragment(hash) ? hash.replace(/^#/, "") : search.replace(/^\?/, "");
}

/** Turns a query string, a "?…" search, or a full URL into its parameters. */
function toParams(query: string | URLSearchParams): URLSearchParams {
  if (typeof query !== "string") return new URLSearchParams(query);
  let q = query;
  // Only a full URL ("https://…") or a path ("/app?…" or "/app#v=…", no "=" or "&" before its "?" or "#") is
  // cut at "?" and "#": a bare query may hold the "?" or "#" of a formula, or even begin with "/".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(q) || /^\/[^=&?#]*([?#]|$)/.test(q)) {
    const h = q.indexOf("#");
    const hash = h >= 0 ? q.slice(h) : "";
    const beforeHash = h >= 0 ? q.slice(0, h) : q;
    const i = beforeHash.indexOf("?");
    q = linkQuery(i < 0 ? "" : beforeHash.slice(i), hash);
  }
  return new URLSearchParams(q);
}

/** Reads the link's version; `v` absent means the legacy full-id form (v0). */
function readVersion(params: URLSearchParams, issues: UrlIssue[], accepted: string[], flags: { newer: boolean }): number {
  const all = params.getAll(VERSION_KEY);
  if (all.length === 0) return 0;
  for (const extra of all.slice(1)) issues.push({ key: VERSION_KEY, raw: quote(extra), reason: "repeated key; the first value is used" });
  const raw = all[0];
  if (!/^\d{1,6}$/.test(raw)) {
    issues.push({ key: VERSION_KEY, raw: quote(raw), reason: `unknown link version; read as version ${CURRENT_URL_VERSION}, best effort` });
    return CURRENT_URL_VERSION;
  }
  const v = Number(raw);
  if (v > CURRENT_URL_VERSION) {
    issues.push({ key: VERSION_KEY, raw: quote(raw), reason: `link written by a newer version of Chokepoint; read as version ${CURRENT_URL_VERSION}, best effort` });
    flags.newer = true;
    return CURRENT_URL_VERSION;
  }
  accepted.push(VERSION_KEY);
  return v;
}

/** Validates one scenario's raw entries; `prefix` is "" or "b.". */
function resolveRaw(raw: RawScenario, issues: UrlIssue[], accepted: string[]): ScenarioState {
  let presetId = DEFAULT_PRESET_ID;
  if (raw.preset) {
    const [key, value] = raw.preset;
    const r = parsePresetId(value);
    if (r.status === "valid") {
      presetId = r.value;
      accepted.push(key);
    } else if (r.status === "invalid") {
      issues.push({ key: quote(key), raw: quote(value), reason: `${r.reason}; using ${DEFAULT_PRESET_ID}` });
    }
  }
  const preset = PRESET_BY_ID.get(presetId)!;
  const presetValues = presetParams(presetId);
  const overrides: Record<string, number> = {};
  for (const spec of PARAMS) {
    const entry = raw.params.get(spec.id);
    if (!entry) continue;
    const [key, value] = entry;
    const r = parseParamValue(spec, value);
    if (r.status === "valid") {
      accepted.push(key);
      if (r.value !== roundToStep(presetValues[spec.id], spec.step)) overrides[spec.id] = r.value;
    } else if (r.status === "invalid") {
      issues.push({ key: quote(key), raw: quote(value), reason: `${spec.label}: ${r.reason}; using the preset's ${formatParamWithUnit(spec, presetValues[spec.id])}` });
    }
  }
  const state: ScenarioState = { presetId, overrides };
  if (raw.policy) {
    const [key, value] = raw.policy;
    const r = parsePolicy(value);
    if (r.status === "valid") {
      accepted.push(key);
      if (r.value !== preset.policy) state.policy = r.value;
    } else if (r.status === "invalid") {
      issues.push({ key: quote(key), raw: quote(value), reason: `${r.reason}; using the preset's ${preset.policy}` });
    }
  }
  const formulas: Record<string, string> = {};
  for (const [driverId, [key, value]] of raw.formulas) {
    const retired = RETIRED_DRIVERS.get(driverId);
    if (retired) {
      issues.push({ key: quote(key), raw: quote(value), reason: `the ${retired.id} driver was retired in model ${retired.retiredIn}: ${retired.replacedBy}; ignored` });
      continue;
    }
    const r = parseFormula(driverId, value);
    if (r.status === "valid") {
      accepted.push(key);
      formulas[driverId] = r.value;
    } else if (r.status === "invalid") {
      issues.push({ key: quote(key), raw: quote(value), reason: `${r.reason}; using the default path`, ...(r.detail !== undefined ? { detail: r.detail } : {}) });
    }
  }
  if (Object.keys(formulas).length) {
    // Drivers in catalog order, so that equal scenarios compare equal however the link ordered them.
    state.formulas = {};
    for (const d of DRIVERS) if (d.id in formulas) state.formulas[d.id] = formulas[d.id];
  }
  return state;
}

function decodeUnsafe(query: string | URLSearchParams): DecodedScenario {
  const issues: UrlIssue[] = [];
  const accepted: string[] = [];
  const params = toParams(query);
  const flags = { newer: false };
  const version = readVersion(params, issues, accepted, flags);
  params.delete(VERSION_KEY);
  const original = [...params.keys()];
  const migrated = [...migrateUrlParams(params, version)];
  // Migrations rename one to one, so an issue can quote the key the author actually wrote.
  const writtenKey = (i: number, key: string) => (migrated.length === original.length ? original[i] : key);

  const main = emptyRaw();
  const base = emptyRaw();
  const seen = new Set<string>();
  const mcRaw: Partial<Record<typeof RUNS_KEY | typeof SEED_KEY, [string, string]>> = {};
  migrated.forEach(([key, value], i) => {
    const written = writtenKey(i, key);
    if (seen.has(key)) {
      issues.push({ key: quote(written), raw: quote(value), reason: "repeated key; the first value is used" });
      return;
    }
    seen.add(key);
    const isBase = key.startsWith(BASELINE_PREFIX);
    const target = isBase ? base : main;
    const k = isBase ? key.slice(BASELINE_PREFIX.length) : key;
    target.size++;
    if (!isBase && (k === RUNS_KEY || k === SEED_KEY)) {
      target.size--;
      mcRaw[k] = [written, value];
    } else if (k === PRESET_KEY) target.preset = [written, value];
    else if (k === POLICY_KEY) target.policy = [written, value];
    else if (k.startsWith(FORMULA_PREFIX)) target.formulas.set(k.slice(FORMULA_PREFIX.length), [written, value]);
    else if (PARAM_BY_SHORT.has(k)) target.params.set(PARAM_BY_SHORT.get(k)!.id, [written, value]);
    else {
      target.size--;
      const long = PARAM_BY_LONG.get(k);
      const retired = RETIRED_KEYS.get(k);
      if (retired) issues.push({ key: quote(written), raw: quote(value), reason: `${retired.id} was retired in model ${retired.retiredIn}: ${retired.replacedBy}; ignored` });
      else {
        const hint = long ? ` (in a v${CURRENT_URL_VERSION} link, ${long.id} is written ${long.short})` : "";
        issues.push({ key: quote(written), raw: quote(value), reason: `unknown key${hint}; ignored` });
      }
    }
  });

  const state = resolveRaw(main, issues, accepted);
  const result: DecodedScenario = { state, issues, accepted, version, ...(flags.newer ? { newerVersion: true } : {}) };
  const mc = resolveMonteCarlo(mcRaw, issues, accepted);
  if (mc) result.montecarlo = mc;
  if (base.size > 0) result.baseline = resolveRaw(base, issues, accepted);
  return result;
}

/** Validates the link's Monte Carlo keys; null when it has neither. */
function resolveMonteCarlo(raw: Partial<Record<string, [string, string]>>, issues: UrlIssue[], accepted: string[]): MonteCarloLink | null {
  let runs: number | null = null, seed: number | null = null;
  for (const [k, parse] of [[RUNS_KEY, parseRunCount], [SEED_KEY, parseSeed]] as const) {
    const entry = raw[k];
    if (!entry) continue;
    const r = parse(entry[1]);
    if (r.status === "valid") {
      accepted.push(entry[0]);
      if (k === RUNS_KEY) runs = r.value;
      else seed = r.value;
    } else if (r.status === "invalid") {
      issues.push({ key: quote(entry[0]), raw: quote(entry[1]), reason: `${r.reason}; ${k === RUNS_KEY ? "uncertainty bands left off" : "using the default seed"}` });
    }
  }
  return runs === null && seed === null ? null : { runs, seed: seed ?? DEFAULT_MC_SEED };
}

/**
 * Reads a share link (a query string, "?…", a full URL, or URLSearchParams) into a scenario. Untrusted input:
 * never throws; every value is finite and within its range; each ignored entry is listed in `issues`.
 * Links older than the current version are migrated first (lib/scenario/migrations.ts).
 */
export function decodeScenario(query: string | URLSearchParams): DecodedScenario {
  try {
    return decodeUnsafe(query);
  } catch (e) {
    // Defensive: nothing above is expected to throw, but a link must never take the page down.
    return {
      state: { presetId: DEFAULT_PRESET_ID, overrides: {} },
      issues: [{ key: "", raw: "", reason: `the link could not be read (${e instanceof Error ? quote(e.message) : "unknown error"}); opened ${DEFAULT_PRESET_ID}` }],
      accepted: [],
      version: CURRENT_URL_VERSION,
    };
  }
}
