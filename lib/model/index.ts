/** The Chokepoint model: pure TypeScript, no UI. */
export { simulate } from "./simulate";
export { createDirectRunner, type ModelRunner } from "./runner";
export * from "./types";
export { PARAMS, CHOICES, PARAM_BY_ID, GPUS, PATHS, defaultParams, type ParamSpec, type DistributionKind, type ChoiceSpec, type GpuGeneration, type Provenance } from "./catalog";
export { DRIVERS, type DriverSpec } from "./drivers";
export { SERIES_META } from "./series";
export { clearsAt, peak, yearActiveMean, yearMean } from "./metrics";
export { monthIndex, monthLabel, monthLabels } from "./time";
export { checkFormulaSyntax, FormulaError, FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH, type CompiledFormula } from "./formulaSyntax";
export { loadFormulaEngine, formulaEngineReady, installFormulaCompiler, FORMULA_SYMBOLS } from "./formulaEngine";
export { checkDriverFormula, type DriverFormulaCheck } from "./driverFormula";
export type { FormulaOutcome, FormulaProblem } from "./formulaPaths";
