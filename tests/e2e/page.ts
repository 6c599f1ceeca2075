// Helpers the end-to-end specs share: what a page logged as errors, and its metric cards once it shows the scenario.
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
