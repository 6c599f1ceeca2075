import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DRIVERS, PARAMS, PARAM_BY_ID } from "@/lib/model";
import { compileFormula } from "@/lib/model/formula";
import { POLICIES, PRESETS, PRESET_BY_ID, type ScenarioState } from "@/lib/scenario/presets";
import { encodeScenario } from "@/lib/scenario/url";
import { openLink } from "@/lib/store/urlSync";

// 10,000 random and hostile links through the function the workspace and the brief open their link with
// (openLink: location.search and location.hash → scenario and notice). About 2 ms a link on a loaded 2-core
// machine (load average 15): some 30–55 s; FUZZ_LINK_RUNS lowers the count for a quick local run.
const RUNS = Number(process.env.FUZZ_LINK_RUNS ?? 10_000);
/** Any code point, lone surrogates included (fast-check's "binary" unit is slow to generate at this count). */
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c)));
const SYMBOLS = new Set(["t", "year", "base", ...PARAMS.map((p) => p.id)]);

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PARAMS.map((p) => p.short)) },
  fc.constantFrom(...PARAMS.map((p) => p.id)),
  fc.constantFrom("v", "p", "pol", "preset", "policy", "throttlePolicy", "b.p", "b.pol", "b.v", "b.b.p", "f.", "b.f.", "f.__proto__", "__proto__", "constructor", "toString", "b.constructor"),
  fc.constantFrom(...DRIVERS.map((d) => `f.${d.id}`), ...DRIVERS.map((d) => `b.f.${d.id}`)),
  fc.constantFrom(...PARAMS.map((p) => `b.${p.short}`)),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: anyChar, maxLength: 8 }),
);

const value = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x.toFixed(3)),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "-0", "0x10", "1e-400", "", " ", "١٢", "１", "1,5", "5.", ".5", "+1", "--1"),
  fc.constantFrom(...PRESETS.map((p) => p.id), ...POLICIES, "BASELINE", "__proto__", "hasOwnProperty"),
  fc.constantFrom(
    "base * 1.5",
    "min(base, 2 * agentSaturationM)",
    "import('fs')",
    "constructor.constructor('return process')()",
    "x = 3",
    "f(x) = x",
    "t > 24 ? base : 0",
    "1/0",
    "exp(1e5)",
    "log(-1)",
    "sqrt(base - 1e12)",
    "0/0",
    "[1,2]",
    "\"s\"",
    "base # comment",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "${7*7}",
    "{{7*7}}",
    "(".repeat(300),
    "1+".repeat(250) + "1",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: anyChar, maxLength: 20 }),
  fc.integer({ min: 30, max: 3000 }).map((n) => "7".repeat(n)),
);

/** Encodes a value correctly, raw (breaking & = # % into the query), doubly, or with a broken escape. */
function mangle(s: string, how: number): string {
  // A lone surrogate cannot be percent-encoded: such a value goes in raw.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)) return s;
  if (how === 0) return encodeURIComponent(s);
  if (how === 1) return s;
  if (how === 2) return encodeURIComponent(encodeURIComponent(s));
  return `${encodeURIComponent(s)}%${["", "Z", "E0%A4", "D8%00", "FF"][how % 5]}`;
}

/** A random valid scenario, as the app would write it. */
const validState: fc.Arbitrary<ScenarioState> = fc.record({
  presetId: fc.constantFrom(...PRESETS.map((p) => p.id)),
  overrides: fc.dictionary(
    fc.constantFrom(...PARAMS.map((p) => p.id)),
    fc.double({ min: 0, max: 1, noNaN: true }),
    { maxKeys: 12 },
  ),
  policy: fc.option(fc.constantFrom(...POLICIES), { nil: undefined }),
}).map((s) => ({ ...s, overrides: Object.fromEntries(Object.entries(s.overrides).map(([id, u]) => [id, PARAM_BY_ID.get(id)!.min + u * (PARAM_BY_ID.get(id)!.max - PARAM_BY_ID.get(id)!.min)])) }));

const hostileBody = fc.array(fc.tuple(key, value, fc.nat(6), fc.nat(6)), { maxLength: 16 }).map((es) => es.map(([k, v, hk, hv]) => `${mangle(k, hk)}=${mangle(v, hv)}`).join("&"));

/** A whole link as the page sees it: a hostile query, a valid link with hostile entries spliced in, in the query string or the fragment. */
const link = fc
  .tuple(
    fc.oneof(hostileBody, fc.tuple(validState, hostileBody, fc.boolean()).map(([s, extra, pin]) => `${encodeScenario(s, pin ? { baseline: s } : undefined)}&${extra}`)),
    fc.constantFrom("search", "hash", "both", "search+anchor"),
    fc.constantFrom("", "v=1&", "v=7&", "v=0&", "v=abc&", "v=1&v=2&"),
  )
  .map(([body, where, version]) => {
    const q = version + body;
    if (where === "search") return { search: `?${q}`, hash: "" };
    if (where === "hash") return { search: "", hash: `#${q}` };
    if (where === "both") return { search: "?v=1&p=chronic", hash: `#${q}` };
    return { search: `?${q}`, hash: "#section" };
  });

function checkState(s: ScenarioState, where: string) {
  expect(PRESET_BY_ID.has(s.presetId), where).toBe(true);
  for (const [id, v] of Object.entries(s.overrides)) {
    const spec = PARAM_BY_ID.get(id);
    expect(spec, `${where}: ${id}`).toBeDefined();
    expect(Number.isFinite(v) && v >= spec!.min && v <= spec!.max, `${where}: ${id}=${v}`).toBe(true);
  }
  if (s.policy !== undefined) expect(POLICIES).toContain(s.policy);
  for (const [driver, text] of Object.entries(s.formulas ?? {})) {
    expect(DRIVERS.some((d) => d.id === driver), driver).toBe(true);
    expect(() => compileFormula(text, SYMBOLS)).not.toThrow();
  }
  expect(Object.getPrototypeOf(s.overrides)).toBe(Object.prototype);
}

describe("hostile share links through the page's load path", () => {
  it(`${RUNS.toLocaleString("en")} random and hostile links: no throw, a valid scenario, a notice for every ignored entry`, () => {
    fc.assert(
      fc.property(link, ({ search, hash }) => {
        const opened = openLink(search, hash);
        if (!opened.decoded) {
          expect(opened.query).toBe("");
          return;
        }
        const d = opened.decoded;
        checkState(d.state, "state");
        if (d.baseline) checkState(d.baseline, "baseline");
        // Every entry of the link is either used or listed in the notice.
        const entries = [...new URLSearchParams(opened.query)].length;
        expect(d.accepted.length + d.issues.length).toBe(entries);
        expect(opened.notice === null).toBe(d.issues.length === 0);
        for (const i of d.issues) {
          expect(i.key.length).toBeLessThanOrEqual(61);
          expect(i.raw.length).toBeLessThanOrEqual(61);
          expect(typeof i.reason).toBe("string");
        }
        if (opened.notice) expect(opened.notice.dropOnEdit.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
  }, 120_000);
});
