/** A file-name-safe slug: lowercase letters, digits and hyphens. */
export function slug(s: string, maxLength = 40): string {
  const out = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return out || "untitled";
}

/** A local calendar date as YYYY-MM-DD; a string already in that form passes through. */
export function isoDate(date: Date | string): string {
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return "undated";
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The kinds of file Chokepoint exports. */
export type ExportExt = "svg" | "png" | "csv" | "pdf" | "zip" | "pptx" | "xlsx";

/** What tells one export apart from another besides chart, preset and date. */
export interface ExportNameOptions {
  /** The scenario's short digest (scenarioDigest), so different scenarios never share a name. */
  digest?: string;
  /** The PNG scale (2 → "2x"), so 2× and 4× never overwrite each other. */
  scale?: number;
}

/**
 * An export's file name that says chart, preset, scenario digest, scale and date:
 * chokepoint_supply-demand_baseline_1a2b3c4d_2x_2026-11-23.png
 */
export function exportFileName(chartId: string, presetId: string, date: Date | string, ext: ExportExt = "svg", opts: ExportNameOptions = {}): string {
  const digest = opts.digest ? `_${opts.digest.toLowerCase().replace(/[^0-9a-z]/g, "").slice(0, 12) || "x"}` : "";
  const scale = opts.scale && Number.isFinite(opts.scale) && opts.scale > 0 ? `_${String(opts.scale).replace(/[^0-9]/g, "-")}x` : "";
  return `chokepoint_${slug(chartId)}_${slug(presetId)}${digest}${scale}_${isoDate(date)}.${ext}`;
}
