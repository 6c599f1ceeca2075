import { EMBED_CHART_IDS } from "../../components/charts/embedIds";
import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { strFromU8, unzipSync } from "fflate";
import { csvParseRows } from "d3-dsv";
import ExcelJS from "exceljs";
import QRCode from "qrcode";
import { chartDownload, downloadFrom, watchErrors } from "./page";

interface OracleSeries {
  id: string;
  label: string;
  unit: string;
  values: number[];
}
interface Oracle {
  months: string[];
  title: string;
  description: string;
  series: OracleSeries[];
}

const SCENARIO = { presetId: "chronic", overrides: { packagingCapacityScale: 1.2, packagingLeadMonths: 18 } };
const QUERY = "v=1&p=chronic&pcs=1.2&plm=18";

/** The model rerun in Node for a scenario and chart (deliverables-oracle.ts). */
function oracle(chartId: string, state = SCENARIO): Oracle {
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/deliverables-oracle.ts", JSON.stringify([state, chartId])], { encoding: "utf8" }));
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // The brief and embeds run the model for every chart after mount: allow for a busy machine.
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}


/** Significant digits of a number as written in a CSV cell. */
const sigDigits = (cell: string) => cell.replace(/^-/, "").replace(/e.*$/i, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length;

/** The digits an export keeps for a unit (4 for shares, ratios and indices, 5 for USD, 6 for quantities). */
const digitsFor = (unit: string) => (/share|%|ratio|index|×|mw cpu/i.test(unit) ? 4 : /usd/i.test(unit) ? 5 : 6);

const unesc = (x: string) => x.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');

test.describe("one chart's exports", () => {
  test("names carry preset, digest and scale; CSV at meaningful precision; slide and data package checked by content", async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await open(page, `/?${QUERY}`);
    const origin = new URL(page.url()).origin;
    const names: string[] = [];
    for (const b of ["PNG 2×", "PNG 4×", "SVG", "CSV", "Slide (.pptx)", "Data (.zip)"]) names.push((await chartDownload(page, "prices", b)).name);
    expect(new Set(names).size).toBe(names.length);
    const digest = /^chokepoint_prices_chronic_([0-9a-f]{8})_2x_\d{4}-\d{2}-\d{2}\.png$/.exec(names[0])?.[1];
    expect(digest).toBeTruthy();
    expect(names[1]).toMatch(new RegExp(`^chokepoint_prices_chronic_${digest}_4x_\\d{4}-\\d{2}-\\d{2}\\.png$`));
    for (const [i, ext] of [[2, "svg"], [3, "csv"], [4, "pptx"], [5, "zip"]] as const) expect(names[i]).toMatch(new RegExp(`^chokepoint_prices_chronic_${digest}_\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));

    // The SVG footer carries the "as of" date and the model version.
    const svg = (await chartDownload(page, "prices", "SVG")).body.toString("utf8");
    expect(svg).toMatch(/Chokepoint model \d+\.\d+\.\d+, as of \d{4}-\d{2}-\d{2}/);

    // CSV: every number within half a unit of its last kept digit of the model's, and no more digits than its unit keeps.
    const want = oracle("prices");
    const rows = csvParseRows((await chartDownload(page, "prices", "CSV")).body.toString("utf8").trimEnd());
    expect(rows).toHaveLength(want.months.length + 1);
    want.series.forEach((s, k) => {
      expect(rows[0][k + 1]).toBe(`${s.label} (${s.unit})`);
      const d = digitsFor(s.unit);
      rows.slice(1).forEach((r, t) => {
        expect(sigDigits(r[k + 1])).toBeLessThanOrEqual(d);
        expect(Math.abs(Number(r[k + 1]) - s.values[t])).toBeLessThanOrEqual(Math.abs(s.values[t]) * 5 * 10 ** -d + 1e-12);
      });
    });
    expect(rows.flat().some((c) => /\d{9,}\.\d|\.\d{9,}/.test(c))).toBe(false);

    // Slide: one 16:9 slide with the title as its title placeholder, units, source line and link; SVG with a PNG fallback.
    const slide = unzipSync((await chartDownload(page, "prices", "Slide (.pptx)")).body);
    expect(Object.keys(slide).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))).toEqual(["ppt/slides/slide1.xml"]);
    const xml = unesc(strFromU8(slide["ppt/slides/slide1.xml"]));
    expect(xml).toMatch(/<p:ph\s[^>]*type="title"/);
    expect(xml).toContain(want.title);
    expect(xml).toContain("Units: price index");
    expect(xml).toMatch(/Source: Chokepoint model \d+\.\d+\.\d+, as of \d{4}-\d{2}-\d{2}; data: /);
    expect(xml).toContain(`${origin}/?${QUERY}`);
    expect(xml).toContain("asvg:svgBlip");
    expect(unesc(strFromU8(slide["ppt/slides/_rels/slide1.xml.rels"]))).toContain(`${origin}/?${QUERY}`);
    const media = Object.keys(slide).filter((k) => k.startsWith("ppt/media/"));
    expect(media.some((m) => m.endsWith(".svg"))).toBe(true);
    const png = media.find((m) => m.endsWith(".png"))!;
    expect(Buffer.from(slide[png].subarray(1, 4)).toString()).toBe("PNG");
    expect(slide[png].length).toBeGreaterThan(5_000);
    expect(strFromU8(slide["ppt/presentation.xml"])).toContain('cx="9144000" cy="5143500"');
    expect(unesc(strFromU8(slide["ppt/notesSlides/notesSlide1.xml"]))).toContain("1.2 × plan (preset: 1 × plan)");
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/slide-prices.pptx", (await chartDownload(page, "prices", "Slide (.pptx)")).body);

    // Data package of one chart.
    const zip = unzipSync((await chartDownload(page, "prices", "Data (.zip)")).body);
    expect(Object.keys(zip).sort()).toEqual(["README.md", "data/assumptions.csv", "data/prices.csv", "datapackage.json"]);
    const pkg = JSON.parse(strFromU8(zip["datapackage.json"]));
    expect(pkg.homepage).toBe(`${origin}/?${QUERY}`);
    expect(pkg.chokepoint.modelVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Date.now() - Date.parse(pkg.created)).toBeLessThan(600_000);
    expect(pkg.licenses.length).toBeGreaterThan(0);
    const fields = pkg.resources[0].schema.fields;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(rows[0]);
    expect(fields.slice(1).map((f: { unit: string }) => f.unit)).toEqual(want.series.map((s) => s.unit));
    expect(pkg.resources[0].sources.length).toBeGreaterThan(0);

    for (const width of [390, 768, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('figure[data-chart="prices"]').screenshot({ path: `test-results/export-menu-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // Another scenario gets another digest, so its exports never overwrite these.
    await open(page, "/?v=1&p=chronic&pcs=1.25&plm=18");
    const other = (await chartDownload(page, "prices", "CSV")).name;
    expect(other).toMatch(/^chokepoint_prices_chronic_[0-9a-f]{8}_/);
    expect(other).not.toBe(names[3]);
    expect(errors).toEqual([]);
  });
});

test("the scenario's deck, data package and workbook", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await open(page, `/?${QUERY}`);
  await page.getByRole("button", { name: /Pin the current scenario/ }).click();
  await expect.poll(() => new URL(page.url()).search).toContain("b.p=chronic");
  const link = page.url();
  const bar = page.getByRole("group", { name: "Scenario downloads" });
  // The scenario's charts (the Monte Carlo views, computed in workers, are not part of the scenario deliverables).
  const shown = await page.locator("figure[data-chart]").evaluateAll((fs) => fs.map((f) => [f.getAttribute("data-chart")!, f.querySelector(".chart-title")?.textContent ?? ""] as const));
  const scenarioCharts = shown.filter(([id]) => (EMBED_CHART_IDS as readonly string[]).includes(id));
  const charts = scenarioCharts.map(([id]) => id);
  const titles = scenarioCharts.map(([, t]) => t);

  const deck = await downloadFrom(page, () => bar.getByRole("button", { name: "Deck (.pptx)" }).click());
  expect(deck.name).toMatch(/^chokepoint_deck_chronic_[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.pptx$/);
  writeFileSync("test-results/deck.pptx", deck.body);
  const d = unzipSync(deck.body);
  const slides = Object.keys(d).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
  expect(slides).toHaveLength(2 + charts.length);
  const s1 = unesc(strFromU8(d["ppt/slides/slide1.xml"]));
  await open(page, `/brief${new URL(link).search}`);
  const thesis = (await page.locator(".brief-thesis").textContent())!;
  expect(thesis.length).toBeGreaterThan(20);
  expect(s1).toContain(thesis.slice(0, 60));
  expect(s1).toContain(link);
  expect(unesc(strFromU8(d["ppt/slides/slide2.xml"]))).toContain("Peak share of tokens unserved");
  titles.forEach((t, i) => expect(unesc(strFromU8(d[`ppt/slides/slide${i + 3}.xml`]))).toContain(t));

  // The same deliverables from the brief's own buttons: the data package of every chart and the workbook.
  const zip = await downloadFrom(page, () => page.getByRole("button", { name: "Data (.zip)" }).click());
  expect(zip.name).toBe(deck.name.replace("_deck_", "_scenario_").replace(/\.pptx$/, ".zip"));
  const z = unzipSync(zip.body);
  expect(Object.keys(z).sort()).toEqual(["README.md", "data/assumptions.csv", ...charts.map((c) => `data/${c}.csv`), "datapackage.json"].sort());
  const pkg = JSON.parse(strFromU8(z["datapackage.json"]));
  expect(pkg.chokepoint.scenarioUrl).toBe(link);
  expect(pkg.resources).toHaveLength(charts.length + 1);
  const prices = csvParseRows(strFromU8(z["data/prices.csv"]).trimEnd());
  expect(prices[0].filter((h) => h.includes("— baseline")).length).toBe(oracle("prices").series.length);
  expect(strFromU8(z["README.md"])).toContain(link);

  const xlsx = await downloadFrom(page, () => page.getByRole("button", { name: "Workbook (.xlsx)" }).click());
  expect(xlsx.name).toMatch(/^chokepoint_workbook_chronic_[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  writeFileSync("test-results/workbook.xlsx", xlsx.body);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Scenario", "Assumptions"]);
  expect(wb.worksheets).toHaveLength(2 + charts.length);
  const info = wb.getWorksheet("Scenario")!;
  const rows = Object.fromEntries(info.getSheetValues().filter(Boolean).map((r) => { const v = r as unknown[]; const b = v[2] as { text?: string } | string; return [String(v[1]), typeof b === "object" && b ? b.text : b]; }));
  expect(rows["Link"]).toBe(link);
  expect(rows["As of"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(rows["Model version"]).toMatch(/^\d+\.\d+\.\d+$/);
  const as = wb.getWorksheet("Assumptions")!;
  const ids = as.getColumn(6).values.filter(Boolean);
  expect(ids).toEqual(expect.arrayContaining(["packagingCapacityScale", "packagingLeadMonths"]));
  const priceSheet = wb.worksheets[2 + charts.indexOf("prices")];
  const want = oracle("prices");
  expect(priceSheet.getRow(1).getCell(2).value).toBe(`${want.series[0].label} (${want.series[0].unit})`);
  expect(Math.abs(Number(priceSheet.getRow(50).getCell(2).value) - want.series[0].values[48])).toBeLessThanOrEqual(want.series[0].values[48] * 5e-4);
  expect(priceSheet.getColumn(2).numFmt).toBe("0.000");
  expect(errors).toEqual([]);
});

test.describe("embeds", () => {
  let server: Server;
  let host = "";
  test.beforeAll(async () => {
    // A page on another origin (another port) that frames the embed, as a publisher's site would.
    server = createServer((req, res) => {
      const src = decodeURIComponent(new URL(req.url!, "http://x").searchParams.get("src") ?? "");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Publisher</title><h1>An article</h1><iframe id="chart" src="${src.replace(/"/g, "&quot;")}" width="640" height="420" style="border:0"></iframe>`);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    host = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  test("the Embed action gives an iframe of /embed/<chart>; framed on another origin it shows the chart alone, sized to its frame", async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await open(page, `/?${QUERY}`);
    const fig = page.locator('figure[data-chart="prices"]');
    await fig.locator("details.export summary").click();
    await fig.getByRole("button", { name: "Embed", exact: true }).click();
    await expect(fig.locator(".export-status")).toHaveText("Embed: done.");
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(await fig.locator("[data-embed-snippet]").inputValue()).toBe(snippet);
    const src = unesc(/src="([^"]+)"/.exec(snippet)![1]);
    expect(src).toBe(`${baseURL}/embed/prices?${QUERY}`);
    expect(snippet).toMatch(/^<iframe [^>]*title="[^"]+"[^>]*><\/iframe>$/);

    await page.goto(`${host}/?src=${encodeURIComponent(src)}`);
    expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
    const frame = page.frameLocator("#chart");
    await expect(frame.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    const want = oracle("prices");
    await expect(frame.locator(".chart-title")).toHaveText(want.title);
    await expect(frame.locator(".chart-description")).toHaveText(want.description);
    await expect(frame.locator(".embed-source")).toContainText(/Source: Chokepoint model \d+\.\d+\.\d+; data: /);
    const back = frame.getByRole("link", { name: /full scenario/ });
    expect(await back.getAttribute("href")).toBe(`${baseURL}/?${QUERY}`);
    expect(await back.getAttribute("target")).toBe("_blank");
    // No controls: no sliders, no buttons (the data-table toggle and export menu are not shown), no inputs.
    expect(await frame.locator("input, select, textarea, button:visible, details").count()).toBe(0);
    // Sized to its frame: the whole embed fits in 640 × 420 without scrolling, and the chart fills most of it.
    const el = page.locator("#chart");
    const box = (await el.boundingBox())!;
    const inner = await frame.locator("html").evaluate((h) => ({ sw: h.scrollWidth, sh: h.scrollHeight, cw: h.clientWidth, ch: h.clientHeight }));
    expect(inner.sw).toBeLessThanOrEqual(inner.cw);
    expect(inner.sh).toBeLessThanOrEqual(inner.ch);
    const plot = (await frame.locator(".chart-plot svg").boundingBox())!;
    expect(plot.x).toBeGreaterThanOrEqual(box.x);
    expect(plot.y + plot.height).toBeLessThanOrEqual(box.y + box.height);
    expect(plot.height).toBeGreaterThan(box.height * 0.45);
    await page.screenshot({ path: "test-results/embed-cross-origin.png" });
    for (const [w, h] of [[390, 300], [768, 480], [1440, 700]]) {
      await el.evaluate((f, [fw, fh]) => ((f as HTMLIFrameElement).width = String(fw), ((f as HTMLIFrameElement).height = String(fh))), [w, h]);
      await page.setViewportSize({ width: Math.max(w + 40, 400), height: h + 120 });
      await page.screenshot({ path: `test-results/embed-${w}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // A larger frame gives a larger chart.
    await el.evaluate((f) => ((f as HTMLIFrameElement).width = "960", ((f as HTMLIFrameElement).height = "640")));
    await expect.poll(async () => (await frame.locator(".chart-plot svg").boundingBox())!.width).toBeGreaterThan(plot.width * 1.2);
    expect(errors).toEqual([]);
  });

  test("an unknown chart is a 404", async ({ page }) => {
    const res = await page.goto("/embed/no-such-chart?v=1&p=baseline");
    expect(res?.status()).toBe(404);
  });
});

/** Every page's text from a PDF (pdfjs), with each text item's box checked against its page. */
async function pdfPages(pdf: Buffer): Promise<{ count: number; pages: { text: string; outside: string[]; size: number[] }[] }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const [x0, y0, x1, y1] = p.view;
    const tc = await p.getTextContent();
    const items = tc.items.filter((t): t is typeof t & { str: string; transform: number[]; width: number; height: number } => "str" in t && t.str.trim() !== "");
    const outside = items.filter((t) => t.transform[4] < x0 - 0.5 || t.transform[4] + t.width > x1 + 0.5 || t.transform[5] < y0 - 0.5 || t.transform[5] + t.height > y1 + 0.5).map((t) => t.str);
    pages.push({ text: items.map((t) => t.str).join(" "), outside, size: [x1 - x0, y1 - y0] });
  }
  return { count: doc.numPages, pages };
}

test("the brief prints as a report on A4 and US Letter: cover with link and QR code, two charts a page, page numbers and the link on every page, nothing clipped", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await open(page, `/brief?${QUERY}`);
  const origin = new URL(page.url()).origin;
  const link = `${origin}/?${QUERY}`;
  const cover = page.locator('[data-sheet="cover"]');
  await expect(cover.getByRole("heading", { level: 1 })).toContainText("Chronic");
  await expect(cover.locator("[data-asof]")).toContainText(new RegExp(`As of ${new Date().getFullYear()}-\\d{2}-\\d{2} · Chokepoint model \\d+\\.\\d+\\.\\d+`));
  await expect(cover.locator("[data-scenario-link]")).toHaveText(link);
  expect(await cover.locator("[data-metric]").count()).toBeGreaterThanOrEqual(10);
  // A report has nothing to press: the workspace's "Why?" buttons are not on the brief.
  await expect(page.locator("[data-why-toggle]")).toHaveCount(0);
  // The QR code encodes exactly the absolute link (the same qrcode rendering, made here in Node).
  const qr = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
  const paths = (svg: string) => Array.from(svg.matchAll(/\sd="([^"]+)"/g), (m) => m[1]);
  expect(paths(qr).length).toBeGreaterThan(0);
  expect(paths(await cover.locator("[data-qr] svg").evaluate((s) => s.outerHTML))).toEqual(paths(qr));
  const chartSheets = page.locator('[data-sheet="charts"]');
  const perSheet = await chartSheets.evaluateAll((ss) => ss.map((s) => s.querySelectorAll("figure[data-chart]").length));
  expect(perSheet.every((n) => n <= 2)).toBe(true);
  expect(perSheet.filter((n) => n === 2).length).toBeGreaterThanOrEqual(perSheet.length - 1);
  // Each chart's one-line reading is the model's, for this scenario.
  await expect(page.locator('figure[data-chart="prices"] .chart-description')).toHaveText(oracle("prices").description);
  await expect(page.locator('[data-assumption="packagingCapacityScale"]')).toContainText(/1\.2 × plan.*1 × plan/);
  expect(await page.locator("[data-claim]").count()).toBeGreaterThan(5);
  // Calibration pass shares: each target claim's share over 100 seeded draws, as the model computes it here.
  const shares: { id: string; passShare: number; drivers: { id: string }[] }[] = JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/pass-share-oracle.ts"], { encoding: "utf8" }));
  expect(shares.length).toBeGreaterThan(3);
  for (const s of shares) await expect(page.locator(`[data-pass-share="${s.id}"]`)).toHaveText(`${Math.round(s.passShare * 100)} %`);
  // What each claim moves with over the same draws, as text (the brief has no sliders to open).
  expect(shares.some((s) => s.drivers.length > 0)).toBe(true);
  for (const s of shares) {
    const named = await page.locator(`[data-moves-with="${s.id}"] [data-moves-with-param]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-moves-with-param")));
    expect({ claim: s.id, named }).toEqual({ claim: s.id, named: s.drivers.map((d) => d.id) });
  }
  expect(await page.locator("[data-moves-with] button").count()).toBe(0);
  const withShare = new Set(shares.map((s) => s.id));
  for (const id of await page.locator("[data-pass-share]").evaluateAll((els) => els.map((e) => e.getAttribute("data-pass-share")!))) {
    if (!withShare.has(id)) await expect(page.locator(`[data-pass-share="${id}"]`)).toHaveText("—");
  }
  // The history section: the summary of this scenario against the public figures, and one row per figure missed.
  const historySummary = page.locator('[data-sheet="history"] [data-history-summary]');
  await expect(historySummary).toContainText(/^\d+ met, \d+ missed, \d+ not comparable \(series or period outside the model\) of \d+\./);
  const missedCount = Number(((await historySummary.textContent()) ?? "").match(/(\d+) missed/)![1]);
  expect(missedCount).toBeGreaterThan(0);
  await expect(page.locator('[data-sheet="history"] [data-history-row]')).toHaveCount(missedCount);
  for (const width of [390, 768, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/brief-screen-${width}.png`, fullPage: true });
  }

  await page.emulateMedia({ media: "print" });
  // Text inside its box: no SVG label runs past its chart, no text past its sheet (laid out at the print width, 182 mm).
  await page.setViewportSize({ width: 688, height: 900 });
  const clipped = await page.evaluate(() => {
    const bad: string[] = [];
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>(".brief svg"))) {
      const r = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll("text"))) {
        const b = t.getBoundingClientRect();
        if (b.width && (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1)) bad.push(`svg text "${t.textContent}"`);
      }
    }
    for (const sheet of Array.from(document.querySelectorAll<HTMLElement>(".sheet"))) {
      const r = sheet.getBoundingClientRect();
      const walk = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim() || n.parentElement?.closest("svg")) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const b of Array.from(range.getClientRects())) if (b.width && (b.left < r.left - 1 || b.right > r.right + 1)) bad.push(`text "${n.textContent.slice(0, 40)}"`);
        const el = n.parentElement!;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") bad.push(`overflowing "${n.textContent.slice(0, 40)}"`);
      }
    }
    return bad;
  });
  expect(clipped).toEqual([]);

  mkdirSync("test-results", { recursive: true });
  const counts: number[] = [];
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ path: `test-results/brief-${format.toLowerCase()}.pdf`, format, printBackground: true });
    const { count, pages } = await pdfPages(pdf);
    counts.push(count);
    // Cover, the charts two a page, then assumptions and calibration, then the history figures this scenario misses
    // (48 rows, two pages): more than the chart pages, and not one page per chart.
    expect(count).toBeGreaterThanOrEqual(1 + perSheet.length + 2);
    expect(count).toBeLessThanOrEqual(1 + perSheet.length + 4 + 2);
    pages.forEach((p, i) => {
      expect(p.text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${count}`);
      expect(p.text.replace(/\s+/g, ""), `${format} page ${i + 1}`).toContain(link);
      expect(p.outside, `${format} page ${i + 1}: text outside the page`).toEqual([]);
    });
    expect(pages[0].text).toContain("Chronic");
    expect(pages[0].text).toMatch(/As of \d{4}-\d{2}-\d{2}/);
    // A4 is 297 mm (841.9 pt; Chromium rounds its page to 842.9), US Letter 11 in (792 pt).
    expect(Math.abs(pages[0].size[1] - (format === "A4" ? 842 : 792))).toBeLessThan(1.5);
    expect(pages.some((p) => p.text.includes("Calibration against the seed figures"))).toBe(true);
    expect(pages.some((p) => p.text.includes("Assumptions changed from the preset"))).toBe(true);
    expect(pages.some((p) => p.text.includes("History 2024–2026: this scenario against public figures"))).toBe(true);
  }
  expect(counts[0]).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
