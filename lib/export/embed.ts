import { escapeXml } from "./svg";
import { scenarioLink } from "./link";

/** The address of a chart's embed: `/embed/<chart>?<scenario query>` on `origin`. */
export function embedUrl(origin: string, chartId: string, query: string): string {
  return scenarioLink(origin, `/embed/${encodeURIComponent(chartId)}`, query);
}

/** The `<iframe>` snippet that embeds a chart: its address, a title for screen readers, a size and no border. */
export function embedSnippet(src: string, title: string, width = 720, height = 480): string {
  const w = Math.max(200, Math.round(Number.isFinite(width) ? width : 720));
  const h = Math.max(150, Math.round(Number.isFinite(height) ? height : 480));
  return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="${w}" height="${h}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
