/** Chart and data export: pure functions of a run, a chart's markup and a scenario (PNG in png.ts needs a browser). */
export { seriesToCsv, runToCsv, runColumns, csvHeader, tableToCsv, type CsvColumn } from "./csv";
export { chartSvgDocument, escapeXml, stripInvalidXmlChars, wrapText, svgDocumentSize, FONT_STACK, type ChartSvgOptions } from "./svg";
export { exportFileName, isoDate, slug } from "./fileName";
export { changedAssumptions, changedAssumptionRows, type AssumptionChange } from "./assumptions";
export { exportSourceLine } from "./source";
export { MODEL_VERSION } from "./version";
