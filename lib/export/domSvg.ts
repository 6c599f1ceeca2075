/**
 * Serialises a chart's live <svg> for export (browser only): a copy without the crosshair, sized in CSS
 * pixels, with each element's computed paint and text styles written inline so that the file renders the
 * same with no stylesheet.
 */
const INLINE_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-size", "font-weight", "font-family", "text-anchor", "dominant-baseline"] as const;

/** The chart's markup as a standalone <svg> element string of `width` × `height`. */
export function serializeChartSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll("*"))];
  const copies = [clone, ...Array.from(clone.querySelectorAll("*"))];
  // Only what differs from the parent is written (the rest is inherited), so the file stays small.
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let cs = computed.get(el);
    if (!cs) computed.set(el, (cs = getComputedStyle(el)));
    return cs;
  };
  copies.forEach((el, i) => {
    const src = originals[i];
    if (!src || src.tagName === "title" || src.tagName === "desc") return;
    const cs = styleOf(src);
    const parent = i === 0 ? null : src.parentElement ? styleOf(src.parentElement) : null;
    const decls: string[] = [];
    for (const p of INLINE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (!v || v === "normal" || v === "auto") continue;
      if (p === "opacity" ? v === "1" : parent && parent.getPropertyValue(p) === v) continue;
      decls.push(`${p}:${v}`);
    }
    if (decls.length) el.setAttribute("style", decls.join(";"));
  });
  clone.querySelectorAll(".crosshair").forEach((n) => n.remove());
  for (const a of ["role", "aria-labelledby", "preserveAspectRatio", "class"]) clone.removeAttribute(a);
  clone.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

/** Saves a blob under a file name through a temporary <a download> and an object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
