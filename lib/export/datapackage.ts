import { strToU8, zipSync } from "fflate";
import { assumptionsCsv, chartDataCsv, type ChartData, type ScenarioExport } from "./bundle";
import { csvHeader } from "./csv";
import { significantDigits } from "./precision";
import { slug } from "./fileName";

/**
 * Licences of the data inside a package. The model's own outputs carry no licence of their own yet; the one
 * third-party data set among the inputs is Epoch AI's AI Chip Sales data (installed base), under MIT.
 */
export const DATA_LICENSES = [{ name: "MIT", path: "https://opensource.org/license/mit", title: "Epoch AI, AI Chip Sales data (installed-base input), MIT licence" }];

/** One Frictionless table schema field. */
interface Field {
  name: string;
  type: "string" | "number" | "yearmonth";
  title?: string;
  description?: string;
  /** Unit of the numbers (a Frictionless custom property). */
  unit?: string;
}

/** The Frictionless fields of a chart's CSV, in column order, with units. */
export function chartFields(c: ChartData): Field[] {
  if (c.months && c.columns) {
    return [
      { name: "month", type: "yearmonth", title: "Month", description: "Calendar month, YYYY-MM" },
      ...c.columns.map((col): Field => {
        const numeric = Array.from({ length: col.values.length }, (_, i) => col.values[i]).some((v) => typeof v === "number");
        return numeric
          ? { name: csvHeader(col.label, col.unit), type: "number", title: col.label, unit: col.unit, description: `${col.unit || "no unit"}; ${significantDigits(col.unit)} significant digits` }
          : { name: csvHeader(col.label, col.unit), type: "string", title: col.label };
      }),
    ];
  }
  return (c.table?.columns ?? []).map((name) => ({ name, type: "string" }));
}

/** The `datapackage.json` (Frictionless Data Package v1, tabular) describing a scenario's CSV files. */
export function dataPackageJson(s: ScenarioExport, charts: readonly ChartData[], created = new Date()): Record<string, unknown> {
  return {
    profile: "tabular-data-package",
    name: `chokepoint-${slug(s.presetId)}-${s.digest}`,
    title: `Chokepoint scenario: ${s.title}`,
    description: s.thesis,
    homepage: s.url,
    version: s.modelVersion,
    created: created.toISOString(),
    keywords: ["AI compute", "supply chain", "capacity", "scenario"],
    licenses: DATA_LICENSES,
    contributors: [{ title: "Chokepoint model", role: "author" }],
    sources: [{ title: `Chokepoint model ${s.modelVersion}`, path: s.url }],
    chokepoint: { scenarioUrl: s.url, modelVersion: s.modelVersion, asOf: s.asOf, presetId: s.presetId, digest: s.digest, ...(s.baselineNote ? { baseline: s.baselineNote } : {}) },
    resources: [
      ...charts.map((c) => ({
        profile: "tabular-data-resource",
        name: slug(c.id),
        path: `data/${slug(c.id)}.csv`,
        title: c.title,
        description: `${c.subtitle}. ${c.reading}`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        sources: c.sources.map((title) => ({ title })),
        schema: { fields: chartFields(c) },
      })),
      {
        profile: "tabular-data-resource",
        name: "assumptions",
        path: "data/assumptions.csv",
        title: "Assumptions changed from the preset",
        description: "Every value the scenario (and its pinned baseline) changes from its preset, with the provenance of the preset value.",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: { fields: ["of", "id", "assumption", "value", "preset value", "provenance of the preset value"].map((name) => ({ name, type: "string" })) },
      },
    ],
  };
}

/** The package's README: what it is, which scenario, and how to read the files. */
export function dataPackageReadme(s: ScenarioExport, charts: readonly ChartData[]): string {
  const lines = [
    `# Chokepoint scenario data: ${s.title}`,
    "",
    s.thesis,
    "",
    `- Scenario: ${s.url}`,
    `- Model version: ${s.modelVersion}`,
    `- As of: ${s.asOf}`,
    ...(s.baselineNote ? [`- ${s.baselineNote} (its columns end in " — baseline")`] : []),
    `- Changed from the preset: ${s.assumptions.filter((a) => a.of === "scenario").length || "nothing (the preset as is)"}; see data/assumptions.csv`,
    "",
    "## Files",
    "",
    ...charts.map((c) => `- data/${slug(c.id)}.csv — ${c.title} (${c.units}). ${c.reading}`),
    "- data/assumptions.csv — the assumptions changed from the preset, with provenance",
    "- datapackage.json — Frictionless Data Package: fields, units, sources, licence",
    "",
    "Numbers are rounded to the significant digits of their unit (4 for shares, ratios and indices, 5 for USD, 6 for",
    "quantities); an empty cell is a month outside a series' horizon. Units are in each column's header.",
    "",
    `Licence: ${DATA_LICENSES.map((l) => l.title).join("; ")}.`,
    "",
  ];
  return lines.join("\n");
}

/** A scenario's data package as a zip: datapackage.json, README.md, one CSV per chart and the assumptions. */
export function dataPackageZip(s: ScenarioExport, charts: readonly ChartData[] = s.charts, created = new Date()): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "datapackage.json": strToU8(`${JSON.stringify(dataPackageJson(s, charts, created), null, 2)}\n`),
    "README.md": strToU8(dataPackageReadme(s, charts)),
  };
  for (const c of charts) files[`data/${slug(c.id)}.csv`] = strToU8(chartDataCsv(c));
  files["data/assumptions.csv"] = strToU8(assumptionsCsv(s.assumptions));
  return zipSync(files, { level: 6, mtime: created });
}
