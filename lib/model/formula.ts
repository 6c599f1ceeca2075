/**
 * The formula compiler: mathjs parses the text, and the parse tree is compiled to closures through an
 * allow-list. mathjs never evaluates the input; the closures call mathjs's own number functions for
 * everything whose meaning is not plain arithmetic, so a formula means what it means in mathjs.
 * This module imports mathjs (~200 KB gzipped): the app loads it only when a formula is used
 * (lib/model/formulaEngine.ts); the model's run itself never imports it.
 */
import {
  abs,
  cbrt,
  ceil,
  cos,
  equal,
  exp,
  floor,
  larger,
  largerEq,
  log,
  log10,
  log2,
  max,
  min,
  parse,
  pow,
  round,
  sign,
  sin,
  smaller,
  smallerEq,
  sqrt,
  tan,
  unequal,
  type MathNode,
} from "mathjs";
import { logistic } from "./paths";
import { at, checkFormulaSyntax, FORMULA_CONSTANTS, FORMULA_FUNCTIONS, FormulaError, MAX_FORMULA_TERMS, type CompiledFormula, type FormulaName } from "./formulaSyntax";

export { FormulaError, MAX_FORMULA_LENGTH, FORMULA_FUNCTIONS, type CompiledFormula } from "./formulaSyntax";

type NumberFn = (...args: number[]) => unknown;

/** A mathjs result as a real number: booleans as 1/0; complex numbers, matrices and anything else as NaN. */
const real = (v: unknown): number => (typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : NaN);

/** The implementation of each allowed function (mathjs's own, except the model's clamp and logistic). */
const IMPLEMENTATIONS: Record<string, NumberFn> = {
  min: min as NumberFn,
  max: max as NumberFn,
  abs: abs as NumberFn,
  sign: sign as NumberFn,
  exp: exp as NumberFn,
  log: log as NumberFn,
  log10: log10 as NumberFn,
  log2: log2 as NumberFn,
  sqrt: sqrt as NumberFn,
  cbrt: cbrt as NumberFn,
  pow: pow as NumberFn,
  round: round as NumberFn,
  floor: floor as NumberFn,
  ceil: ceil as NumberFn,
  sin: sin as NumberFn,
  cos: cos as NumberFn,
  tan: tan as NumberFn,
  clamp: (x, lo, hi) => Math.min(Math.max(x, lo), hi),
  logistic,
};

/** Binary operators: + − × ÷ are plain arithmetic (as in mathjs for numbers); the rest are mathjs's functions. */
const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: guarded(pow as NumberFn),
  smaller: guarded(smaller as NumberFn),
  larger: guarded(larger as NumberFn),
  smallerEq: guarded(smallerEq as NumberFn),
  largerEq: guarded(largerEq as NumberFn),
  equal: guarded(equal as NumberFn),
  unequal: guarded(unequal as NumberFn),
  and: (a, b) => (a && b ? 1 : 0),
  or: (a, b) => (a || b ? 1 : 0),
};

/** A mathjs function as a number → number function: a throw (e.g. round(x, 1.5)) or a non-real result is NaN. */
function guarded(f: NumberFn): (...args: number[]) => number {
  return (...args) => {
    try {
      return real(f(...args));
    } catch {
      return NaN;
    }
  };
}

const GUARDED: Record<string, (...args: number[]) => number> = Object.fromEntries(
  Object.entries(IMPLEMENTATIONS).map(([k, f]) => [k, k === "clamp" || k === "logistic" ? (f as (...a: number[]) => number) : guarded(f)]),
);

/** Where the k-th use of a name is, from the lexical pass (source order matches the tree's pre-order). */
function locator(names: FormulaName[]) {
  const seen = new Map<string, number>();
  return (name: string, call: boolean): number | undefined => {
    const key = `${call ? "f" : "s"}:${name}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return names.filter((n) => n.name === name && n.call === call)[k]?.position;
  };
}

const refuse = (message: string, position?: number) => (position === undefined ? new FormulaError(`${message}.`) : at(message, position));

/**
 * Compiles a formula to a closure over an allow-list: numbers, the named symbols, pi and e, + − × ÷ ^,
 * comparisons, and/or/not, `?:`, and FORMULA_FUNCTIONS with their mathjs arities. Anything else is refused
 * with a FormulaError giving the position. Throws FormulaError only.
 */
export function compileFormula(text: string, symbols: ReadonlySet<string>): CompiledFormula {
  const lexicon = checkFormulaSyntax(text, symbols);
  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /\(char (\d+)\)/.exec(message);
    const what = `Cannot read the formula: ${message.replace(/\s*\(char \d+\)/, "")}`;
    throw m ? at(what, Math.max(0, Number(m[1]) - 1)) : new FormulaError(`${what}.`);
  }
  const locate = locator(lexicon.names);
  let terms = 0;
  const build = (node: MathNode): CompiledFormula => {
    if (++terms > MAX_FORMULA_TERMS) throw new FormulaError(`The formula is too complex (over ${MAX_FORMULA_TERMS} terms).`);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode": {
        const v = n.value;
        if (typeof v !== "number" || !Number.isFinite(v)) throw refuse("Only finite numbers are allowed as constants");
        return () => v;
      }
      case "SymbolNode": {
        const name = n.name as string;
        const position = locate(name, false);
        if (Object.prototype.hasOwnProperty.call(FORMULA_CONSTANTS, name) && !symbols.has(name)) {
          const v = FORMULA_CONSTANTS[name];
          return () => v;
        }
        if (!symbols.has(name)) throw refuse(`Unknown name "${name}"; use t, year, base or a parameter id`, position);
        return (s) => s[name];
      }
      case "ParenthesisNode":
        return build(n.content as MathNode);
      case "OperatorNode": {
        const fn = n.fn as string;
        const args = (n.args as MathNode[]).map(build);
        if (args.length === 1) {
          const [a] = args;
          if (fn === "unaryMinus") return (s) => -a(s);
          if (fn === "unaryPlus") return a;
          if (fn === "not") return (s) => (a(s) ? 0 : 1);
        } else if (args.length === 2 && Object.prototype.hasOwnProperty.call(BINARY, fn)) {
          const f = BINARY[fn];
          const [a, b] = args;
          return (s) => f(a(s), b(s));
        }
        throw refuse(`The operator "${String(n.op)}" is not allowed`);
      }
      case "RelationalNode": {
        // A chained comparison, a < b <= c: as in mathjs, true when every adjacent pair holds.
        const fns = (n.conditionals as string[]).map((c) => (Object.prototype.hasOwnProperty.call(BINARY, c) ? BINARY[c] : undefined));
        if (fns.some((f) => f === undefined)) throw refuse("This comparison is not allowed");
        const params = (n.params as MathNode[]).map(build);
        return (s) => {
          let left = params[0](s);
          for (let k = 0; k < fns.length; k++) {
            const right = params[k + 1](s);
            if (!fns[k]!(left, right)) return 0;
            left = right;
          }
          return 1;
        };
      }
      case "ConditionalNode": {
        const c = build(n.condition as MathNode);
        const a = build(n.trueExpr as MathNode);
        const b = build(n.falseExpr as MathNode);
        // As mathjs: a number is true unless it is 0 or NaN.
        return (s) => (c(s) ? a(s) : b(s));
      }
      case "FunctionNode": {
        const fnNode = n.fn as MathNode & { name?: string };
        const name = fnNode.type === "SymbolNode" ? fnNode.name : undefined;
        const position = name === undefined ? undefined : locate(name, true);
        if (name === undefined || !Object.prototype.hasOwnProperty.call(GUARDED, name)) throw refuse(`The function "${name ?? "?"}" is not allowed`, position);
        const spec = FORMULA_FUNCTIONS[name];
        const raw = n.args as MathNode[];
        if (raw.length < spec.minArgs || raw.length > spec.maxArgs) {
          const want = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
          throw refuse(`${name}() takes ${want} argument${spec.maxArgs === 1 ? "" : "s"}, not ${raw.length}`, position);
        }
        const f = GUARDED[name];
        const args = raw.map(build);
        switch (args.length) {
          case 1: {
            const [a] = args;
            return (s) => f(a(s));
          }
          case 2: {
            const [a, b] = args;
            return (s) => f(a(s), b(s));
          }
          default:
            return (s) => f(...args.map((a) => a(s)));
        }
      }
      default:
        throw refuse(`"${node.type.replace(/Node$/, "")}" expressions are not allowed in a formula`);
    }
  };
  return build(root);
}
