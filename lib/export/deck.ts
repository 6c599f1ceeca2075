import { assumptionLines, type ChartData, type ScenarioExport } from "./bundle";

/** A chart's picture for a slide: the SVG (PowerPoint 2019+ shows it; pptxgenjs adds a PNG fallback in the browser) or a PNG. */
export interface SlidePicture {
  /** A standalone SVG document of the chart. */
  svg?: string;
  /** A PNG as a data URL ("data:image/png;base64,…"), used when there is no SVG. */
  png?: string;
  /** The picture's size in CSS pixels, for its aspect ratio. */
  width: number;
  height: number;
}

/** One chart slide's content. */
export interface ChartSlide {
  chart: ChartData;
  picture: SlidePicture;
}

/** UTF-8 text as base64 (browser and Node). */
export function utf8ToBase64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const W = 10, H = 5.625; // LAYOUT_16x9, inches
const M = 0.4;
const FONT = "Inter";
const GREY = "555555";
const LINK = "1A56DB";

/** The largest box of the picture's aspect ratio that fits in w × h, centred horizontally at x. */
function fit(p: SlidePicture, x: number, y: number, w: number, h: number) {
  const ar = p.width > 0 && p.height > 0 ? p.width / p.height : 2;
  let pw = w, ph = w / ar;
  if (ph > h) {
    ph = h;
    pw = h * ar;
  }
  return { x: x + (w - pw) / 2, y, w: pw, h: ph };
}

/**
 * A PowerPoint file (pptxgenjs, loaded on first use) at 16:9: with `cover`, a first slide with the scenario's
 * title, thesis, date, model version and link, and a second with the headline cards; then one slide per chart with
 * the chart's title as the slide title, its units, the picture, its one-line reading, the source line and the
 * scenario link. The changed assumptions are in every slide's speaker notes.
 */
export async function chartDeck(s: ScenarioExport, slides: readonly ChartSlide[], { cover }: { cover: boolean }): Promise<Uint8Array> {
  const PptxGenJS = (await import("pptxgenjs")).default;
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_16x9";
  pptx.author = `Chokepoint model ${s.modelVersion}`;
  pptx.title = cover ? `Chokepoint scenario: ${s.title}` : slides[0]?.chart.title ?? s.title;
  pptx.subject = s.url;
  pptx.defineSlideMaster({
    title: "CHOKEPOINT",
    background: { color: "FFFFFF" },
    objects: [{ placeholder: { options: { name: "title", type: "title", x: M, y: 0.22, w: W - 2 * M, h: 0.6, fontFace: FONT, fontSize: 22, bold: true, color: "111111", valign: "top", align: "left" }, text: "" } }],
    slideNumber: { x: W - M - 0.5, y: H - 0.32, w: 0.5, h: 0.25, fontFace: FONT, fontSize: 8, color: GREY, align: "right" },
  });
  const changes = assumptionLines(s.assumptions);
  const notes = (lead: string) => [lead, "", "Changed from the preset:", ...(changes.length ? changes.map((c) => `• ${c}`) : ["none (the preset as is)"]), "", `Scenario: ${s.url}`, `As of ${s.asOf}, model ${s.modelVersion}.`].join("\n");
  const linkLine = (slide: ReturnType<typeof pptx.addSlide>, y: number) =>
    slide.addText([{ text: s.url, options: { hyperlink: { url: s.url, tooltip: "Open this scenario in Chokepoint" }, color: LINK } }], { x: M, y, w: W - 2 * M - 0.6, h: 0.25, fontFace: FONT, fontSize: 8, fit: "shrink", valign: "top" });

  if (cover) {
    const first = pptx.addSlide({ masterName: "CHOKEPOINT" });
    first.addText(s.title, { placeholder: "title" });
    first.addText(s.thesis, { x: M, y: 0.95, w: W - 2 * M, h: 1.9, fontFace: FONT, fontSize: 18, color: "222222", valign: "top", fit: "shrink" });
    first.addText(`As of ${s.asOf} · Chokepoint model ${s.modelVersion}${s.baselineNote ? ` · ${s.baselineNote}` : ""}`, { x: M, y: 3.0, w: W - 2 * M, h: 0.35, fontFace: FONT, fontSize: 12, color: GREY });
    const own = s.assumptions.filter((a) => a.of === "scenario").length;
    const base = s.assumptions.length - own;
    const changed = own ? `${own} assumption${own === 1 ? "" : "s"} changed from the preset` : "The preset as is: no assumption changed";
    first.addText(`${changed}${base ? `; ${base} in the pinned baseline` : ""}${changes.length ? " (see the notes)" : ""}.`, { x: M, y: 3.4, w: W - 2 * M, h: 0.35, fontFace: FONT, fontSize: 12, color: GREY });
    linkLine(first, H - 0.7);
    first.addNotes(notes(s.thesis));

    const cards = pptx.addSlide({ masterName: "CHOKEPOINT" });
    cards.addText("Headline metrics", { placeholder: "title" });
    const cols = 5, gap = 0.12, cw = (W - 2 * M - gap * (cols - 1)) / cols, ch = 1.05;
    s.cards.forEach((c, i) => {
      const x = M + (i % cols) * (cw + gap), y = 0.95 + Math.floor(i / cols) * (ch + gap);
      const wide = c.value.length > 24;
      cards.addShape("rect", { x, y, w: wide ? W - M - x : cw, h: ch, fill: { color: "F5F7FA" }, line: { color: "D0D7DE", width: 0.75 } });
      cards.addText(
        [
          { text: c.label, options: { fontSize: 9, color: GREY, breakLine: true } },
          { text: c.value, options: { fontSize: wide ? 12 : 15, bold: true, color: "111111", breakLine: true } },
          { text: [c.note, c.delta].filter(Boolean).join(" · "), options: { fontSize: 8, color: GREY } },
        ],
        { x: x + 0.06, y: y + 0.04, w: (wide ? W - M - x : cw) - 0.12, h: ch - 0.08, fontFace: FONT, valign: "top", fit: "shrink" },
      );
    });
    linkLine(cards, H - 0.32);
    cards.addNotes(notes(s.cards.map((c) => `${c.label}: ${c.value}${c.note ? ` (${c.note})` : ""}${c.delta ? `; ${c.delta}` : ""}`).join("\n")));
  }

  for (const { chart, picture } of slides) {
    const slide = pptx.addSlide({ masterName: "CHOKEPOINT" });
    slide.addText(chart.title, { placeholder: "title" });
    slide.addText(`Units: ${chart.units}`, { x: M, y: 0.78, w: W - 2 * M, h: 0.28, fontFace: FONT, fontSize: 10, color: GREY, fit: "shrink" });
    const box = fit(picture, M, 1.1, W - 2 * M, 3.3);
    const data = picture.svg ? `data:image/svg+xml;base64,${utf8ToBase64(picture.svg)}` : picture.png;
    if (data) slide.addImage({ data, ...box, altText: `${chart.title}. ${chart.reading}` });
    slide.addText(chart.reading, { x: M, y: 4.45, w: W - 2 * M, h: 0.42, fontFace: FONT, fontSize: 11, color: "222222", valign: "top", fit: "shrink" });
    slide.addText(`Source: ${chart.sourceLine}`, { x: M, y: 4.9, w: W - 2 * M, h: 0.38, fontFace: FONT, fontSize: 7, color: GREY, valign: "top", fit: "shrink" });
    linkLine(slide, H - 0.32);
    slide.addNotes(notes(chart.reading));
  }
  const out = await pptx.write({ outputType: "uint8array" });
  return out as Uint8Array;
}
