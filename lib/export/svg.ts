/** What a standalone chart image carries besides the chart itself. */
export interface ChartSvgOptions {
  /** The chart's SVG markup: a full <svg> element (e.g. from XMLSerializer) or its inner content. */
  markup: string;
  /** Size of the chart area, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  /** Units of the chart's axes, e.g. "wafers / month". */
  units?: string;
  /** Model version and data sources. */
  sourceLine: string;
  /** The assumptions changed from the preset (see changedAssumptions). */
  changedAssumptions: readonly string[];
  /** The share link that opens this scenario. */
  scenarioUrl: string;
  /** Extra CSS the markup relies on (class rules with resolved colors); inlined in the document. */
  css?: string;
}

/** Inter first (embedded by the exporter with `fontCss`), then the system stack where it is not. */
export const FONT_STACK = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Removes characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF). */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

/** Escapes text for an XML element or a double- or single-quoted attribute. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(String(s)).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Splits text into lines of at most `maxChars`, at spaces where possible, hard-breaking long words (URLs). */
export function wrapText(text: string, maxChars: number): string[] {
  const max = Math.max(8, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > max) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(w.slice(0, max));
      w = w.slice(max);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= max) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const PAD = 16;
/** Rough average glyph width as a share of the font size, for wrapping without measuring. */
const CHAR_WIDTH = 0.56;

/** Drops an XML declaration or doctype from markup that is embedded in another document. */
function embeddable(markup: string): string {
  return markup.replace(/^\s*<\?xml[^>]*\?>/i, "").replace(/<!DOCTYPE[^>]*>/gi, "");
}

const cdata = (css: string) => `<![CDATA[${css.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/**
 * A self-contained SVG document for one chart, ready to save or rasterise: white background, title, subtitle
 * and units on top, the chart, and a footer with the source line, the assumptions changed from the preset and
 * the scenario URL. Styles are inline; with `css` carrying the embedded Inter faces (lib/export/fonts.ts) the file
 * needs nothing else to render, and without them it falls back to the system font stack.
 */
export function chartSvgDocument(o: ChartSvgOptions): string {
  const width = Math.max(200, Math.round(Number.isFinite(o.width) ? o.width : 800));
  const chartHeight = Math.max(0, Math.round(Number.isFinite(o.height) ? o.height : 400));
  const textWidth = width - 2 * PAD;
  const wrap = (s: string, size: number) => wrapText(stripInvalidXmlChars(s), textWidth / (size * CHAR_WIDTH));

  const parts: string[] = [];
  let y = PAD;
  const line = (text: string, size: number, cls: string) => {
    y += Math.round(size * 1.35);
    parts.push(`<text class="${cls}" x="${PAD}" y="${y}">${escapeXml(text)}</text>`);
  };
  for (const l of wrap(o.title, 18)) line(l, 18, "title");
  if (o.subtitle) for (const l of wrap(o.subtitle, 13)) line(l, 13, "subtitle");
  if (o.units) for (const l of wrap(`Units: ${o.units}`, 12)) line(l, 12, "units");
  y += 10;
  const chartTop = y;
  parts.push(`<g class="chart" transform="translate(0,${chartTop})">${embeddable(o.markup)}</g>`);
  y = chartTop + chartHeight + 8;
  parts.push(`<line class="rule" x1="${PAD}" x2="${width - PAD}" y1="${y}" y2="${y}"/>`);
  y += 2;
  for (const l of wrap(`Source: ${o.sourceLine}`, 11)) line(l, 11, "footer");
  const changes = o.changedAssumptions.length ? o.changedAssumptions.join("; ") : "none (the preset as is)";
  for (const l of wrap(`Changed from the preset: ${changes}`, 11)) line(l, 11, "footer");
  const urlLines = wrap(`Scenario: ${o.scenarioUrl}`, 11);
  const urlStart = parts.length;
  for (const l of urlLines) line(l, 11, "footer url");
  // The URL lines are one link to the scenario.
  parts.splice(urlStart, 0, `<a href="${escapeXml(stripInvalidXmlChars(o.scenarioUrl))}">`);
  parts.push("</a>");
  const height = y + PAD;

  const css =
    `svg{font-family:${FONT_STACK};}` +
    `.title{font-size:18px;font-weight:600;fill:#111;}` +
    `.subtitle{font-size:13px;fill:#333;}` +
    `.units{font-size:12px;fill:#555;}` +
    `.footer{font-size:11px;fill:#555;}` +
    `.url{fill:#1a56db;}` +
    `.rule{stroke:#ccc;stroke-width:1;}` +
    (o.css ?? "");

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT_STACK}'>` +
    `<title>${escapeXml(o.title)}</title>` +
    (o.subtitle ? `<desc>${escapeXml(o.subtitle)}</desc>` : "") +
    `<style>${cdata(stripInvalidXmlChars(css))}</style>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    parts.join("") +
    `</svg>\n`
  );
}

/** Width and height of an SVG document from its root element's attributes (for rasterising). */
export function svgDocumentSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? "";
  const attr = (name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)(px)?["']`).exec(root);
    return m ? Number(m[1]) : NaN;
  };
  const vb = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/.exec(root);
  const width = attr("width") || (vb ? Number(vb[1]) : NaN);
  const height = attr("height") || (vb ? Number(vb[2]) : NaN);
  return { width: Number.isFinite(width) && width > 0 ? width : 800, height: Number.isFinite(height) && height > 0 ? height : 600 };
}

/**
 * The chart alone as a standalone SVG document (white background, `css` inlined), for a slide's picture. `scale`
 * multiplies its stated size (not its drawing), so a PNG made from it at its natural size is that much sharper.
 */
export function chartPictureSvg(markup: string, width: number, height: number, css = "", scale = 1): string {
  const w = Math.max(1, Math.round(Number.isFinite(width) ? width : 800));
  const h = Math.max(1, Math.round(Number.isFinite(height) ? height : 400));
  const k = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${Math.round(w * k)}" height="${Math.round(h * k)}" viewBox="0 0 ${w} ${h}" font-family='${FONT_STACK}'>` +
    `<style>${cdata(stripInvalidXmlChars(`svg{font-family:${FONT_STACK};}${css}`))}</style>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    embeddable(markup) +
    `</svg>\n`
  );
}
