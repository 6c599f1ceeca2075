/**
 * The formula engine, loaded on demand: `loadFormulaEngine()` imports the compiler (and with it mathjs)
 * the first time a formula is used, so a run without formulas — and the page that shows it — never loads
 * mathjs. Once loaded, formulas compile synchronously (memoized by text) for `simulate`.
 */
import { PARAMS } from "./catalog";
import { FormulaError, type CompiledFormula } from "./formulaSyntax";

/** A compiler of formula text over a set of names (lib/model/formula.ts's compileFormula). */
export type FormulaCompiler = (text: string, symbols: ReadonlySet<string>) => CompiledFormula;

/** The names a driver formula may read: t, year, base and every parameter id. */
export const FORMULA_SYMBOLS: ReadonlySet<string> = new Set(["t", "year", "base", ...PARAMS.map((p) => p.id)]);

let compiler: FormulaCompiler | null = null;
let loading: Promise<void> | null = null;
/** Compiled formulas (or their errors) by text; bounded, oldest dropped first, since typing makes many. */
const compiled = new Map<string, CompiledFormula | FormulaError>();
const CACHE_SIZE = 256;

/** Whether formulas can be compiled now (the compiler has been loaded or installed). */
export function formulaEngineReady(): boolean {
  return compiler !== null;
}

/** Loads the compiler (a separate chunk holding mathjs) once; later calls return the same promise. */
export function loadFormulaEngine(): Promise<void> {
  if (compiler) return Promise.resolve();
  loading ??= import("./formula").then(
    (m) => {
      compiler = m.compileFormula;
    },
    (e) => {
      loading = null; // let a later call try again (e.g. after a network error)
      throw e;
    },
  );
  return loading;
}

/** Installs a compiler synchronously (the CLI and tests import lib/model/formula.ts eagerly). */
export function installFormulaCompiler(c: FormulaCompiler): void {
  compiler = c;
}

/**
 * The compiled closure of a formula, or the FormulaError explaining why it cannot be compiled; null while
 * the engine is not loaded. Never throws.
 */
export function compiledFormula(text: string): CompiledFormula | FormulaError | null {
  if (!compiler) return null;
  let f = compiled.get(text);
  if (f === undefined) {
    try {
      f = compiler(text, FORMULA_SYMBOLS);
    } catch (e) {
      f = e instanceof FormulaError ? e : new FormulaError(`The formula cannot be read (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
    compiled.set(text, f);
  }
  return f;
}
