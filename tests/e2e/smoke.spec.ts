import { test, expect } from "@playwright/test";

test("the workspace loads with its heading and no console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Chokepoint/);
  await page.screenshot({ path: "test-results/workspace-smoke.png", fullPage: true });
  expect(errors).toEqual([]);
});
