import { test, expect, chromium, type Page } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The machine running these may be heavily loaded: hydration alone can take tens of seconds.
test.describe.configure({ timeout: 240_000 });
expect.configure({ timeout: 30_000 });

const LINK = "/?v=1&p=chronic&pcs=1.3&pol=degrade";

async function ready(page: Page) {
  await expect(page.locator("[data-scenario-ready=true]")).toBeVisible({ timeout: 60_000 });
}
async function cards(page: Page): Promise<Record<string, string>> {
  return page.locator("[data-metric]").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-metric"), e.textContent ?? ""])));
}
async function save(page: Page, name: string, note: string) {
  const box = page.locator("[data-saved-scenarios]");
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator("summary").click();
  await box.getByLabel("Name").fill(name);
  await box.getByLabel("Note").fill(note);
  await box.getByRole("button", { name: "Save this scenario" }).click();
  await expect(box.locator(`[data-saved="${name}"]`)).toBeVisible({ timeout: 60_000 });
}

test("a saved scenario survives a reload and reopens to the same metric cards, with no notice", async ({ page }) => {
  await page.goto(LINK);
  await ready(page);
  const want = await cards(page);
  await save(page, "Packaging +30 %", "CoWoS ramps faster");
  await page.goto("/");
  await ready(page);
  expect(await cards(page)).not.toEqual(want);
  await page.reload();
  await ready(page);
  const box = page.locator("[data-saved-scenarios]");
  await box.locator("summary").click();
  const row = box.locator('[data-saved="Packaging +30 %"]');
  await expect(row).toContainText("CoWoS ramps faster");
  await row.getByRole("link").click();
  await ready(page);
  expect(await cards(page)).toEqual(want);
  expect(new URL(page.url()).search).toBe(new URL(LINK, "http://x").search);
  await expect(page.locator(".notice")).toHaveCount(0);
});

test("rename, delete, export and import; a bad file gives a clear message", async ({ page }, info) => {
  await page.goto(LINK);
  await ready(page);
  await save(page, "First", "one");
  const box = page.locator("[data-saved-scenarios]");
  await box.getByRole("button", { name: "Rename First" }).click();
  await box.getByLabel("New name for First").fill("Renamed");
  await box.getByRole("button", { name: "Save name" }).click();
  await expect(box.locator('[data-saved="Renamed"]')).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), box.getByRole("button", { name: "Export all (JSON)" }).click()]);
  const file = info.outputPath("scenarios.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  expect(exported.format).toBe("chokepoint.scenarios/1");
  expect(exported.scenarios.map((s: { name: string }) => s.name)).toContain("Renamed");
  await box.getByRole("button", { name: "Delete Renamed" }).click();
  await box.getByRole("button", { name: "Confirm: delete Renamed" }).click();
  await expect(box.locator('[data-saved="Renamed"]')).toHaveCount(0);
  await box.getByLabel("Import JSON").setInputFiles(file);
  await expect(box.locator('[data-saved="Renamed"]')).toBeVisible({ timeout: 60_000 });
  const bad = info.outputPath("bad.json");
  writeFileSync(bad, "{ this is not json");
  await box.getByLabel("Import JSON").setInputFiles(bad);
  await expect(box.locator("[data-saved-status]")).toContainText("Nothing imported from bad.json: The file is not JSON");
  await box.screenshot({ path: "test-results/saved-scenarios.png" });
});

test("saved scenarios survive a browser restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-profile-"));
  const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const launch = () => chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
  try {
    let ctx = await launch();
    let page = await ctx.newPage();
    await page.goto(`${base}${LINK}`);
    await ready(page);
    const want = await cards(page);
    await save(page, "Kept", "across restarts");
    await ctx.close();
    ctx = await launch();
    page = await ctx.newPage();
    await page.goto(`${base}/`);
    await ready(page);
    await page.locator("[data-saved-scenarios] summary").click();
    await page.locator('[data-saved="Kept"]').getByRole("link").click();
    await ready(page);
    expect(await cards(page)).toEqual(want);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the comparison table: presets and saved scenarios, changes from the first column, sortable, CSV, links", async ({ page }, info) => {
  await page.goto(LINK);
  await ready(page);
  await save(page, "To compare", "");
  const box = page.locator("[data-compare]");
  await box.locator("summary").click();
  await box.getByLabel("To compare").check();
  await box.getByLabel("Preset: Chronic", { exact: false }).first().check();
  const heads = box.locator("thead th a");
  await expect(heads).toHaveCount(4);
  const hrefs = await heads.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs[2]).toBe(`/?${new URL(LINK, "http://x").search.slice(1)}`);
  await expect(box.locator('[data-compare-row="clearsAt.tokens"] .compare-delta').first()).toBeVisible({ timeout: 60_000 });
  await box.getByRole("button", { name: /Sort scenarios by Tokens/ }).click();
  await expect(box.getByRole("button", { name: /Sort scenarios by Tokens/ })).toHaveAttribute("aria-pressed", "true");
  const [download] = await Promise.all([page.waitForEvent("download"), box.getByRole("button", { name: "Export CSV" }).click()]);
  const file = info.outputPath("compare.csv");
  await download.saveAs(file);
  const csv = readFileSync(file, "utf8");
  expect(csv.split("\n")[0]).toMatch(/^Metric,Current scenario,/);
  expect(csv).toContain("Link,http://127.0.0.1");
  await box.screenshot({ path: "test-results/compare-table.png" });
  await heads.nth(2).click();
  await ready(page);
  expect(new URL(page.url()).search).toBe(new URL(LINK, "http://x").search);
});
