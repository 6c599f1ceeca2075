import { test, expect as baseExpect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { allChunks, firstLoadChunks, holdsMathjs } from "../../scripts/first-load-js";
import { cardTexts } from "./page";

// A busy two-core machine can take tens of seconds to hydrate the page and to load the formula engine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

interface ScenarioState {
  presetId: string;
  overrides: Record<string, number>;
  formulas?: Record<string, string>;
}

/** The metric cards the model gives each scenario, computed in Node (tests/e2e/model-oracle.ts). */
function expectedCards(states: ScenarioState[]): Record<string, string>[] {
  const out = JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/model-oracle.ts", JSON.stringify(states)], { encoding: "utf8" }));
  return out.runs.map((r: { cards: Record<string, string> }) => r.cards);
}

async function ready(page: Page, url = "/") {
  await page.goto(url);
  await expect(page.locator('[data-scenario-ready="true"]')).toBeVisible({ timeout: 90_000 });
}

/** Opens the time-path group (it opens by itself when a formula is active). */
async function openDrivers(page: Page) {
  const toggle = page.getByRole("button", { name: /Time paths \(formulas\)/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

const NEXT_DIR = path.resolve(".next");



test.describe("mathjs is not in the workspace's first-load JS", () => {
  test("the production build: no chunk that / or /brief loads first holds mathjs; a chunk loaded on demand does", async ({ request }) => {
    for (const route of ["/", "/brief"]) {
      // Pages render per request (the CSP nonce): read the HTML the server sends.
      const chunks = firstLoadChunks(NEXT_DIR, route, await (await request.get(route)).text());
      expect(chunks.length, route).toBeGreaterThan(2);
      expect(chunks.filter((c) => c.mathjs).map((c) => c.file), route).toEqual([]);
      const loaded = chunks.filter((c) => !c.noModule);
      console.log(`first-load JS of ${route}: ${loaded.length} chunks, ${(loaded.reduce((a, c) => a + c.gzipBytes, 0) / 1024).toFixed(1)} KB gzip (noModule polyfills left out)`);
    }
    // The markers do find mathjs in the build: the check above is not vacuous.
    expect(allChunks(NEXT_DIR).filter((c) => c.mathjs).length).toBeGreaterThan(0);
  });

  test("in the browser: opening / fetches no mathjs; the formula editor fetches it", async ({ page }) => {
    const fetched: { url: string; mathjs: boolean }[] = [];
    page.on("response", async (r) => {
      if (!r.url().endsWith(".js")) return;
      fetched.push({ url: r.url(), mathjs: holdsMathjs(await r.text().catch(() => "")) });
    });
    await ready(page);
    await page.waitForLoadState("networkidle");
    expect(fetched.length).toBeGreaterThan(2);
    expect(fetched.filter((f) => f.mathjs)).toEqual([]);
    await openDrivers(page);
    await page.locator('[data-driver="agentHours"]').getByRole("button", { name: /Replace Agent-hours by a formula/ }).click();
    await expect(page.locator('[data-driver="agentHours"]').getByText("In use: the driver follows this formula.")).toBeVisible();
    await expect.poll(() => fetched.filter((f) => f.mathjs).length).toBeGreaterThan(0);
  });
});

test("the formula editor: enter a formula, see the marker and the cards change, an error with its position, remove, undo, reset all", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const [plain, tripled] = expectedCards([
    { presetId: "baseline", overrides: {} },
    { presetId: "baseline", overrides: {}, formulas: { agentHours: "base * 3" } },
  ]);
  expect(tripled).not.toEqual(plain);
  await ready(page);
  expect(await cardTexts(page)).toEqual(plain);
  await openDrivers(page);
  const row = page.locator('[data-driver="agentHours"]');
  await expect(row).toHaveAttribute("data-formula-state", "none");

  // Enter a formula.
  await row.getByRole("button", { name: /Replace Agent-hours by a formula/ }).click();
  const input = row.getByRole("textbox", { name: /Formula for Agent-hours/ });
  await input.fill("base * 3");
  await expect(row.getByText("In use: the driver follows this formula.")).toBeVisible();
  await expect(row.locator("figure.formula-preview svg path")).toHaveCount(2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.screenshot({ path: "test-results/formula-editor-1440.png" });
  await input.press("Enter");
  await expect(row.locator("[data-formula-marker]")).toHaveText("ƒ formula");
  await expect(row).toHaveAttribute("data-formula-state", "active");
  await expect.poll(() => cardTexts(page)).toEqual(tripled);
  expect(page.url()).toContain("f.agentHours=base");

  // An error shows with its position, and cannot be applied.
  await row.getByRole("button", { name: /Edit the formula for Agent-hours/ }).click();
  await input.fill("base * (2 + ");
  const error = row.locator("[data-formula-error]");
  await expect(error).toContainText("This parenthesis is not closed (character 8)");
  await expect(row.locator(".formula-caret")).toBeVisible();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(row.getByRole("button", { name: "Apply" })).toBeDisabled();
  await input.fill("base # times three");
  await expect(error).toContainText("Comments (#) are not allowed");
  await expect(error).toContainText("(character 6)");
  await input.fill("-base");
  await expect(error).toContainText("cannot be negative");
  await row.screenshot({ path: "test-results/formula-error-1440.png" });
  await input.press("Escape");
  await expect.poll(() => cardTexts(page)).toEqual(tripled);

  // Remove, undo, reset all.
  await row.getByRole("button", { name: /Remove the formula for Agent-hours/ }).click();
  await expect(row.locator("[data-formula-marker]")).toHaveCount(0);
  await expect.poll(() => cardTexts(page)).toEqual(plain);
  await page.getByRole("button", { name: /Undo the last scenario edit/ }).click();
  await expect(row.locator("[data-formula-marker]")).toBeVisible();
  await expect.poll(() => cardTexts(page)).toEqual(tripled);
  const resetAll = page.getByRole("button", { name: /^Reset all/ });
  await expect(resetAll).toBeEnabled();
  await resetAll.click();
  await expect(row.locator("[data-formula-marker]")).toHaveCount(0);
  await expect.poll(() => cardTexts(page)).toEqual(plain);
  expect(errors).toEqual([]);
});

test("a link with a formula-only scenario: the marker shows, Reset all is enabled; a formula in error is shown at the formula and in the model's warnings", async ({ page }) => {
  const [withFormula] = expectedCards([{ presetId: "baseline", overrides: {}, formulas: { agentHours: "base*2" } }]);
  await ready(page, "/?v=1&p=baseline&f.agentHours=base*2");
  const row = page.locator('[data-driver="agentHours"]');
  await expect(row.locator("[data-formula-marker]")).toHaveText("ƒ formula");
  await expect.poll(() => cardTexts(page)).toEqual(withFormula);
  await expect(page.getByRole("button", { name: /^Reset all \(1\)/ })).toBeEnabled();

  // sqrt of a negative number in every month: refused, the default path kept, and said so.
  const [plain] = expectedCards([{ presetId: "baseline", overrides: {} }]);
  await ready(page, `/?v=1&p=baseline&f.agentHours=${encodeURIComponent("sqrt(base - 1e12)")}`);
  await expect(row).toHaveAttribute("data-formula-state", "error");
  await expect(row.locator("[data-formula-marker]")).toHaveText("ƒ formula: error");
  await expect(row.locator("[data-formula-error]")).toContainText("in 2024-01 (t = 0) is not a number");
  const warnings = page.locator("[data-run-warnings]");
  await expect(warnings).toContainText("Formula for agentHours not used, default path kept");
  expect(await cardTexts(page)).toEqual(plain);
  expect(await page.locator("body").innerText()).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  for (const width of [390, 768, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/formula-warning-${width}.png` });
  }
  await warnings.getByRole("button", { name: "Dismiss the model's warnings" }).click();
  await expect(warnings).toHaveCount(0);
});

test("the brief applies a link's formula before it is ready for print, and lists the model's warnings", async ({ page }) => {
  const [tripled] = expectedCards([{ presetId: "baseline", overrides: {}, formulas: { agentHours: "base * 3" } }]);
  await page.goto(`/brief?v=1&p=baseline&f.agentHours=${encodeURIComponent("base * 3")}&f.chatTokens=${encodeURIComponent("-1")}`);
  await expect(page.locator('[data-scenario-ready="true"]')).toBeVisible({ timeout: 90_000 });
  // chatTokens = -1 is refused, so only the agent-hours formula is applied.
  expect(await cardTexts(page)).toEqual(tripled);
  await expect(page.locator("[data-run-warnings]")).toContainText("Formula for chatTokens not used, default path kept");
});
