import { test, expect } from "@playwright/test";
import fc from "fast-check";

/**
 * Hostile links in the browser: the parser is fuzzed with 1,000 links in tests/unit/url-fuzz.test.ts;
 * here a seeded sample of such links is opened in the page itself, which must neither throw nor show
 * a non-number.
 */
const keys = ["v", "p", "pol", "wcs", "pcs", "dcs", "pws", "end", "f.agentHours", "f.waferCapacity", "b.p", "b.wcs", "__proto__", "constructor", "x"];
const values = fc.oneof(
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "1e-320", "", "%", "%E0%A4%A", "chronic", "degrade", "9".repeat(400)),
  fc.constantFrom("import('fs')", "evaluate('1')", "a=1", "f(x)=x", "[1,2]", "\"s\"", "1 cm", "t > 6 ? 1e308 : -1e308", "exp(exp(t))"),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 30 }),
);
const query = fc.array(fc.tuple(fc.constantFrom(...keys), values), { minLength: 1, maxLength: 8 }).map((pairs) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"),
);

test("forty hostile links open without an error and never show NaN, Infinity or undefined", async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  const links = fc.sample(query, { numRuns: 40, seed: 20261123 });
  for (const q of links) {
    await page.goto(`/?${q}`);
    await expect(page.locator('[data-scenario-ready="true"]')).toHaveCount(1);
    // Everything on the page except the notice, which quotes the ignored raw values on purpose.
    const text = await page.evaluate(() => {
      const notice = document.querySelector<HTMLElement>("[data-url-notice]");
      if (notice) notice.style.display = "none";
      const visible = document.body.innerText;
      if (notice) notice.style.display = "";
      return visible;
    });
    expect(text.length, q).toBeGreaterThan(1000);
    expect(text, q).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    await expect(page.locator('[data-metric="clearsAt.tokens"]').first()).not.toBeEmpty();
  }
  expect(errors).toEqual([]);
});
