import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as mathjs from "mathjs";
import { all, create } from "mathjs";
import { DRIVERS, FORMULA_FUNCTIONS, FORMULA_SYMBOLS, FormulaError, MAX_FORMULA_LENGTH, checkDriverFormula, simulate } from "@/lib/model";
import { compileFormula } from "@/lib/model/formula";
import { logistic } from "@/lib/model/paths";
import "@/lib/model/formulaEager";
import { resolveScenario } from "@/lib/scenario/presets";

const PARAMS = resolveScenario({ presetId: "baseline", overrides: {} }).params;
const N = simulate(resolveScenario({ presetId: "baseline", overrides: {} })).months.length;
const scopeAt = (t: number, base: number): Record<string, number> => ({ ...PARAMS, t, year: 2024 + t / 12, base });

/** mathjs itself, as the reference: a separate instance with the model's two own functions added. */
const reference = create(all);
reference.import({ clamp: (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi), logistic }, {});

/** The reference value of a formula: mathjs evaluate, a throw or a result that is not a real number as NaN. */
function mathjsValue(text: string, scope: Record<string, number>, m = reference): number {
  try {
    const v = m.evaluate(text, { ...scope });
    return typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : NaN;
  } catch {
    return NaN;
  }
}

const close = (a: number, b: number) =>
  Number.isNaN(a) ? Number.isNaN(b) : !Number.isFinite(a) ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describe("formula semantics are mathjs's", () => {
  it("round(x, n) rounds to n decimals and log(x, base) takes a base, as in mathjs", () => {
    const cases: [string, number][] = [
      ["round(3.14159, 2)", 3.14],
      ["round(-2.5)", -3],
      ["round(2.5)", 3],
      ["log(100, 10)", 2],
      ["log(8, 2)", 3],
      ["floor(2.567, 1)", 2.5],
      ["ceil(2.512, 2)", 2.52],
      ["log10(1000)", 3],
      ["min(3, 1, 2)", 1],
      ["2 ^ -3", 0.125],
      ["-2 ^ 2", -4],
      ["2 ^ 3 ^ 2", 512],
      ["0.1 + 0.2 == 0.3", 1], // mathjs compares with a relative tolerance
      ["1 < 2 and 3 < 2", 0],
      ["not 0", 1],
      ["0 ? 1 : 2", 2],
      ["cos(pi)", -1],
    ];
    for (const [text, want] of cases) {
      const got = compileFormula(text, FORMULA_SYMBOLS)({});
      expect(got, text).toBeCloseTo(want, 12);
      expect(close(got, mathjsValue(text, {})), `${text} vs mathjs`).toBe(true);
    }
  });

  it("gives NaN where mathjs throws or leaves the real numbers (so the model reports it)", () => {
    for (const text of ["round(2.5, 1.5)", "round(1, 16)", "sqrt(-1)", "log(-1)", "(-8) ^ (1/3)", "0/0"]) {
      expect(Number.isNaN(compileFormula(text, FORMULA_SYMBOLS)({})), text).toBe(true);
    }
  });
});

// ---- differential test: random allowed formulas, compiled closures vs mathjs evaluate

const SOME_PARAMS = ["chatGrowthPerYear", "agentGrowthPerYear", "endYear", "packagingCapacityScale", "edgeShare2030"].filter((id) => id in PARAMS);
const number = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((x) => x.toFixed(3)),
  fc.constantFrom("1e3", "2.5e-2", "0.5", "12", "1e-3"),
);
const symbol = fc.constantFrom("t", "year", "base", "pi", "e", ...SOME_PARAMS);
const { expr } = fc.letrec<{ expr: string; leaf: string; unary: string; binary: string; call: string; cond: string }>((tie) => ({
  leaf: fc.oneof(number, symbol, fc.tuple(number, symbol).map(([a, b]) => `${a} ${b}`)),
  unary: fc.tuple(fc.constantFrom("-", "+", "not "), tie("expr")).map(([op, a]) => `${op}(${a})`),
  binary: fc
    .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^", "<", ">", "<=", ">=", "==", "!=", "and", "or"), tie("expr"), fc.boolean())
    .map(([a, op, b, paren]) => (paren ? `(${a} ${op} ${b})` : `${a} ${op} ${b}`)),
  call: fc.constantFrom(...Object.keys(FORMULA_FUNCTIONS)).chain((name) => {
    const spec = FORMULA_FUNCTIONS[name];
    const roundsTo = name === "round" || name === "floor" || name === "ceil";
    return fc
      .tuple(fc.integer({ min: spec.minArgs, max: Math.min(spec.maxArgs, 4) }), fc.array(tie("expr"), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 4 }))
      .map(([k, args, n]) => `${name}(${(roundsTo && k === 2 ? [args[0], String(n)] : args.slice(0, k)).join(", ")})`);
  }),
  cond: fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  expr: fc.oneof({ depthSize: "small", maxDepth: 4 }, tie("leaf"), tie("unary"), tie("binary"), tie("call"), tie("cond")),
}));

/**
 * The reference for the differential test: mathjs with its functions that can leave the real numbers
 * (sqrt, log, pow…) returning NaN instead of a complex number, which is the compiler's documented rule.
 */
const realReference = create(all);
realReference.import({ clamp: (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi), logistic }, {});
{
  const wrap = (name: "sqrt" | "log" | "log10" | "log2" | "pow") => {
    const f = mathjs[name] as (...a: number[]) => unknown;
    return (...a: number[]) => {
      const v = f(...a);
      return typeof v === "number" ? v : NaN;
    };
  };
  realReference.import({ sqrt: wrap("sqrt"), log: wrap("log"), log10: wrap("log10"), log2: wrap("log2"), pow: wrap("pow") }, { override: true });
}

describe("1,000 random allowed formulas: compiled closures agree with mathjs evaluate", () => {
  it("same value at several months (NaN where mathjs throws or leaves the reals)", () => {
    let compared = 0;
    let finite = 0;
    fc.assert(
      fc.property(
        expr.filter((s) => s.length <= MAX_FORMULA_LENGTH),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        (text, t, base) => {
          const f = compileFormula(text, FORMULA_SYMBOLS);
          const scope = scopeAt(t, base);
          const ours = f(scope);
          const theirs = mathjsValue(text, scope, realReference);
          if (!close(ours, theirs)) throw new Error(`${text} at t=${t}, base=${base}: compiled ${ours}, mathjs ${theirs}`);
          compared++;
          if (Number.isFinite(ours)) finite++;
        },
      ),
      { numRuns: 1200, seed: 20261201 },
    );
    expect(compared).toBe(1200);
    // Most comparisons are of real values, not of two NaNs.
    expect(finite / compared).toBeGreaterThan(0.6);
  }, 120_000);
});

// ---- hostile formulas

const MATHJS_FUNCTIONS = Object.keys(mathjs).filter((k) => typeof (mathjs as Record<string, unknown>)[k] === "function" && /^[a-z][A-Za-z0-9]*$/.test(k) && !(k in FORMULA_FUNCTIONS) && !["and", "or", "not"].includes(k));

const HAND_LIST = [
  "import({a: 1})",
  "import('fs')",
  'createUnit("foo")',
  "createUnit('x', '2 m')",
  'evaluate("1+1")',
  "evaluate('import(\"fs\")')",
  "parse('1')",
  "compile('1')",
  "simplify('x')",
  "derivative('x^2', 'x')",
  "chain(1)",
  "help(sin)",
  "config({number: 'BigNumber'})",
  "typed('a')",
  "t.constructor",
  "base.constructor.constructor('return 1')()",
  "t['constructor']",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf()",
  "t.__proto__",
  "f(x) = x^2",
  "x = 3",
  "t = 1",
  "base = 0",
  "1:1e9",
  "(1:1e9)",
  "t > 1 ? 1:1e9 : 2",
  "zeros(1e5, 1e5)",
  "ones(1e5)",
  "range(1, 1e9)",
  "matrix([1, 2])",
  "[1, 2, 3]",
  "[1:1e9]",
  "{a: 1}",
  '"text"',
  "'text'",
  "t'",
  "5 cm",
  "2 inch to cm",
  "5 mod 2",
  "1 xor 0",
  "3!",
  "5 % 2",
  "1 & 2",
  "1 | 2",
  "~1",
  "1 << 2",
  "8 >> 1",
  "t; 1",
  "1\n2",
  "base # the formula shown is not the one run",
  "# comment",
  "base #",
  "0x1F",
  "0b101",
  "1e999",
  "10 ^ 400",
  "2 ^ 2 ^ 2 ^ 2 ^ 2 ^ 2",
  "exp(1e6)",
  "10 ^ 1e308",
  "1 / 0",
  "0 / 0",
  "sqrt(base - 1e12)",
  "log(0)",
  "-base",
  "base - 1e15",
  "(".repeat(25) + "1" + ")".repeat(25),
  "(".repeat(200) + "t" + ")".repeat(200),
  "-".repeat(MAX_FORMULA_LENGTH + 1) + "1",
  "1+".repeat(50_000) + "1",
  "x".repeat(100_000),
  "(".repeat(100_000),
  "",
  "   ",
  "$a",
  "a.b.c",
  "unknownName * 2",
  "sin",
  "t(2)",
  "round(1, 2, 3)",
  "min()",
  "logistic(t)",
  "isNaN(t)",
  "Infinity",
  "NaN",
  "true",
  "null",
  "undefined",
  "end",
];

/** Hostile fragments that make any formula they are put in (between tokens) unacceptable. */
const FRAGMENTS = fc.oneof(
  fc.constantFrom(...MATHJS_FUNCTIONS).map((name) => `${name}(1)`),
  fc.constantFrom("# evil", '"s"', "'s'", "[1]", "{a:1}", ";", "\n", "%", "&", "|", "~", "$x", "@", "\\", "`x`", "1:1e9", ".constructor", "= 3", "!", "<< 1", "mod 2", "to cm"),
  fc.constantFrom("constructor", "__proto__", "prototype", "window", "process", "globalThis", "Function", "cm", "inch", "i", "Infinity", "NaN"),
);

/** A hostile formula: an allowed formula with a hostile fragment put between two of its tokens. */
const hostile = fc.oneof(
  fc.tuple(expr, FRAGMENTS, fc.nat()).map(([text, frag, k]) => {
    const cuts = [0, text.length, ...[...text.matchAll(/ /g)].map((m) => m.index!)];
    const at = cuts[k % cuts.length];
    return `${text.slice(0, at)} ${frag} ${text.slice(at)}`;
  }),
  fc.tuple(fc.integer({ min: 25, max: 120 }), expr).map(([k, text]) => "(".repeat(k) + text + ")".repeat(k)),
  fc.integer({ min: MAX_FORMULA_LENGTH + 1, max: 200_000 }).map((n) => "1+".repeat(Math.ceil(n / 2)) + "1"),
  fc.tuple(fc.integer({ min: 309, max: 100_000 }), fc.constantFrom("10^", "1e", "exp(", "2^2^")).map(([n, p]) => (p === "1e" ? `1e${n}` : p === "exp(" ? `exp(${n})` : `${p}${n}`)),
);

/** Checks that a formula is refused (at compile time or in some month) with a clear message, quickly. */
function expectRefused(text: string, driverId = "agentHours"): void {
  const started = performance.now();
  const { outcome } = checkDriverFormula(driverId, text, PARAMS, N);
  const ms = performance.now() - started;
  expect(ms, `time for ${JSON.stringify(text.slice(0, 80))}`).toBeLessThan(250);
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(text)}`);
  const { message, position, month } = outcome.problem;
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(400);
  // Every refusal says where: a character of the formula, or the first month with a refused value,
  // except the three that concern the formula as a whole.
  if (!/empty|longer than|too complex/.test(message)) {
    expect(position !== undefined || month !== undefined, message).toBe(true);
    expect(message).toMatch(/\(character \d+\)|in \d{4}-\d{2} \(t = \d+\)/);
  }
  if (position !== undefined) expect(position).toBeLessThanOrEqual(Math.max(0, text.trim().length - 1));
}

describe("hostile formulas are refused with a clear message in bounded time", () => {
  it("the hand list", () => {
    for (const text of HAND_LIST) expectRefused(text);
    // Every mathjs function outside the allow-list, by name.
    for (const name of MATHJS_FUNCTIONS) expectRefused(`${name}(t)`);
  });

  it("1,000 generated ones", () => {
    const started = performance.now();
    fc.assert(fc.property(hostile, (text) => expectRefused(text)), { numRuns: 1000, seed: 424242 });
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("a comment can never hide part of a formula: any # is refused", () => {
    fc.assert(
      fc.property(expr, fc.string({ maxLength: 20 }), (text, tail) => {
        expect(() => compileFormula(`${text} #${tail}`, FORMULA_SYMBOLS)).toThrow(FormulaError);
      }),
      { numRuns: 200 },
    );
  });

  it("errors carry the position of what is refused", () => {
    const where = (text: string) => {
      try {
        compileFormula(text, FORMULA_SYMBOLS);
      } catch (e) {
        return (e as FormulaError).position;
      }
      return "accepted";
    };
    expect(where("base # x")).toBe(5);
    expect(where("t + evaluate(1)")).toBe(4);
    expect(where("t * 2 +")).toBe(7);
    expect(where("base + 1:3")).toBe(8);
    expect(where("round(t, 1, 2)")).toBe(0);
    expect(where("max(t, 1) + round(t, 1, 2)")).toBe(12);
  });
});

describe("formulas in a run", () => {
  it("a formula in error leaves the driver on its default path, and the warning says so", () => {
    const plain = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    for (const text of ["sqrt(base - 1e12)", "0/0", "-base", "base # x", "t > 50 ? 1e308 : base"]) {
      const run = simulate(resolveScenario({ presetId: "baseline", overrides: {}, formulas: { agentHours: text } }));
      expect(run.warnings.some((w) => w.startsWith("Formula for agentHours not used, default path kept:")), text).toBe(true);
      expect(Array.from(run.series["agentHours"] ?? run.series["tokens.demand.agents"])).toEqual(Array.from(plain.series["agentHours"] ?? plain.series["tokens.demand.agents"]));
    }
  });

  it("a share outside [0, 1] and a negative driver are errors, for every driver", () => {
    for (const d of DRIVERS) {
      const { outcome } = checkDriverFormula(d.id, "t < 30 ? base : -1", PARAMS, N);
      expect(outcome.ok, d.id).toBe(false);
      if (!outcome.ok) expect(outcome.problem.month).toBe("2026-07");
    }
    const { outcome } = checkDriverFormula("edgeShare", "t / 60", PARAMS, N);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem.message).toMatch(/share must be between 0 and 1/);
  });

  it("a valid formula changes the run, and the driver follows it exactly", () => {
    const { defaultPath, outcome } = checkDriverFormula("agentHours", "base * 2", PARAMS, N);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) for (let t = 0; t < N; t++) expect(outcome.values[t]).toBeCloseTo(defaultPath[t] * 2, 9);
    const plain = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {}, formulas: { agentHours: "base * 2" } }));
    expect(run.warnings).toEqual([]);
    // Agent-hours bought follow the driver exactly while the spend budget does not bind (it does not in 2025).
    expect(run.series["agents.hours"][12]).toBeCloseTo(plain.series["agents.hours"][12] * 2, 3);
  });
});
