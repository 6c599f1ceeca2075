import { parse, type MathNode } from "mathjs";
import { logistic } from "./paths";

/** A compiled formula: evaluates with the month index and a scope of named numbers. */
export type CompiledFormula = (scope: Record<string, number>) => number;

/** A formula that could not be accepted, with the reason in words an analyst can act on. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulaError";
  }
}

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 400;

const FUNCTIONS: Record<string, (...a: number[]) => number> = {
  min: Math.min,
  max: Math.max,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  pow: Math.pow,
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
  sin: Math.sin,
  cos: Math.cos,
  clamp: (x, lo, hi) => Math.min(Math.max(x, lo), hi),
  /** logistic(t, start, growthPerYear, saturation): the adoption curve used by the model. */
  logistic,
};

const BINARY: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "^": (a, b) => Math.pow(a, b),
  "<": (a, b) => (a < b ? 1 : 0),
  ">": (a, b) => (a > b ? 1 : 0),
  "<=": (a, b) => (a <= b ? 1 : 0),
  ">=": (a, b) => (a >= b ? 1 : 0),
  "==": (a, b) => (a === b ? 1 : 0),
  "!=": (a, b) => (a !== b ? 1 : 0),
};

/** The function names a formula may call. */
export const FORMULA_FUNCTIONS = Object.keys(FUNCTIONS);

/**
 * Parses a mathjs expression and compiles it to a closure over an allow-list: numbers, the named
 * symbols, arithmetic and comparison operators, `?:`, and FUNCTIONS. Anything else — assignment,
 * function definition, property access, matrices, strings, units, imports — is refused, so an
 * untrusted formula can compute a number and nothing more.
 */
export function compileFormula(text: string, symbols: ReadonlySet<string>): CompiledFormula {
  if (typeof text !== "string" || text.trim() === "") throw new FormulaError("The formula is empty.");
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(`The formula is longer than ${MAX_FORMULA_LENGTH} characters.`);
  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    throw new FormulaError(`Cannot read the formula: ${(e as Error).message}`);
  }
  let nodes = 0;
  const build = (node: MathNode): CompiledFormula => {
    if (++nodes > 500) throw new FormulaError("The formula is too complex (over 500 terms).");
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode": {
        const v = n.value;
        if (typeof v !== "number" || !Number.isFinite(v)) throw new FormulaError("Only finite numbers are allowed as constants.");
        return () => v;
      }
      case "SymbolNode": {
        const name = n.name as string;
        if (!symbols.has(name)) throw new FormulaError(`Unknown name "${name}". Use t, year, base or a parameter id.`);
        return (s) => s[name];
      }
      case "ParenthesisNode":
        return build(n.content as MathNode);
      case "OperatorNode": {
        const args = (n.args as MathNode[]).map(build);
        const op = n.op as string;
        if (args.length === 1) {
          const [a] = args;
          if (op === "-") return (s) => -a(s);
          if (op === "+") return a;
          throw new FormulaError(`The operator "${op}" is not allowed.`);
        }
        const f = BINARY[op];
        if (!f || args.length !== 2) throw new FormulaError(`The operator "${op}" is not allowed.`);
        const [a, b] = args;
        return (s) => f(a(s), b(s));
      }
      case "ConditionalNode": {
        const c = build(n.condition as MathNode);
        const a = build(n.trueExpr as MathNode);
        const b = build(n.falseExpr as MathNode);
        return (s) => (c(s) !== 0 ? a(s) : b(s));
      }
      case "FunctionNode": {
        const fnNode = n.fn as MathNode & { name?: string; type: string };
        const name = fnNode.type === "SymbolNode" ? fnNode.name : undefined;
        const f = name !== undefined && Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!f) throw new FormulaError(`The function "${name ?? "?"}" is not allowed. Allowed: ${FORMULA_FUNCTIONS.join(", ")}.`);
        const args = (n.args as MathNode[]).map(build);
        return (s) => f(...args.map((a) => a(s)));
      }
      default:
        throw new FormulaError(`"${node.type.replace(/Node$/, "")}" expressions are not allowed in a formula.`);
    }
  };
  return build(root);
}
