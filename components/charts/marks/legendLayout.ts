import type { LegendItem } from "./Legend";

/** Height of one legend row, in SVG units. */
export const LEGEND_ROW = 14;

/** A legend entry placed at its offset from the legend's origin. */
export interface PlacedLegendItem extends LegendItem {
  dx: number;
  dy: number;
}

/** The estimated width of a legend entry (swatch + text). */
export function legendItemWidth(it: LegendItem): number {
  return 22 + it.label.length * 5.8 + 12;
}

/** Lays legend entries out left to right, wrapping to a new row past `maxWidth`; returns them and the rows' total height. */
export function layoutLegend(items: LegendItem[], maxWidth = Infinity): { items: PlacedLegendItem[]; height: number } {
  let dx = 0, row = 0;
  const placed = items.map((it) => {
    const w = legendItemWidth(it);
    if (dx > 0 && dx + w - 12 > maxWidth) { dx = 0; row++; }
    const out = { ...it, dx, dy: row * LEGEND_ROW };
    dx += w;
    return out;
  });
  return { items: placed, height: items.length ? (row + 1) * LEGEND_ROW : 0 };
}
