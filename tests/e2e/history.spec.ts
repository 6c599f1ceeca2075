import { test, expect as baseExpect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { allChunks, firstLoadChunks } from "../../scripts/first-load-js";

// A busy two-core machine can take tens of seconds to hydrate the page.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const NEXT_DIR = path.resolve(".next");
const historyJson = JSON.parse(fs.readFileSync(path.resolve("data/history.json"), "utf8")) as { entries: { id: string; source: string }[] };
const ENTRIES = historyJson.entries.length;
/** A string only the history figures hold (an entry's source text), to find them in a chunk. */
const MARKER = historyJson.entries.find((e) => e.id === "dc-power-global-2024")!.source;
const holdsHistory = (file: string) => fs.readFileSync(path.join(NEXT_DIR, file), "utf8").includes(MARKER);

async function ready(page: Page) {
  await page.goto("/");
  await expect(page.locator('[data-scenario-ready="true"]')).toBeVisible({ timeout: 90_000 });
}

test("the history figures are not in the workspace's first-load JS; a chunk loaded on demand holds them", async ({ request }) => {
  const chunks = firstLoadChunks(NEXT_DIR, "/", await (await request.get("/")).text());
  expect(chunks.length).toBeGreaterThan(2);
  expect(chunks.filter((c) => holdsHistory(c.file)).map((c) => c.file)).toEqual([]);
  // The marker does find the figures in the build: the check above is not vacuous.
  expect(allChunks(NEXT_DIR).filter((c) => holdsHistory(c.file)).length).toBeGreaterThan(0);
});

test("the history panel lists the scenario against every public figure, filters them, and follows an edit", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await ready(page);
  const panel = page.locator("[data-history]");
  await panel.locator("summary").click();
  const summary = panel.locator("[data-history-summary]");
  await expect(summary).toContainText(new RegExp(`^\\d+ met, \\d+ missed, \\d+ not comparable \\(series or period outside the model\\) of ${ENTRIES}\\.`));
  const [met, missed, none] = ((await summary.textContent()) ?? "").match(/\d+/g)!.map(Number);
  expect(met + missed + none).toBe(ENTRIES);
  // Missed figures are listed first; each filter lists its own.
  await expect(panel.locator("[data-history-row]")).toHaveCount(missed);
  await expect(panel.locator('[data-history-row][data-status="missed"]')).toHaveCount(missed);
  await panel.getByLabel("Met", { exact: true }).check();
  await expect(panel.locator('[data-history-row][data-status="met"]')).toHaveCount(met);
  await panel.getByLabel("All", { exact: true }).check();
  await expect(panel.locator("[data-history-row]")).toHaveCount(ENTRIES);
  await expect(panel).not.toContainText(/NaN|Infinity|undefined/);
  // The table follows the scenario: half the packaging plan moves what the model reads for some figures.
  const before = await panel.locator("[data-history-row] td:nth-child(3)").allTextContents();
  await page.goto("/?v=1&p=baseline&pcs=0.5");
  await expect(page.locator('[data-scenario-ready="true"]')).toBeVisible({ timeout: 90_000 });
  await page.locator("[data-history] summary").click();
  await page.locator("[data-history]").getByLabel("All", { exact: true }).check();
  await expect(page.locator("[data-history] [data-history-row]")).toHaveCount(ENTRIES);
  const after = await page.locator("[data-history] [data-history-row] td:nth-child(3)").allTextContents();
  expect(after).not.toEqual(before);
  expect(errors).toEqual([]);
});

test("when the panel's code cannot be fetched, it says so in place of the table and the page keeps working", async ({ page }) => {
  await ready(page);
  // Every script fetched from now on fails, as on a dropped connection.
  await page.route("**/*.js", (route) => route.abort());
  const panel = page.locator("[data-history]");
  await panel.locator("summary").click();
  await expect(panel.getByRole("alert")).toContainText("Could not load the history figures");
  await expect(panel.locator("[data-history-row]")).toHaveCount(0);
  // The rest of the workspace still answers.
  await expect(page.locator('[data-scenario-ready="true"]')).toBeVisible();
});
