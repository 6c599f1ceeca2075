import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { cardTexts } from "./page";

// Each test opens pages rendered per request and, some, formula-driven runs: minutes on a loaded machine.
test.describe.configure({ timeout: 180_000 });

interface ScenarioState {
  presetId: string;
  overrides: Record<string, number>;
  policy?: string;
  formulas?: Record<string, string>;
}

/** Runs the model in Node for each scenario (see model-oracle.ts). */
function oracle(states: ScenarioState[]): { cards: Record<string, string> }[] {
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/model-oracle.ts", JSON.stringify(states)], { encoding: "utf8" })).runs;
}

/** Collects CSP violations, console errors and page errors from the first script on. */
async function watch(page: Page): Promise<{ errors: string[]; violations: () => Promise<string[]> }> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { errors, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // Formula-driven scenarios take a while to run on a busy machine; the page is ready once the link is read.
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}

const slider = (page: Page, id: string) => page.locator(`[data-param="${id}"] input[type="range"]`);

test("every page has the security headers; only /embed/ may be framed", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/brief?v=1&p=chronic", "/?v=1&p=chronic&pcs=1.2", "/embed/supply-demand?v=1&p=baseline"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp, path).toContain("worker-src 'self' blob:");
    expect(csp, path).toContain("img-src 'self' blob: data:");
    expect(csp, path).toContain("font-src 'self' data:");
    expect(csp, path).toContain("object-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    if (path.startsWith("/embed/")) {
      expect(csp, path).toContain("frame-ancestors *");
      expect(h["x-frame-options"], path).toBeUndefined();
    } else {
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(h["x-frame-options"], path).toBe("DENY");
      // Next's own scripts carry this response's nonce.
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(html).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size).toBe(4); // a fresh nonce per response
});

test("the workspace, its exports and the brief run with no Content-Security-Policy violation", async ({ page }) => {
  const w = await watch(page);
  await open(page, "/?v=1&p=chronic&f.agentHours=base*1.2");
  await slider(page, "packagingCapacityScale").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  const fig = page.locator('figure[data-chart="supply-demand"]');
  await fig.locator("summary").click();
  for (const button of ["SVG", "PNG 2×", "CSV"]) {
    await Promise.all([page.waitForEvent("download"), fig.getByRole("button", { name: button, exact: true }).click()]);
  }
  await page.getByRole("link", { name: /brief/i }).click();
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
});

test("the longest valid link (every parameter at its maximum, formulas on every driver, pinned as baseline) opens identically", async ({ page }) => {
  const w = await watch(page);
  const { state, query } = JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/longest-link.ts"], { encoding: "utf8" })) as { state: ScenarioState; query: string };
  expect(query.length).toBeGreaterThan(16_000); // as a query string this got HTTP 431
  const [expected] = oracle([state]);
  await open(page, `/#${query}`);
  await expect(page.locator("[data-url-notice]")).toHaveCount(0);
  expect(await cardTexts(page)).toEqual(expected.cards);
  await expect(page.locator("[data-pinned]")).toHaveCount(1, { timeout: 30_000 });
  // The copied link is the same fragment link, and opening it in a fresh page gives the same cards.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy a link to this scenario" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${new URL(page.url()).origin}/#${query}`);
  const fresh = await page.context().newPage();
  await open(fresh, copied);
  expect(await cardTexts(fresh)).toEqual(expected.cards);
  // The brief opens from it too, with the link still in the fragment.
  await page.getByRole("link", { name: /brief/i }).click();
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  expect(new URL(page.url()).hash).toBe(`#${query}`);
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
});

test("a reload 0 ms after an edit keeps the edit", async ({ page }) => {
  await open(page, "/?v=1&p=chronic");
  const s = slider(page, "packagingCapacityScale");
  const before = Number(await s.inputValue());
  await s.focus();
  // Four quick steps: the first is written at once, the rest wait for the write throttle.
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  const edited = Number(await s.inputValue());
  expect(edited).toBeGreaterThan(before);
  await page.reload();
  await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  expect(Number(await slider(page, "packagingCapacityScale").inputValue())).toBe(edited);
  expect(page.url()).toContain(`pcs=${edited}`);
});

test("Back and Forward move between a link's scenario and preset switches; slider edits add no entries", async ({ page }) => {
  await open(page, "/?v=1&p=chronic&pcs=1.2");
  const s = slider(page, "packagingCapacityScale");
  await s.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const edited = await s.inputValue();
  await page.locator('[data-preset="supply-relief"] input').check();
  await expect(page).toHaveURL(/p=supply-relief/);
  await page.locator('[data-preset="cpu-famine"] input').check();
  await expect(page).toHaveURL(/p=cpu-famine/);
  await page.goBack();
  await expect(page.locator('[data-preset="supply-relief"] input')).toBeChecked();
  await page.goBack();
  await expect(page.locator('[data-preset="chronic"] input')).toBeChecked();
  expect(await slider(page, "packagingCapacityScale").inputValue()).toBe(edited);
  expect(page.url()).toContain(`pcs=${edited}`);
  await page.goForward();
  await expect(page.locator('[data-preset="supply-relief"] input')).toBeChecked();
  await page.goForward();
  await expect(page.locator('[data-preset="cpu-famine"] input')).toBeChecked();
});

test("a link from a newer version opens with a notice, is kept as written until an edit, and the notice says what the edit drops", async ({ page }) => {
  const link = "/?v=7&p=chronic&pcs=1.2&zq=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&f.futureDriver=t";
  await open(page, link);
  const notice = page.locator("[data-url-notice]");
  await expect(notice).toHaveAttribute("data-newer-version", "");
  await expect(notice).toContainText("newer version");
  const drop = notice.locator("[data-drop-on-edit] code");
  await expect(drop).toHaveText(["v", "zq", "f.futureDriver"]);
  // The link's text appears only inside <code>, shortened; never as prose or markup.
  const prose = await notice.evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("code").forEach((c) => c.remove());
    return clone.textContent ?? "";
  });
  expect(prose).not.toContain("onerror");
  expect(prose).not.toContain("futureDriver");
  expect(await page.locator("img").count()).toBe(0);
  for (const c of await notice.locator("code").allTextContents()) expect(c.length).toBeLessThanOrEqual(41);
  for (const width of [390, 768, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await notice.screenshot({ path: `test-results/newer-version-notice-${width}.png` });
  }
  await page.waitForTimeout(500);
  expect(page.url()).toBe(new URL(link, page.url()).href);
  const s = slider(page, "packagingCapacityScale");
  await s.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\?v=1&p=chronic&pcs=1\.25$/);
});
