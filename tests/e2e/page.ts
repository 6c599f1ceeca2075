// Helpers the end-to-end specs share: what a page logged as errors, its metric cards once it shows the scenario,
// and the files its buttons download.
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

/** Collects the page's console errors and uncaught exceptions (a spec expects the list to stay empty). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/**
 * Waits until the page shows the current scenario: the controls answer an edit first, and the charts and cards
 * follow in the next, interruptible render; the page marks itself ready again once they have.
 */
export async function shown(page: Page): Promise<void> {
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1);
}

/** Every metric card's text by metric id, read once the page shows the current scenario. */
export async function cardTexts(page: Page): Promise<Record<string, string>> {
  await shown(page);
  return page.locator("[data-metric]").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-metric"), e.textContent ?? ""])));
}

/** Clicks a button that downloads, and returns the file's suggested name and bytes. */
export async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
}

/** Downloads one chart's export by its button label (opening the chart's export menu first). */
export async function chartDownload(page: Page, chartId: string, button: string): Promise<{ name: string; body: Buffer }> {
  const fig = page.locator(`figure[data-chart="${chartId}"]`);
  if (!(await fig.locator("details.export").evaluate((d) => (d as HTMLDetailsElement).open))) await fig.locator("details.export summary").click();
  return downloadFrom(page, () => fig.getByRole("button", { name: button, exact: true }).click());
}
