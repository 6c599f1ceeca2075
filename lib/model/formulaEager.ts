/**
 * Loads the formula compiler (and mathjs) eagerly, for Node entry points — the CLI, scripts, benchmarks and
 * tests — that run scenarios with formulas synchronously. The app loads it on demand instead.
 */
import { compileFormula } from "./formula";
import { installFormulaCompiler } from "./formulaEngine";

installFormulaCompiler(compileFormula);
