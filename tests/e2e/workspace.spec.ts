import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { cardTexts, shown, watchErrors } from "./page";

/** What the page should show for a scenario, computed in Node from the model (see model-oracle.ts). */
interface Expected {
  months: string[];
  cards: Record<string, string>;
  supplyDemandDescription: string;
  prices: number[][];
}

interface ScenarioState {
  presetId: string;
  overrides: Record<string, number>;
}

/** Runs the model in Node for each scenario. */
function oracle(states: ScenarioState[]): { presets: { id: string; thesis: string }[]; runs: Expected[] } {
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/model-oracle.ts", JSON.stringify(states)], { encoding: "utf8" }));
}

function expectedFor(state: ScenarioState): Expected {
  return oracle([state]).runs[0];
}

/** Parses a data-table cell (as components/format.ts writes it). */
function parseTable(text: string): number {
  return Number(text.replace(/,/g, "").replace("−", "-"));
}

const PRESET_IDS = oracle([]).presets;

async function chartMarkup(page: Page): Promise<string> {
  return page.locator("figure[data-chart] svg").evaluateAll((els) => els.map((e) => e.innerHTML).join("\n"));
}

test("every chart is a figure with an accessible svg, and no NaN is on screen", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await shown(page);
  // The sensitivity tornado closes the page once the workers have computed it.
  await expect(page.locator("[data-tornado-param]").first()).toBeVisible({ timeout: 120_000 });
  const ids = await page.locator("figure[data-chart]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart")));
  expect(ids).toEqual(["supply-demand", "shortage-horizon", "binding", "power-ratio", "tokens", "prices", "wafer-allocation", "revenue", "calibration", "tornado"]);
  for (const id of ids) {
    // The svg's own title and description (the tornado's bars carry titles of their own).
    await expect(page.locator(`figure[data-chart="${id}"] svg[role="img"] > title`)).not.toBeEmpty();
    await expect(page.locator(`figure[data-chart="${id}"] svg[role="img"] > desc`)).not.toBeEmpty();
  }
  expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity|undefined/);
  expect(errors).toEqual([]);
});

test("choosing each preset changes the metric cards and the charts to the model's numbers", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await shown(page);
  const seen = new Map<string, string>();
  const order = [...PRESET_IDS.slice(1), PRESET_IDS[0]];
  const expected = oracle(order.map((p) => ({ presetId: p.id, overrides: {} }))).runs;
  for (const [k, preset] of order.entries()) {
    const before = await chartMarkup(page);
    await page.locator(`[data-preset="${preset.id}"] input`).check();
    expect(await cardTexts(page)).toEqual(expected[k].cards);
    await expect(page.locator('figure[data-chart="supply-demand"] svg desc')).toHaveText(expected[k].supplyDemandDescription);
    await expect(page.locator(`[data-preset="${preset.id}"] .thesis`)).toHaveText(preset.thesis);
    const after = await chartMarkup(page);
    expect(after).not.toEqual(before);
    seen.set(preset.id, after);
  }
  expect(new Set(seen.values()).size).toBe(PRESET_IDS.length);
  expect(errors).toEqual([]);
});

test("a slider moved with the keyboard changes the chart and the metric at once", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await shown(page);
  const slider = page.locator('[data-param="powerCapacityScale"] input[type="range"]');
  await expect(slider).toHaveAttribute("aria-valuetext", "1 × plan");
  const chartBefore = await page.locator('figure[data-chart="supply-demand"] [data-panel="power"]').innerHTML();
  await slider.focus();
  await page.keyboard.press("Home");
  // Read once the page marks the scenario shown, without retrying: the charts and cards render right after the
  // controls (the next, interruptible render), and the page is marked ready only when they show the new value.
  await shown(page);
  const metric = await page.locator('[data-metric="clearsAt.power"]').textContent();
  const chartAfter = await page.locator('figure[data-chart="supply-demand"] [data-panel="power"]').innerHTML();
  const [cut, high, base] = oracle([
    { presetId: "baseline", overrides: { powerCapacityScale: 0.5 } },
    { presetId: "baseline", overrides: { powerCapacityScale: 2 } },
    { presetId: "baseline", overrides: {} },
  ]).runs;
  expect(metric).toBe(cut.cards["clearsAt.power"]);
  expect(chartAfter).not.toBe(chartBefore);
  await expect(slider).toHaveAttribute("aria-valuetext", "0.5 × plan");
  expect(await page.locator('[data-metric="clearsAt.gpu"]').textContent()).toBe(cut.cards["clearsAt.gpu"]);

  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.55 × plan");
  await expect(page.locator('[data-param="powerCapacityScale"] input[type="number"]')).toHaveValue("0.55");
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", "2 × plan");
  await shown(page);
  expect(await page.locator('[data-metric="clearsAt.power"]').textContent()).toBe(high.cards["clearsAt.power"]);

  await page.locator('[data-param="powerCapacityScale"] button', { hasText: "reset" }).click();
  await expect(slider).toHaveAttribute("aria-valuetext", "1 × plan");
  expect(await cardTexts(page)).toEqual(base.cards);
  expect(errors).toEqual([]);
});

test("provenance is one click away and the search finds parameters by name", async ({ page }) => {
  await page.goto("/");
  await shown(page);
  const row = page.locator('[data-param="packagingCapacityScale"]');
  await row.getByRole("button", { name: /Source of/ }).click();
  await expect(row.locator(".provenance")).toContainText(/Source:|Assumption:/);
  await page.getByRole("searchbox", { name: /Search parameters/ }).fill("token price");
  await expect(page.locator('[data-param="tokenPriceStart"]')).toBeVisible();
  await expect(page.locator('[data-param="packagingCapacityScale"]')).toHaveCount(0);
});

test("a chart's data table matches the model's numbers", async ({ page }) => {
  await page.goto("/");
  await shown(page);
  await page.locator('[data-preset="chronic"] input').check();
  const run = expectedFor({ presetId: "chronic", overrides: {} });
  const fig = page.locator('figure[data-chart="prices"]');
  await fig.getByRole("button", { name: "Show data table" }).click();
  const rows = await fig.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
  expect(rows).toHaveLength(run.months.length);
  rows.forEach((cells, i) => {
    expect(cells[0]).toBe(run.months[i]);
    run.prices.forEach((series, k) => {
      const want = series[i];
      expect(Math.abs(parseTable(cells[k + 1]) - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-3);
    });
  });
});

test("the crosshair shows the same month on every chart, by keyboard", async ({ page }) => {
  await page.goto("/");
  await shown(page);
  const run = expectedFor({ presetId: "baseline", overrides: {} });
  await page.locator('figure[data-chart="prices"] .chart-plot').focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("PageUp");
  const month = run.months[12];
  for (const id of ["supply-demand", "tokens", "prices", "power-ratio"]) {
    await expect(page.locator(`figure[data-chart="${id}"] [data-readout]`)).toContainText(month);
    expect(await page.locator(`figure[data-chart="${id}"] .crosshair line`).count()).toBeGreaterThan(0);
  }
  await page.keyboard.press("Escape");
  await expect(page.locator(".crosshair")).toHaveCount(0);
});

for (const preset of ["baseline", "chronic"]) {
  test(`screenshot of the workspace under ${preset}`, async ({ page }) => {
    await page.goto("/");
    await shown(page);
    await page.locator(`[data-preset="${preset}"] input`).check();
    await page.screenshot({ path: `test-results/workspace-${preset}.png`, fullPage: true });
  });
}
