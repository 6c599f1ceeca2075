/**
 * The formula language's lexical rules, checked without mathjs: which characters, names, functions and
 * operators a formula may use, with the position of the first thing it may not. The compiler
 * (lib/model/formula.ts, which loads mathjs) runs this first, and share links run it on their own.
 */

/** A compiled formula: a number from a scope of named numbers (t, year, base and the parameters). */
export type CompiledFormula = (scope: Record<string, number>) => number;

/** A formula that could not be accepted: the reason in words an analyst can act on, and where. */
export class FormulaError extends Error {
  /** Index (0-based) of the character the problem starts at, when known. */
  readonly position?: number;
  constructor(message: string, position?: number) {
    super(message);
    this.name = "FormulaError";
    if (position !== undefined) this.position = position;
  }
}

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 400;
/** Deepest nesting of parentheses accepted. */
export const MAX_FORMULA_DEPTH = 24;
/** Most terms (parse-tree nodes) a formula may have. */
export const MAX_FORMULA_TERMS = 250;

/** A function a formula may call: how many arguments it takes and what it does, in words. */
export interface FormulaFunctionSpec {
  minArgs: number;
  maxArgs: number;
  doc: string;
}

/** The functions a formula may call. All but clamp and logistic are mathjs's own, with mathjs's meaning. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, FormulaFunctionSpec>> = Object.freeze({
  min: { minArgs: 1, maxArgs: 16, doc: "smallest argument" },
  max: { minArgs: 1, maxArgs: 16, doc: "largest argument" },
  abs: { minArgs: 1, maxArgs: 1, doc: "absolute value" },
  sign: { minArgs: 1, maxArgs: 1, doc: "−1, 0 or 1" },
  exp: { minArgs: 1, maxArgs: 1, doc: "e to the power x" },
  log: { minArgs: 1, maxArgs: 2, doc: "log(x): natural logarithm; log(x, base)" },
  log10: { minArgs: 1, maxArgs: 1, doc: "base-10 logarithm" },
  log2: { minArgs: 1, maxArgs: 1, doc: "base-2 logarithm" },
  sqrt: { minArgs: 1, maxArgs: 1, doc: "square root (of a non-negative number)" },
  cbrt: { minArgs: 1, maxArgs: 1, doc: "cube root" },
  pow: { minArgs: 2, maxArgs: 2, doc: "pow(x, y) = x ^ y" },
  round: { minArgs: 1, maxArgs: 2, doc: "round(x): nearest integer, halves away from zero; round(x, n): to n decimals (0–15)" },
  floor: { minArgs: 1, maxArgs: 2, doc: "floor(x); floor(x, n): down to n decimals" },
  ceil: { minArgs: 1, maxArgs: 2, doc: "ceil(x); ceil(x, n): up to n decimals" },
  sin: { minArgs: 1, maxArgs: 1, doc: "sine (radians)" },
  cos: { minArgs: 1, maxArgs: 1, doc: "cosine (radians)" },
  tan: { minArgs: 1, maxArgs: 1, doc: "tangent (radians)" },
  clamp: { minArgs: 3, maxArgs: 3, doc: "clamp(x, lo, hi) = min(max(x, lo), hi)" },
  logistic: { minArgs: 4, maxArgs: 4, doc: "logistic(t, start, growthPerYear, saturation): the model's adoption curve" },
});

/** Named constants a formula may use, with mathjs's values. */
export const FORMULA_CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ pi: Math.PI, e: Math.E });

/** Word operators of mathjs a formula may use (logical, giving 1 or 0). */
const WORD_OPERATORS = new Set(["and", "or", "not"]);
/** Word operators of mathjs that a formula may not use. */
const REFUSED_WORDS = new Set(["xor", "mod", "to", "in"]);

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** One name in a formula and where it is. */
export interface FormulaName {
  name: string;
  /** 0-based index of its first character. */
  position: number;
  /** Whether it is called (followed by "("). */
  call: boolean;
}

/** What the lexical check learned: every name in source order, for locating later errors. */
export interface FormulaLexicon {
  names: FormulaName[];
}

/** A FormulaError "… (character N)." with N counted from 1. */
export const at = (message: string, position: number) => new FormulaError(`${message} (character ${position + 1}).`, position);

/** The reason a character may not appear in a formula. */
function refusedCharacter(c: string): string {
  switch (c) {
    case "#":
      return "Comments (#) are not allowed, so a formula shows everything it runs";
    case '"':
    case "`":
      return "Text strings are not allowed";
    case "'":
      return "Quotes (text strings or transpose) are not allowed";
    case "[":
    case "]":
      return "Matrices and indexing ([ ]) are not allowed";
    case "{":
    case "}":
      return "Objects ({ }) are not allowed";
    case ";":
    case "\n":
    case "\r":
      return "Only one expression is allowed (no ; or line breaks)";
    case "%":
    case "&":
    case "|":
    case "~":
      return `The operator "${c}" is not allowed`;
    default: {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code < 0x7f ? `The character "${c}" is not allowed` : `The character U+${code.toString(16).toUpperCase().padStart(4, "0")} is not allowed`;
    }
  }
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isNameStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);
const NUMBER_RE = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * Checks a formula's characters, names and operators against the allow-list, without parsing it:
 * throws a FormulaError naming the first problem and its position. `symbols` are the names it may read.
 */
export function checkFormulaSyntax(text: string, symbols: ReadonlySet<string>): FormulaLexicon {
  if (typeof text !== "string" || text.trim() === "") throw new FormulaError("The formula is empty.");
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(`The formula is longer than ${MAX_FORMULA_LENGTH} characters (${text.length}).`);
  const names: FormulaName[] = [];
  const opens: number[] = [];
  // Paren depth of each "?" still waiting for its ":"; a ":" anywhere else is mathjs's range operator.
  const conditions: number[] = [];
  // A refused name is reported only when nothing structural (assignment, comment, string…) is wrong,
  // since the structural problem says more: `x = 3` is an assignment before it is an unknown name.
  let nameProblem: FormulaError | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(text[i + 1] ?? ""))) {
      if (c === "0" && /[xXbBoO]/.test(text[i + 1] ?? "") && isNameChar(text[i + 2] ?? "")) throw at("Hexadecimal, binary and octal numbers are not allowed", i);
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(text)!;
      if (!Number.isFinite(Number(m[0]))) throw at(`The number ${m[0].length > 20 ? `${m[0].slice(0, 20)}…` : m[0]} is too large`, i);
      i = NUMBER_RE.lastIndex;
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      while (i < text.length && isNameChar(text[i])) i++;
      const name = text.slice(start, i);
      let j = i;
      while (text[j] === " " || text[j] === "\t") j++;
      const call = text[j] === "(";
      if (WORD_OPERATORS.has(name)) {
        names.push({ name, position: start, call });
        continue;
      }
      if (REFUSED_WORDS.has(name)) nameProblem ??= at(`The operator "${name}" is not allowed`, start);
      if (call) {
        if (!has(FORMULA_FUNCTIONS, name)) {
          if (symbols.has(name) || has(FORMULA_CONSTANTS, name)) nameProblem ??= at(`"${name}" is not a function; write ${name} * (…) to multiply`, start);
          nameProblem ??= at(`The function "${name}" is not allowed (allowed: ${Object.keys(FORMULA_FUNCTIONS).join(", ")})`, start);
        }
      } else if (!symbols.has(name) && !has(FORMULA_CONSTANTS, name)) {
        if (has(FORMULA_FUNCTIONS, name)) nameProblem ??= at(`"${name}" is a function: call it as ${name}(…)`, start);
        nameProblem ??= at(`Unknown name "${name.length > 40 ? `${name.slice(0, 40)}…` : name}"; use t, year, base or a parameter id`, start);
      }
      names.push({ name, position: start, call });
      continue;
    }
    switch (c) {
      case "(":
        opens.push(i);
        if (opens.length > MAX_FORMULA_DEPTH) throw at(`Parentheses are nested more than ${MAX_FORMULA_DEPTH} deep`, i);
        break;
      case ")":
        if (!opens.length) throw at("A closing parenthesis has no opening one", i);
        while (conditions.length && conditions[conditions.length - 1] >= opens.length) conditions.pop();
        opens.pop();
        break;
      case "+":
      case "-":
      case "*":
      case "/":
      case "^":
      case ",":
        break;
      case ".":
        throw at("Property access and element-wise operators (.) are not allowed", i);
      case "<":
      case ">":
        if (text[i + 1] === c) throw at("Bit shifts are not allowed", i);
        if (text[i + 1] === "=") i++;
        break;
      case "=":
        if (text[i + 1] !== "=") throw at("Assignment and function definitions (=) are not allowed; use == to compare", i);
        i++;
        break;
      case "!":
        if (text[i + 1] !== "=") throw at("Factorial (!) is not allowed", i);
        i++;
        break;
      case "?":
        conditions.push(opens.length);
        break;
      case ":":
        if (!conditions.length || conditions[conditions.length - 1] !== opens.length) throw at("Ranges (:) are not allowed; a \":\" must follow a \"?\"", i);
        conditions.pop();
        break;
      default:
        throw at(refusedCharacter(String.fromCodePoint(text.codePointAt(i) ?? 0)), i);
    }
    i++;
  }
  if (opens.length) throw at("This parenthesis is not closed", opens[opens.length - 1]);
  if (nameProblem) throw nameProblem;
  return { names };
}
