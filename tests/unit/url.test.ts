import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { CHOICES, DRIVERS, PARAMS } from "@/lib/model";
import { PRESETS, POLICIES, presetParams, type ScenarioState } from "@/lib/scenario/presets";
import {
  BASELINE_PREFIX,
  FORMULA_PREFIX,
  POLICY_KEY,
  PRESET_KEY,
  VERSION_KEY,
  createUrlWriteThrottle,
  decodeScenario,
  encodeScenario,
  normalizeScenario,
  parseParamValue,
  shareUrl,
} from "@/lib/scenario/url";
import { CURRENT_URL_VERSION, URL_MIGRATIONS, migrateUrlParams } from "@/lib/scenario/migrations";
import { formatParamValue, roundToStep, stepDecimals } from "@/lib/scenario/numberFormat";

const spec = (id: string) => PARAMS.find((p) => p.id === id)!;

/** A random valid scenario: a preset, some in-range values on the step grid, maybe a policy and a formula. */
const scenarioArb: fc.Arbitrary<ScenarioState> = fc
  .record({
    presetId: fc.constantFrom(...PRESETS.map((p) => p.id)),
    picks: fc.array(fc.tuple(fc.integer({ min: 0, max: PARAMS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }),
    policy: fc.option(fc.constantFrom(...POLICIES), { nil: undefined }),
    formula: fc.option(fc.tuple(fc.constantFrom(...DRIVERS.map((d) => d.id)), fc.constantFrom("base * 1.1", "min(base, 100 + t)", "t > 24 ? base : base / 2")), { nil: undefined }),
  })
  .map(({ presetId, picks, policy, formula }) => {
    const overrides: Record<string, number> = {};
    for (const [i, u] of picks) {
      const p = PARAMS[i];
      overrides[p.id] = roundToStep(p.min + u * (p.max - p.min), p.step);
    }
    const s: ScenarioState = { presetId, overrides };
    if (policy) s.policy = policy;
    if (formula) s.formulas = { [formula[0]]: formula[1] };
    return s;
  });

describe("catalog keys", () => {
  it("short keys are unique and collide with none of the reserved keys or prefixes", () => {
    const shorts = PARAMS.map((p) => p.short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const s of shorts) {
      expect([VERSION_KEY, PRESET_KEY, POLICY_KEY]).not.toContain(s);
      expect(s.startsWith(FORMULA_PREFIX) || s.startsWith(BASELINE_PREFIX)).toBe(false);
      expect(s).toMatch(/^[a-z0-9]+$/);
    }
    expect(CHOICES.find((c) => c.id === "throttlePolicy")?.short).toBe(POLICY_KEY);
  });
});

describe("number format", () => {
  it("rounds to the step's decimals without trailing zeros or exponents", () => {
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(0.005)).toBe(3);
    expect(stepDecimals(50)).toBe(0);
    expect(formatParamValue({ step: 0.05 }, 1.2)).toBe("1.2");
    expect(formatParamValue({ step: 0.05 }, 1.23456)).toBe("1.23");
    expect(formatParamValue({ step: 1 }, 30.4)).toBe("30");
    expect(formatParamValue({ step: 0.001 }, 0.0015)).toBe("0.002");
    expect(formatParamValue({ step: 0.01 }, -0.001)).toBe("0");
    expect(formatParamValue({ step: 100 }, 30000)).toBe("30000");
  });

  it("formatting a rounded value and reading it back gives the same number", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAMS), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (p, x) => {
        const r = roundToStep(x, p.step);
        expect(Number(formatParamValue(p, r))).toBe(r);
        expect(roundToStep(r, p.step)).toBe(r);
        expect(formatParamValue(p, r)).not.toMatch(/e|\.\d*0$/);
      }),
    );
  });
});

describe("encodeScenario", () => {
  it("writes the version, the preset, and only what differs from it, in catalog order", () => {
    const q = encodeScenario({ presetId: "baseline", overrides: { powerLeadMonths: 24, waferCapacityScale: 1.2, pue: presetParams("baseline").pue }, policy: "degrade" });
    expect(q).toBe("v=1&p=baseline&wcs=1.2&plt=24&pol=degrade");
  });

  it("omits a policy equal to the preset's and carries formulas and a pinned baseline", () => {
    const q = encodeScenario(
      { presetId: "chronic", overrides: {}, policy: "priority", formulas: { agentHours: " base * 1.5 " } },
      { baseline: { presetId: "chronic", overrides: { waferCapacityScale: 0.9 } } },
    );
    expect(q).toBe("v=1&p=chronic&f.agentHours=base+*+1.5&b.p=chronic&b.wcs=0.9");
  });

  it("clamps out-of-range values and drops non-finite ones", () => {
    expect(encodeScenario({ presetId: "baseline", overrides: { waferCapacityScale: 7, pue: Number.NaN } })).toBe("v=1&p=baseline&wcs=2");
  });

  it("builds a full share URL from a page address", () => {
    expect(shareUrl("https://example.org/app?v=1&p=x#top", { presetId: "baseline", overrides: {} })).toBe("https://example.org/app?v=1&p=baseline");
  });

  it("keeps a scenario with every parameter changed under 2,000 characters, and a link with a changed baseline under twice that", () => {
    // For each parameter, the in-range value with the longest written form that differs from every preset.
    const longest: Record<string, number> = {};
    const presetValues = PRESETS.map((pr) => presetParams(pr.id));
    for (const p of PARAMS) {
      const candidates: number[] = [];
      const steps = Math.round((p.max - p.min) / p.step);
      for (let k = 0; k <= Math.min(steps, 2000); k++) candidates.push(roundToStep(p.min + k * p.step, p.step));
      candidates.push(roundToStep(p.max - p.step / 10, p.step), roundToStep(p.min + p.step / 10 ** 1, p.step));
      const differs = candidates.filter((v) => v >= p.min && v <= p.max && presetValues.every((pv) => roundToStep(pv[p.id], p.step) !== v));
      differs.sort((a, b) => formatParamValue(p, b).length - formatParamValue(p, a).length);
      longest[p.id] = differs[0];
    }
    const longPreset = [...PRESETS].sort((a, b) => b.id.length - a.id.length)[0].id;
    const all: ScenarioState = { presetId: longPreset, overrides: longest, policy: POLICIES.find((x) => x !== PRESETS.find((p) => p.id === longPreset)!.policy) };
    const q = encodeScenario(all);
    expect(q.split("&").length).toBe(2 + PARAMS.length + 1);
    expect(q.length).toBeLessThan(2000);
    const withBaseline = encodeScenario(all, { baseline: all });
    // Two scenarios in one link: each keeps within its own 2,000 (today about 820 and 1,820 in all).
    expect(withBaseline.length).toBeLessThan(4000);
    expect(decodeScenario(withBaseline).issues).toEqual([]);
  });
});

describe("decodeScenario", () => {
  it("reads what encodeScenario wrote: encode(decode(encode(s))) === encode(s), and the state survives", () => {
    fc.assert(
      fc.property(scenarioArb, fc.option(scenarioArb, { nil: undefined }), (s, b) => {
        const q = encodeScenario(s, { baseline: b });
        const d = decodeScenario(q);
        expect(d.issues).toEqual([]);
        expect(encodeScenario(d.state, { baseline: d.baseline })).toBe(q);
        expect(d.state).toEqual(normalizeScenario(s));
        if (b) expect(d.baseline).toEqual(normalizeScenario(b));
        else expect(d.baseline).toBeUndefined();
        // The state keeps exactly the overrides that differ from the preset.
        const preset = presetParams(s.presetId);
        for (const [id, v] of Object.entries(s.overrides)) {
          const p = spec(id);
          if (roundToStep(v, p.step) !== roundToStep(preset[id], p.step)) expect(d.state.overrides[id]).toBe(roundToStep(v, p.step));
          else expect(d.state.overrides).not.toHaveProperty(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accepts a leading '?', a full URL with a hash, and URLSearchParams", () => {
    const want = { presetId: "chronic", overrides: { waferCapacityScale: 1.2 } };
    expect(decodeScenario("?v=1&p=chronic&wcs=1.2").state).toEqual(want);
    expect(decodeScenario("https://example.org/?v=1&p=chronic&wcs=1.2#charts").state).toEqual(want);
    expect(decodeScenario(new URLSearchParams("v=1&p=chronic&wcs=1.2")).state).toEqual(want);
    expect(decodeScenario("").state).toEqual({ presetId: "baseline", overrides: {} });
    expect(decodeScenario("/app?v=1&p=chronic&wcs=1.2#x").state).toEqual(want);
    // A bare query whose first key begins with "/" is still a query, not a path.
    expect(decodeScenario("/x=1&p=chronic&wcs=1.2").issues.map((i) => i.key)).toEqual(["/x"]);
  });

  it("reads a formula with a raw '?' in a bare query", () => {
    const d = decodeScenario("v=1&f.agentHours=t>24?base:base/2");
    expect(d.issues).toEqual([]);
    expect(d.state.formulas).toEqual({ agentHours: "t>24?base:base/2" });
  });

  it("reports each invalid value with a reason and falls back to the preset's value", () => {
    const d = decodeScenario("v=1&p=chronic&wcs=5&plm=abc&pcs=1.1&dlm=Infinity&nlm=NaN&pol=fastest");
    expect(d.state).toEqual({ presetId: "chronic", overrides: { packagingCapacityScale: 1.1 } });
    const byKey = Object.fromEntries(d.issues.map((i) => [i.key, i]));
    expect(Object.keys(byKey).sort()).toEqual(["dlm", "nlm", "plm", "pol", "wcs"]);
    expect(byKey.wcs.reason).toContain("above the maximum");
    expect(byKey.wcs.reason).toContain("0.5 to 2 × plan");
    expect(byKey.wcs.reason).toContain("using the preset's 1 × plan");
    expect(byKey.plm.reason).toContain("not a number");
    expect(byKey.dlm.reason).toContain("not a number");
    expect(byKey.pol.reason).toContain("unknown throttling policy");
    expect(byKey.pol.raw).toBe("fastest");
  });

  it("reports unknown keys, unknown presets, repeated keys and refused formulas", () => {
    const d = decodeScenario("v=1&p=utopia&zz=1&wcs=1.1&wcs=1.3&f.agentHours=import('fs')&f.agentHours2=1&f.chatTokens=x=3");
    expect(d.state).toEqual({ presetId: "baseline", overrides: { waferCapacityScale: 1.1 } });
    const reasons = d.issues.map((i) => `${i.key}: ${i.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^p: unknown preset; known presets: baseline.*; using baseline$/),
        expect.stringMatching(/^zz: unknown key/),
        expect.stringMatching(/^wcs: repeated key/),
        expect.stringMatching(/^f\.agentHours: formula refused: quotes \(text strings or transpose\) are not allowed \(character 8\)/),
        expect.stringMatching(/^f\.agentHours2: no driver of that name takes a formula/),
        expect.stringMatching(/^f\.chatTokens: formula refused: assignment .*\(character 2\)/),
      ]),
    );
    expect(d.issues).toHaveLength(6);
    // The link's own text is never part of a reason: the checker refuses the quotes first and quotes nothing back.
    expect(d.issues.find((i) => i.key === "f.agentHours")?.reason).not.toContain("fs");
    for (const i of d.issues) expect(i.reason).not.toMatch(/import|agentHours2|utopia|zz/);
  });

  it("truncates long values in issues and refuses values that are too long", () => {
    const d = decodeScenario(`v=1&wcs=${"1".repeat(10_000)}`);
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0].reason).toContain("value too long");
    expect(d.issues[0].raw.length).toBeLessThanOrEqual(61);
  });

  it("reads a link from a newer or unknown version as best it can, with an issue", () => {
    const newer = decodeScenario("v=7&p=chronic&wcs=1.2");
    expect(newer.state).toEqual({ presetId: "chronic", overrides: { waferCapacityScale: 1.2 } });
    expect(newer.issues).toEqual([{ key: "v", raw: "7", reason: expect.stringContaining("newer version") }]);
    const junk = decodeScenario("v=one&wcs=1.2");
    expect(junk.state.overrides).toEqual({ waferCapacityScale: 1.2 });
    expect(junk.issues[0].reason).toContain("unknown link version");
  });

  it("decodes the pinned baseline under b.", () => {
    const d = decodeScenario("v=1&p=baseline&b.p=chronic&b.wcs=0.9&b.pol=degrade&b.zz=1");
    expect(d.baseline).toEqual({ presetId: "chronic", overrides: { waferCapacityScale: 0.9 }, policy: "degrade" });
    expect(d.issues.map((i) => i.key)).toEqual(["b.zz"]);
  });

  it("accounts for every entry: each one is either accepted or reported", () => {
    const q = "v=1&p=chronic&wcs=1.2&wcs=1.3&x=1&pol=degrade&b.p=nope&b.plm=7";
    const d = decodeScenario(q);
    expect(d.accepted.length + d.issues.length).toBe([...new URLSearchParams(q)].length);
  });

  it("reads each parameter's value as valid, invalid with a reason, or missing", () => {
    const p = spec("waferCapacityScale");
    expect(parseParamValue(p, undefined)).toEqual({ status: "missing" });
    expect(parseParamValue(p, "1.2")).toEqual({ status: "valid", value: 1.2 });
    expect(parseParamValue(p, " 1.2 ")).toEqual({ status: "valid", value: 1.2 });
    expect(parseParamValue(p, "0x10")).toEqual({ status: "invalid", reason: "not a number" });
    expect(parseParamValue(p, "1e999")).toEqual({ status: "invalid", reason: "not a finite number" });
    expect(parseParamValue(p, "0.1")).toMatchObject({ status: "invalid", reason: expect.stringContaining("below the minimum") });
  });
});

describe("migrations", () => {
  it("are ordered, dated, and end at the current version", () => {
    URL_MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.description.length).toBeGreaterThan(20);
      if (i > 0) expect(m.date >= URL_MIGRATIONS[i - 1].date).toBe(true);
    });
    expect(URL_MIGRATIONS[URL_MIGRATIONS.length - 1].version).toBe(CURRENT_URL_VERSION);
  });

  it("open a v0 link (no v, full parameter ids) as the same scenario in today's form", () => {
    const d = decodeScenario("?preset=chronic&waferCapacityScale=1.2&packagingLeadMonths=18&throttlePolicy=degrade");
    expect(d.version).toBe(0);
    expect(d.issues).toEqual([]);
    expect(d.state).toEqual({ presetId: "chronic", overrides: { waferCapacityScale: 1.2, packagingLeadMonths: 18 }, policy: "degrade" });
    expect(encodeScenario(d.state)).toBe("v=1&p=chronic&wcs=1.2&plm=18&pol=degrade");
  });

  it("report a v0 link's bad values under the key its author wrote", () => {
    const d = decodeScenario("preset=baseline&waferCapacityScale=9&noSuchParam=1");
    expect(d.issues.map((i) => i.key)).toEqual(["noSuchParam", "waferCapacityScale"]);
  });

  it("rename keys one to one, so nothing is dropped silently", () => {
    const p = new URLSearchParams("preset=baseline&waferCapacityScale=1.2&wcs=1.3&junk=1");
    const m = migrateUrlParams(p, 0);
    expect([...m]).toEqual([["p", "baseline"], ["wcs", "1.2"], ["wcs", "1.3"], ["junk", "1"]]);
    expect([...migrateUrlParams(p, CURRENT_URL_VERSION)]).toEqual([...p]);
  });
});

describe("createUrlWriteThrottle", () => {
  afterEach(() => vi.useRealTimers());

  it("writes the first change at once and coalesces a burst into its last value", () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const t = createUrlWriteThrottle((q) => writes.push(q), 350);
    t.write("a");
    expect(writes).toEqual(["a"]);
    t.write("b");
    t.write("c");
    vi.advanceTimersByTime(349);
    expect(writes).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(["a", "c"]);
    vi.advanceTimersByTime(1000);
    t.write("c");
    expect(writes).toEqual(["a", "c"]);
  });

  it("stays under Safari's 100 history updates per 30 s while a slider is dragged, and ends on the last value", () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const t = createUrlWriteThrottle((q) => writes.push(q));
    for (let i = 0; i < 3000; i++) {
      t.write(`wcs=${i}`);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(writes.length).toBeLessThan(100);
    expect(writes[writes.length - 1]).toBe("wcs=2999");
  });

  it("flushes the pending write on demand and cancels it", () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const t = createUrlWriteThrottle((q) => writes.push(q));
    t.write("a");
    t.write("b");
    t.flush();
    expect(writes).toEqual(["a", "b"]);
    t.write("c");
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual(["a", "b"]);
  });
});
