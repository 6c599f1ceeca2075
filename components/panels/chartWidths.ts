import { CHARTS } from "../charts/registry";

/** Below this width of the charts section, charts stack in one column (matches the container query in globals.css). */
export const ONE_COLUMN_BELOW = 700;
/** Grid gap between charts and a figure's horizontal padding plus border, in CSS px (from globals.css). */
const GAP = 14, FIGURE_CHROME = 22;

/** The width each chart is laid out for, from the charts section's measured width (undefined: the standard width). */
export function chartWidths(sectionWidth: number | null): { width(chartId: string): number | undefined } {
  if (!sectionWidth || sectionWidth <= 0) return { width: () => undefined };
  const oneColumn = sectionWidth < ONE_COLUMN_BELOW;
  const full = Math.floor(sectionWidth - FIGURE_CHROME);
  const half = Math.floor((sectionWidth - GAP) / 2 - FIGURE_CHROME);
  const wide = new Set(CHARTS.map((c) => c.id).filter((id) => ["supply-demand", "shortage-horizon", "tokens", "revenue", "calibration"].includes(id)));
  return { width: (id) => Math.max(280, oneColumn || wide.has(id) ? full : half) };
}
