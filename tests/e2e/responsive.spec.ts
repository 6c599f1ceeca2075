import { test, expect, type Page } from "@playwright/test";

// The machine running these may be heavily loaded: hydration alone can take tens of seconds.
test.describe.configure({ timeout: 240_000 });
expect.configure({ timeout: 30_000 });

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1440, height: 900 },
] as const;
const LINK = "/?v=1&p=chronic&pcs=1.2&pol=degrade";

async function ready(page: Page) {
  await expect(page.locator("[data-scenario-ready=true]")).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("figure[data-chart] svg").first()).toBeVisible({ timeout: 60_000 });
  // The sensitivity tornado closes the page once its swings are computed (in the workers).
  await expect(page.locator("[data-tornado-param]").first()).toBeVisible({ timeout: 120_000 });
}

/** Every chart's drawn width and the page's horizontal overflow. */
async function measure(page: Page) {
  return page.evaluate(() => ({
    charts: [...document.querySelectorAll("figure[data-chart]")].map((f) => ({ id: f.getAttribute("data-chart"), svg: (f.querySelector("svg") as SVGSVGElement).getBoundingClientRect().width, height: (f.querySelector("svg") as SVGSVGElement).getBoundingClientRect().height })),
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
}

for (const size of SIZES) {
  test(`${size.name} ${size.width}×${size.height}: every chart at least 300 px wide, none taller than needed, no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(LINK);
    await ready(page);
    const m = await measure(page);
    console.log(`${size.name}: page ${m.scrollWidth}/${m.clientWidth} px; charts ${m.charts.map((c) => `${c.id} ${Math.round(c.svg)}×${Math.round(c.height)}`).join(", ")}`);
    expect(m.charts).toHaveLength(10); // the nine charts of the registry and the tornado
    for (const c of m.charts) {
      expect(c.svg, c.id!).toBeGreaterThanOrEqual(300);
      expect(c.svg, c.id!).toBeLessThanOrEqual(size.width);
      expect(c.height, c.id!).toBeGreaterThan(30);
    }
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    // The same link on every device: the address bar keeps the query the link opened with.
    expect(new URL(page.url()).search).toBe(new URL(LINK, "http://x").search);
    if (size.width < 700) for (const c of m.charts) expect(c.svg, `${c.id} full width`).toBeGreaterThan(size.width - 60);
    await page.screenshot({ path: `test-results/workspace-${size.width}.png`, fullPage: true });
    // With an explanation open and a baseline pinned, still no overflow.
    await page.getByRole("button", { name: /Pin the current scenario/ }).click();
    await page.locator('[data-why-toggle="tokens"]').click();
    await expect(page.locator('[data-why="tokens"] [data-lever]').first()).toBeVisible({ timeout: 60_000 });
    const m2 = await measure(page);
    expect(m2.scrollWidth).toBeLessThanOrEqual(m2.clientWidth);
    for (const c of m2.charts) expect(c.svg, c.id!).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: `test-results/workspace-${size.width}-why-baseline.png`, fullPage: true });
  });
}

test("phone: the controls open in a drawer with focus inside, close with Escape, and their sliders are 44 px tall", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LINK);
  await ready(page);
  const toggle = page.getByRole("button", { name: "☰ Scenario controls" });
  await expect(toggle).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("#scenario-controls")).not.toBeInViewport();
  await toggle.click();
  const drawer = page.locator("#scenario-controls");
  await expect(drawer).toBeInViewport();
  await expect(page.getByRole("button", { name: /Close the scenario controls/ })).toBeFocused();
  const slider = drawer.locator('input[type="range"]').first();
  const box = (await slider.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThan(200);
  await page.screenshot({ path: "test-results/workspace-390-drawer.png" });
  // A slider step in the drawer changes the link, as on a desktop.
  const before = page.url();
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => page.url()).not.toBe(before);
  await page.keyboard.press("Escape");
  await expect(drawer).not.toBeInViewport();
  await expect(toggle).toBeFocused();
  // The results cannot be reached while the drawer is open, and can again after it closes.
  expect(await page.locator(".results").getAttribute("inert")).toBeNull();
});

test("the log/linear switch appears on charts whose values span more than 10× and changes the axis", async ({ page }) => {
  await page.goto(LINK);
  await ready(page);
  const prices = page.locator('figure[data-chart="prices"]');
  const sw = prices.getByRole("group", { name: /y-axis scale/ });
  await expect(sw).toBeVisible({ timeout: 60_000 });
  await expect(prices.locator(".chart-subtitle")).toContainText("log scale");
  await sw.getByRole("button", { name: "Linear" }).click();
  await expect(prices.locator(".chart-subtitle")).toContainText("linear scale");
  await expect(sw.getByRole("button", { name: "Linear" })).toHaveAttribute("aria-pressed", "true");
  // The power ratio's values stay within 10×: no switch.
  await expect(page.locator('figure[data-chart="power-ratio"] .scale-switch')).toHaveCount(0);
});
