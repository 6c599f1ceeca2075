import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DRIVERS, PARAMS, PARAM_BY_ID, checkFormulaSyntax, installFormulaCompiler, simulate } from "@/lib/model";
import { compileFormula } from "@/lib/model/formula";

installFormulaCompiler(compileFormula);
import { POLICIES, PRESET_BY_ID, resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { decodeScenario, encodeScenario } from "@/lib/scenario/url";

const DRIVER_IDS = DRIVERS.map((d) => d.id);
const SYMBOLS = new Set(["t", "year", "base", ...PARAMS.map((p) => p.id)]);

const hostileKey = fc.oneof(
  fc.constantFrom(...PARAMS.map((p) => p.short)),
  fc.constantFrom(...PARAMS.map((p) => p.id)),
  fc.constantFrom("v", "p", "pol", "preset", "throttlePolicy", "policy", "b.", "f.", "b.p", "b.pol", "b.b.p", "f.", "f.__proto__", "b.f.agentHours"),
  fc.constantFrom(...DRIVER_IDS.map((d) => `f.${d}`), ...DRIVER_IDS.map((d) => `b.f.${d}`)),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "b.__proto__", "b.constructor", "valueOf"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom(...PARAMS.slice(0, 10).map((p) => `b.${p.short}`)),
);

const hostileValue = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "+Infinity", "1e309", "-1e309", "1e308", "1e-400", "0x1F", "0b11", "1_000", "1,5", "٣", "１", "", " ", "-0", "+0", ".5", "5.", "1e", "e5", "--1", "1..2"),
  fc.constantFrom(...[...PRESET_BY_ID.keys()], "BASELINE", "baseline ", "toString", "__proto__"),
  fc.constantFrom(...POLICIES, "Priority", "fifo"),
  fc.constantFrom(
    "import('fs')",
    "evaluate(\"1+1\")",
    "x = 3",
    "f(x) = x^2",
    "t.constructor",
    "constructor",
    "__proto__",
    "[1, 2, 3]",
    "{a: 1}",
    "\"text\"",
    "2 cm",
    "t; 1",
    "base * 1.5",
    "10^400",
    "1/0",
    "log(-1)",
    "exp(1000) * base",
    "t > 24 ? base : 0",
    "clamp(base, 0, 1)",
    "createUnit('x')",
    "simplify('x')",
    "parse('1')",
    "chain(1)",
    "eval('1')",
    "(1)".repeat(200),
    "1+".repeat(300) + "1",
  ),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toPrecision(12)),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer({ min: 33, max: 10_000 }).map((n) => "9".repeat(n)),
  fc.constant("x".repeat(10_000)),
);

/** Encodes a value in one of several ways, some of them broken. */
const mangle = (s: string, how: number): string => {
  switch (how) {
    case 0:
      return encodeURIComponent(s);
    case 1:
      return s; // raw: may contain &, =, #, %, spaces
    case 2:
      return encodeURIComponent(s).replace(/%/g, "%25");
    default:
      return `${encodeURIComponent(s)}%${["", "Z", "ZZ", "E0%A4%A", "00", "FF", "D8%00"][how % 7]}`;
  }
};

const hostileQuery = fc
  .array(fc.tuple(hostileKey, hostileValue, fc.nat(9), fc.nat(9), fc.nat(20)), { maxLength: 30 })
  .chain((entries) =>
    fc.tuple(fc.constant(entries), fc.constantFrom("", "?", "https://example.org/app?", "/app?"), fc.constantFrom("&", "&&", "&;", "&")).map(([es, head, sep]) => {
      const body = es
        .map(([k, v, hk, hv, form]) => {
          if (form === 0) return mangle(k, hk); // key with no "="
          if (form === 1) return `${mangle(k, hk)}=`; // empty value
          return `${mangle(k, hk)}=${mangle(v, hv)}`;
        })
        .join(sep);
      // A bare query that looks like a URL or a path would be read as one; keep it a query.
      return head === "" && /^(\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(body) ? `&${body}` : head + body;
    }),
  );

function checkState(s: ScenarioState): void {
  expect(PRESET_BY_ID.has(s.presetId)).toBe(true);
  expect(Object.getPrototypeOf(s.overrides)).toBe(Object.prototype);
  for (const id of Object.keys(s.overrides)) {
    const spec = PARAM_BY_ID.get(id);
    expect(spec, `override of unknown parameter ${id}`).toBeDefined();
    const v = s.overrides[id];
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(spec!.min);
    expect(v).toBeLessThanOrEqual(spec!.max);
  }
  if (s.policy !== undefined) expect(POLICIES).toContain(s.policy);
  for (const [id, text] of Object.entries(s.formulas ?? {})) {
    expect(DRIVER_IDS).toContain(id);
    expect(() => checkFormulaSyntax(text, SYMBOLS)).not.toThrow();
  }
}

/** Scenarios already run (many hostile links decode to the same scenario); the model takes ~10 ms a run. */
const ran = new Set<string>();

/** Runs the model on a decoded scenario, formulas included: every metric must be finite. */
function checkRun(s: ScenarioState): void {
  const key = encodeScenario(s);
  if (ran.has(key)) return;
  ran.add(key);
  const run = simulate(resolveScenario(s));
  for (const [id, m] of Object.entries(run.metrics)) {
    if (typeof m === "number") expect(Number.isFinite(m), `metric ${id}`).toBe(true);
    else if (m && typeof m === "object") expect(Number.isFinite(m.value), `metric ${id}.value`).toBe(true);
  }
}

describe("1,000 mangled and hostile share URLs", () => {
  it("never throw, keep every number finite and in range, report every ignored entry, and simulate to finite metrics", () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        let d!: ReturnType<typeof decodeScenario>;
        expect(() => (d = decodeScenario(query))).not.toThrow();
        // The defensive catch-all is never what answered.
        expect(d.issues.some((i) => i.reason.startsWith("the link could not be read"))).toBe(false);
        checkState(d.state);
        if (d.baseline) checkState(d.baseline);
        // Every entry is either used or reported.
        // (A full URL or path is cut at "?" and at "#"; a bare query is read whole.)
        const bare = /^(https:\/\/example\.org)?\/app\?/.test(query) ? query.slice(query.indexOf("?") + 1).replace(/#.*$/s, "") : query;
        expect(d.accepted.length + d.issues.length).toBe([...new URLSearchParams(bare)].length);
        for (const issue of d.issues) {
          expect(issue.reason.length).toBeGreaterThan(0);
          expect(issue.raw.length).toBeLessThanOrEqual(61);
          expect(issue.key.length).toBeLessThanOrEqual(61);
        }
        // Writing what was read and reading it again changes nothing.
        const q = encodeScenario(d.state, { baseline: d.baseline });
        const again = decodeScenario(q);
        expect(again.issues).toEqual([]);
        expect(encodeScenario(again.state, { baseline: again.baseline })).toBe(q);
        checkRun(d.state);
        if (d.baseline) checkRun(d.baseline);
        // Nothing leaked onto Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("formulas that steer a driver to an extreme still give finite series and metrics", () => {
    const extremes = ["0", "-1", "1e300", "-1e300", "5e-324", "1/0", "0/0", "t > 50 ? 1e308 : 0", "exp(t)"];
    for (const d of DRIVERS) {
      for (const f of extremes) {
        const run = simulate(resolveScenario({ presetId: "baseline", overrides: {}, formulas: { [d.id]: f } }));
        for (const [id, s] of Object.entries(run.series)) {
          for (let t = 0; t < s.length; t++) if (!Number.isFinite(s[t])) throw new Error(`${d.id}=${f}: ${id}[${t}] = ${s[t]}`);
        }
        for (const [id, m] of Object.entries(run.metrics)) {
          if (typeof m === "number") expect(Number.isFinite(m), `${d.id}=${f}: ${id}`).toBe(true);
          else if (m && typeof m === "object") expect(Number.isFinite(m.value), `${d.id}=${f}: ${id}`).toBe(true);
        }
      }
    }
  }, 120_000);
});
