/** Seeded uncertainty sampling over the catalog's bands, and quantiles over many runs. Pure TypeScript, no DOM. */
export { uniformStream, isValidSeed, MAX_SEED, type UniformStream } from "./prng";
export { normalCdf, normalQuantile } from "./normal";
export { paramDistribution, Z95, type ParamDistribution } from "./distributions";
export { CORRELATION_PAIRS, correlationProblems, correlationTarget, type CorrelationPair, type CorrelationTarget } from "./correlations";
export { imanConover } from "./imanConover";
export { BLOCK_SIZE, createSampler, type Sampler, type SamplerOptions } from "./design";
export { drawScenarios, iterateScenarios, scenarioForDraw, type DrawOptions } from "./draw";
export { QuantileSketch, SketchRunBuffer, RUN_BATCH, quantileRank, DEFAULT_RELATIVE_ACCURACY, CHART_RELATIVE_ACCURACY, MIN_RELATIVE_ACCURACY, ZERO_THRESHOLD, type QuantileSketchState } from "./quantileSketch";
export { ExactQuantiles, type ExactQuantilesState } from "./exactQuantiles";
export { SeriesQuantiles, FAN_PROBS, seriesBand, type SeriesQuantilesResult, type SeriesQuantilesState } from "./seriesQuantiles";
export { chartedSeriesIds } from "./chartedSeries";
