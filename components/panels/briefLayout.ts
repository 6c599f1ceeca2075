/** The charts of the brief, two per printed page, in workspace order; the calibration table has its own pages. */
export function chartPages(ids: readonly string[], perPage = 2): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += perPage) pages.push(ids.slice(i, i + perPage));
  return pages;
}

/** A string as a CSS string literal (for the printed footer's `content`). */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, " ").replace(/[^\x20-\x7e]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** Longest link printed whole in the page footer; a longer one is printed on the first page and named by its digest in the footer. */
export const FOOTER_LINK_MAX = 180;

/** The text of the printed footer: the scenario link, or its digest and a pointer to page 1 when the link is too long to print there. */
export function footerText(url: string, digest: string): string {
  return url.length <= FOOTER_LINK_MAX ? url : `Chokepoint scenario ${digest}: the link is on page 1`;
}
