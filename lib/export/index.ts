/** Chart and data export: pure functions of a run, a chart's markup and a scenario (PNG in png.ts needs a browser). */
export { seriesToCsv, runToCsv, runColumns, chartColumns, csvHeader, tableToCsv, type CsvColumn } from "./csv";
export { chartSvgDocument, chartPictureSvg, escapeXml, stripInvalidXmlChars, wrapText, svgDocumentSize, FONT_STACK, type ChartSvgOptions } from "./svg";
export { exportFileName, isoDate, slug, type ExportExt, type ExportNameOptions } from "./fileName";
export { changedAssumptions, changedAssumptionRows, type AssumptionChange } from "./assumptions";
export { exportSourceLine } from "./source";
export { MODEL_VERSION } from "./version";
export { scenarioDigest } from "./digest";
export { exportNumber, roundSignificant, significantDigits } from "./precision";
export { provenanceText } from "./provenance";
export { embedSnippet, embedUrl } from "./embed";
export { scenarioLink } from "./link";
export { assumptionLines, assumptionsCsv, chartDataCsv, type AssumptionExport, type CardExport, type ChartData, type ScenarioExport } from "./bundle";
