import type { ChartData, ScenarioExport } from "./bundle";
import { csvHeader } from "./csv";
import { roundSignificant, significantDigits } from "./precision";

/** An Excel number format for a unit: percentages for shares, two decimals for USD and ratios, thousands for quantities. */
export function excelNumberFormat(unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith("share")) return "0.0%";
  if (u.includes("usd")) return '"$"#,##0.00';
  if (/ratio|index|×|mw cpu/.test(u)) return "0.000";
  return "#,##0";
}

/** A worksheet name Excel accepts (at most 31 characters, none of []:*?/\), unique within `used`. */
export function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim();
  // A long title is cut at a word boundary where it can be, and marked with an ellipsis.
  const cut = clean.slice(0, 30);
  const base = (clean.length <= 31 ? clean : `${cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut}…`) || "Sheet";
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The scenario as an .xlsx workbook (exceljs, loaded on first use): a "Scenario" sheet first (link, date, model
 * version, thesis, cards), then "Assumptions" (every changed value with its provenance), then one sheet per
 * chart's data with units in the header row and a number format per unit.
 */
export async function scenarioWorkbook(s: ScenarioExport, charts: readonly ChartData[] = s.charts): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = `Chokepoint model ${s.modelVersion}`;
  wb.created = new Date();
  const used = new Set<string>(["scenario", "assumptions"]);
  const bold = { bold: true };

  const info = wb.addWorksheet("Scenario");
  // The first column fits its longest label (bold, so about 1.1 characters of width each), within 24–50.
  const longest = Math.max(...["Headline metrics", "Model version", ...s.cards.map((c) => c.label)].map((l) => l.length));
  info.columns = [{ width: Math.min(50, Math.max(24, Math.ceil(longest * 1.1))) }, { width: 110 }];
  const infoRows: [string, string][] = [
    ["Scenario", s.title],
    ["Thesis", s.thesis],
    ["Link", s.url],
    ["As of", s.asOf],
    ["Model version", s.modelVersion],
    ["Preset", s.presetId],
    ["Digest", s.digest],
    ...(s.baselineNote ? [["Baseline", s.baselineNote] as [string, string]] : []),
  ];
  for (const [k, v] of infoRows) info.addRow([k, v]).getCell(1).font = bold;
  const link = info.getCell(`B${infoRows.findIndex(([k]) => k === "Link") + 1}`);
  link.value = { text: s.url, hyperlink: s.url };
  link.font = { color: { argb: "FF1A56DB" }, underline: true };
  info.addRow([]);
  info.addRow(["Headline metrics"]).getCell(1).font = bold;
  for (const c of s.cards) info.addRow([c.label, [c.value, c.note, c.delta].filter(Boolean).join(" · ")]);
  info.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  const as = wb.addWorksheet("Assumptions");
  as.columns = [
    { header: "Of", key: "of", width: 10 },
    { header: "Assumption", key: "label", width: 44 },
    { header: "This scenario", key: "value", width: 26 },
    { header: "Preset", key: "presetValue", width: 26 },
    { header: "Provenance of the preset value", key: "provenance", width: 90 },
    { header: "Id", key: "id", width: 28 },
  ];
  as.getRow(1).font = bold;
  if (!s.assumptions.length) as.addRow({ label: "none: the preset as is" });
  for (const a of s.assumptions) as.addRow(a);
  as.views = [{ state: "frozen", ySplit: 1 }];

  for (const c of charts) {
    const ws = wb.addWorksheet(sheetName(c.title, used));
    if (c.months && c.columns) {
      const cols = c.columns;
      ws.columns = [{ header: "Month", width: 10 }, ...cols.map((col) => ({ header: csvHeader(col.label, col.unit), width: Math.min(40, Math.max(14, csvHeader(col.label, col.unit).length * 0.9)) }))];
      c.months.forEach((m, t) => {
        ws.addRow([
          m,
          ...cols.map((col) => {
            const v = col.values[t];
            if (typeof v === "number") return Number.isFinite(v) ? roundSignificant(v, significantDigits(col.unit)) : null;
            return v ?? null;
          }),
        ]);
      });
      cols.forEach((col, i) => (ws.getColumn(i + 2).numFmt = excelNumberFormat(col.unit)));
    } else if (c.table) {
      ws.columns = c.table.columns.map((h) => ({ header: h, width: 30 }));
      for (const r of c.table.rows) ws.addRow(r);
    }
    ws.getRow(1).font = bold;
    ws.getRow(1).alignment = { wrapText: true, vertical: "top" };
    ws.views = [{ state: "frozen", ySplit: 1, xSplit: c.months ? 1 : 0 }];
    const foot = ws.rowCount + 2;
    ws.getCell(`A${foot}`).value = `Source: ${c.sourceLine}`;
    ws.getCell(`A${foot + 1}`).value = { text: `Scenario: ${s.url}`, hyperlink: s.url };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
