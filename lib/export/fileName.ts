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

/** An export's file name that says chart, preset and date: chokepoint_supply-demand_baseline_2026-11-23.svg */
export function exportFileName(chartId: string, presetId: string, date: Date | string, ext: "svg" | "png" | "csv" | "pdf" = "svg"): string {
  return `chokepoint_${slug(chartId)}_${slug(presetId)}_${isoDate(date)}.${ext}`;
}
