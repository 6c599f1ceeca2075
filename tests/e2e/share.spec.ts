import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { DOMParser } from "@xmldom/xmldom";
import { cardTexts, chartDownload, shown, watchErrors } from "./page";

interface ScenarioState {
  presetId: string;
  overrides: Record<string, number>;
}
interface Expected {
  months: string[];
  cards: Record<string, string>;
  prices: number[][];
}

/** Runs the model in Node for each scenario (see model-oracle.ts). */
function oracle(states: ScenarioState[]): Expected[] {
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/model-oracle.ts", JSON.stringify(states)], { encoding: "utf8" })).runs;
}

/** The cards each golden link must open to, formatted from its recorded metrics (see golden-oracle.ts). */
const GOLDEN: { name: string; url: string; cards: Record<string, string> }[] = JSON.parse(
  execFileSync("node_modules/.bin/tsx", ["tests/e2e/golden-oracle.ts"], { encoding: "utf8" }),
);

/** Opens a page and waits until the link has been read into the scenario. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1);
}

async function tableOf(page: Page, chartId: string): Promise<string[][]> {
  const fig = page.locator(`figure[data-chart="${chartId}"]`);
  await fig.getByRole("button", { name: "Show data table" }).click();
  return fig.locator(".data-table tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
}

async function pressOn(page: Page, paramId: string, keys: string[]): Promise<void> {
  await page.locator(`[data-param="${paramId}"] input[type="range"]`).focus();
  for (const k of keys) await page.keyboard.press(k);
}

test("a scenario changed with three sliders opens identically from its copied link in a fresh browser", async ({ page, browser, context }) => {
  const errors = watchErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "/");
  await pressOn(page, "packagingCapacityScale", ["ArrowRight", "ArrowRight", "ArrowRight"]);
  await pressOn(page, "powerCapacityScale", ["Home"]);
  await pressOn(page, "waferLeadMonths", ["PageDown"]);
  await expect.poll(() => new URL(page.url()).search).toMatch(/^\?v=1&p=baseline&pcs=1\.15&pws=0\.5&wlm=\d+$/);
  await page.getByRole("button", { name: "Copy a link to this scenario" }).click();
  await expect(page.locator(".bar-status")).toHaveText("Link copied to the clipboard.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  const cards = await cardTexts(page);
  const tables = { "supply-demand": await tableOf(page, "supply-demand"), prices: await tableOf(page, "prices"), "shortage-horizon": await tableOf(page, "shortage-horizon") };

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await open(other, copied);
  expect(await cardTexts(other)).toEqual(cards);
  for (const [id, rows] of Object.entries(tables)) expect(await tableOf(other, id), id).toEqual(rows);
  for (const id of ["packagingCapacityScale", "powerCapacityScale"]) {
    expect(await other.locator(`[data-param="${id}"] input[type="range"]`).getAttribute("aria-valuetext")).toBe(await page.locator(`[data-param="${id}"] input[type="range"]`).getAttribute("aria-valuetext"));
  }
  // And they are the model's numbers for that scenario.
  const wlm = Number(new URL(copied).searchParams.get("wlm"));
  const [want] = oracle([{ presetId: "baseline", overrides: { packagingCapacityScale: 1.15, powerCapacityScale: 0.5, waferLeadMonths: wlm } }]);
  expect(cards).toEqual(want.cards);
  await fresh.close();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

for (const g of GOLDEN) {
  test(`golden link "${g.name}" opens to its recorded metrics`, async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, `/?${g.url.replace(/^\?/, "")}`);
    expect(await cardTexts(page)).toEqual(g.cards);
    expect(errors).toEqual([]);
  });
}

test("a mangled link shows the preset and a notice listing each ignored value, with no errors and no NaN", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, "/?v=1&p=nope&wcs=banana&pcs=99");
  const notice = page.locator("[data-url-notice]");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice.locator('[data-issue-key="p"]')).toContainText("nope");
  await expect(notice.locator('[data-issue-key="p"]')).toContainText("unknown preset");
  await expect(notice.locator('[data-issue-key="wcs"]')).toContainText("banana");
  await expect(notice.locator('[data-issue-key="wcs"]')).toContainText("not a number");
  await expect(notice.locator('[data-issue-key="pcs"]')).toContainText("99");
  await expect(notice.locator('[data-issue-key="pcs"]')).toContainText("above the maximum");
  const [base] = oracle([{ presetId: "baseline", overrides: {} }]);
  expect(await cardTexts(page)).toEqual(base.cards);
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  await page.screenshot({ path: "test-results/workspace-mangled-link.png" });
  // Keyboard: Tab to the dismiss button and press Enter.
  await notice.getByRole("button", { name: /Dismiss/ }).focus();
  await page.keyboard.press("Enter");
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Escape dismisses the notice", async ({ page }) => {
  await open(page, "/?v=1&p=baseline&zzz=1");
  await page.locator("[data-url-notice] button").focus();
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-url-notice]")).toHaveCount(0);
});

test("undo and redo restore values, with the buttons and with the keys", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, "/");
  const [base, cut] = oracle([{ presetId: "baseline", overrides: {} }, { presetId: "baseline", overrides: { powerCapacityScale: 0.5 } }]);
  const slider = page.locator('[data-param="powerCapacityScale"] input[type="range"]');
  const undo = page.getByRole("button", { name: /Undo/ });
  const redo = page.getByRole("button", { name: /Redo/ });
  await expect(undo).toBeDisabled();
  await pressOn(page, "powerCapacityScale", ["Home"]);
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");
  expect(await cardTexts(page)).toEqual(cut.cards);

  await undo.click();
  await expect(slider).toHaveAttribute("aria-valuetext", "1 × plan");
  expect(await cardTexts(page)).toEqual(base.cards);
  await expect.poll(() => new URL(page.url()).search).toBe("?v=1&p=baseline");
  await redo.click();
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");
  expect(await cardTexts(page)).toEqual(cut.cards);

  await slider.focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(slider).toHaveAttribute("aria-valuetext", "1 × plan");
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("Control+y");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");

  // Several arrow steps on one slider are one undo step.
  await pressOn(page, "packagingCapacityScale", ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"]);
  await expect(page.locator('[data-param="packagingCapacityScale"] input[type="range"]')).toHaveAttribute("aria-valuetext", "1.2 × plan");
  await undo.click();
  await expect(page.locator('[data-param="packagingCapacityScale"] input[type="range"]')).toHaveAttribute("aria-valuetext", "1 × plan");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");

  // In a text field the browser's own undo applies: the scenario stays.
  const number = page.locator('[data-param="powerCapacityScale"] input[type="number"]');
  await number.focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");
  expect(errors).toEqual([]);
});

test("pinning a baseline overlays it on every time chart, the cards show the change, and the link carries it", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, "/?v=1&p=chronic");
  await page.getByRole("button", { name: /Pin the current scenario/ }).click();
  await expect.poll(() => new URL(page.url()).search).toBe("?v=1&p=chronic&b.p=chronic");
  const ids = await page.locator("figure[data-chart]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart")!));
  // Every time chart (the calibration table and the sensitivity tornado are not time charts).
  for (const id of ids.filter((i) => i !== "calibration" && i !== "tornado")) {
    // The baseline is drawn as a wide pale line (a dashed outline on the shortage bars).
    const marks = page.locator(`figure[data-chart="${id}"] svg [data-baseline]`);
    expect(await marks.count(), id).toBeGreaterThan(0);
    await expect(page.locator(`figure[data-chart="${id}"] [data-baseline-note]`)).toBeVisible();
  }
  for (const t of await page.locator("[data-delta]").allTextContents()) expect(t).toBe("same as baseline");
  await pressOn(page, "packagingCapacityScale", ["Home"]);
  await expect.poll(() => new URL(page.url()).search).toBe("?v=1&p=chronic&pcs=0.5&b.p=chronic");
  await shown(page);
  const deltas = await page.locator("[data-delta]").allTextContents();
  expect(deltas.some((t) => /[▲▼]|baseline:/.test(t))).toBe(true);
  expect(deltas.join(" ")).not.toMatch(/NaN|undefined|Infinity/);
  await page.screenshot({ path: "test-results/workspace-compare.png", fullPage: true });
  await page.getByRole("button", { name: "Unpin the baseline" }).click();
  await expect(page.locator("[data-baseline]")).toHaveCount(0);
  await expect(page.locator("[data-delta]")).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).search).toBe("?v=1&p=chronic&pcs=0.5");
  expect(errors).toEqual([]);
});

test.describe("exports, checked by content", () => {
  const query = "v=1&p=chronic&pcs=1.2";
  const state = { presetId: "chronic", overrides: { packagingCapacityScale: 1.2 } };

  test("PNG at 2× and 4×: the chart's size times the scale, with real pixels", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, `/?${query}`);
    const width = await page.locator('figure[data-chart="prices"] svg[role="img"]').evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
    for (const scale of [2, 4]) {
      const { name, body } = await chartDownload(page, "prices", `PNG ${scale}×`);
      expect(name).toMatch(new RegExp(`^chokepoint_prices_chronic_[0-9a-f]{8}_${scale}x_\\d{4}-\\d{2}-\\d{2}\\.png$`));
      expect(body.subarray(1, 4).toString()).toBe("PNG");
      // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
      expect(body.readUInt32BE(16)).toBe(width * scale);
      const png = PNG.sync.read(body);
      expect(png.width).toBe(width * scale);
      expect(png.height).toBeGreaterThan(200 * scale);
      let ink = 0;
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
        if (r < 240 || g < 240 || b < 240) ink++;
        colours.add((r << 16) | (g << 8) | b);
      }
      expect(ink).toBeGreaterThan(png.width * png.height * 0.01);
      expect(colours.size).toBeGreaterThan(20);
      if (scale === 2) { mkdirSync("test-results", { recursive: true }); writeFileSync("test-results/export-prices-2x.png", body); }
    }
    expect(errors).toEqual([]);
  });

  test("SVG: well-formed XML with the title, units, source, changed assumptions and the scenario link", async ({ page }) => {
    await open(page, `/?${query}`);
    const { name, body } = await chartDownload(page, "supply-demand", "SVG");
    expect(name).toMatch(/^chokepoint_supply-demand_chronic_[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.svg$/);
    const text = body.toString("utf8");
    const problems: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== "warning") problems.push(msg); } }).parseFromString(text, "image/svg+xml");
    expect(problems).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe("svg");
    expect(text).toContain("Supply vs demand by input");
    expect(text).toContain("Units: wafers / month");
    expect(text).toContain(`Chokepoint model ${JSON.parse(readFileSync("package.json", "utf8")).version}`);
    expect(text).toContain("Changed from the preset: Advanced packaging (CoWoS) capacity vs plan: 1.2 × plan (preset: 1 × plan)");
    const url = `http://127.0.0.1:${new URL(page.url()).port}/?${query}`;
    expect(text).toContain(url.replace(/&/g, "&amp;"));
    expect(text).not.toMatch(/NaN|undefined/);
    // Self-contained: the font files are inlined, so the file renders the same on any machine.
    expect(text).toMatch(/@font-face\{font-family:"Inter";font-style:normal;font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{20000,}\)/);
    expect(text).not.toMatch(/url\((?!data:)/);
    writeFileSync("test-results/export-supply-demand.svg", text);
  });

  test("CSV: one row per month with units in the header and the model's numbers; a pinned baseline adds its columns", async ({ page }) => {
    await open(page, `/?${query}`);
    const { name, body } = await chartDownload(page, "prices", "CSV");
    expect(name).toMatch(/^chokepoint_prices_chronic_[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = body.toString("utf8").trimEnd().split("\n");
    const [want] = oracle([state]);
    expect(lines).toHaveLength(want.months.length + 1);
    expect(lines.length).toBe(109);
    const header = lines[0].split(",");
    expect(header[0]).toBe("month");
    expect(header.slice(1).every((h) => h.includes("(index") || h.includes("2024-01 = 1"))).toBe(true);
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(",");
      expect(cells[0]).toBe(want.months[i]);
      // Four significant digits for an index: within half a unit of the fourth digit of the model's number.
      want.prices.forEach((series, k) => expect(Math.abs(Number(cells[k + 1]) - series[i])).toBeLessThanOrEqual(Math.abs(series[i]) * 5e-4 + 1e-12));
    });

    await page.getByRole("button", { name: /Pin the current scenario/ }).click();
    const pinned = await chartDownload(page, "prices", "CSV");
    const head = pinned.body.toString("utf8").split("\n")[0];
    expect((head.match(/— baseline/g) ?? []).length).toBe(want.prices.length);
  });
});

test("the brief prints every chart, the assumptions with provenance, the cards and the calibration table to PDF", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, "/?v=1&p=chronic&pcs=1.2&plm=18");
  await page.getByRole("button", { name: /Pin the current scenario/ }).click();
  await pressOn(page, "powerCapacityScale", ["End"]);
  const link = page.getByRole("link", { name: /brief/i });
  await expect.poll(async () => link.getAttribute("href")).toContain("b.p=chronic");
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await expect(page).toHaveURL(/\/brief\?/);
  expect(new URL(page.url()).search).toBe(href.slice(href.indexOf("?")));
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chronic");
  await expect(page.locator('[data-assumption="powerCapacityScale"]')).toContainText("2 × plan");
  await expect(page.locator('[data-assumption="packagingCapacityScale"]').first()).toContainText(/Source|Assumption|\(/);
  expect(await page.locator("figure[data-chart]").count()).toBe(9);
  expect(await page.locator("[data-metric]").count()).toBe(14);
  expect(await page.locator("[data-delta]").count()).toBe(14);
  expect(await page.locator("[data-claim]").count()).toBeGreaterThan(5);
  await expect(page.locator("details.export")).toHaveCount(0);
  expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity|undefined/);
  await page.screenshot({ path: "test-results/brief-baseline.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".brief-nav")).toBeHidden();
  const pdf = await page.pdf({ path: "test-results/brief-baseline.pdf", format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(100_000);
  expect(errors).toEqual([]);
});
