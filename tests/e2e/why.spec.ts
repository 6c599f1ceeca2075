import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";

// The machine running these may be heavily loaded: hydration alone can take tens of seconds.
test.describe.configure({ timeout: 240_000 });
expect.configure({ timeout: 30_000 });

/** The model's own answer for a link (see why-oracle.ts). */
interface Oracle {
  months: string[];
  binding: string[];
  base: { status: string; clearsAt: string | null };
  reruns: { paramId: string; status: string; clearsAt: string | null }[];
}
function oracle(query: string, input: string): Oracle {
  return JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/why-oracle.ts", query, input], { encoding: "utf8" }));
}

// Packaging 1.5× and power 1.3×: the case where tokens stay short while the strip says nothing binds.
const QUERY = "v=1&p=baseline&pcs=1.5&pws=1.3";

for (const input of ["tokens", "gpu"]) {
  test(`the why of the ${input} shortage names the binding strip's input for the same months, and its levers equal model reruns`, async ({ page }) => {
    await page.goto(`/?${QUERY}`);
    await expect(page.locator("[data-scenario-ready=true]")).toBeVisible({ timeout: 60_000 });
    await page.locator(`[data-why-toggle="${input}"]`).click();
    const why = page.locator(`[data-why="${input}"]`);
    await expect(why).toBeVisible({ timeout: 60_000 });

    // The binding strip's own table: month → binding constraint, as the strip shows it.
    const fig = page.locator('figure[data-chart="binding"]');
    await fig.getByRole("button", { name: "Show data table" }).click();
    const strip = new Map<string, string>(
      await fig.locator(".data-table tbody tr").evaluateAll((rows) => rows.map((r) => [r.children[0].textContent ?? "", r.children[1].textContent ?? ""] as [string, string])),
    );
    const stretches = JSON.parse((await why.locator("[data-why-binding]").getAttribute("data-why-binding")) ?? "[]") as { binding: string; from: string; to: string }[];
    expect(stretches.length).toBeGreaterThan(0);
    const text = (await why.locator("[data-why-binding]").textContent()) ?? "";
    const o = oracle(QUERY, input);
    for (const s of stretches) {
      const i0 = o.months.indexOf(s.from), i1 = o.months.indexOf(s.to);
      const shown = strip.get(s.from)!;
      expect(text).toContain(`${shown} ${s.from === s.to ? s.from : `${s.from}–${s.to}`}`);
      for (let i = i0; i <= i1; i++) {
        expect(strip.get(o.months[i]), o.months[i]).toBe(shown);
        expect(o.binding[i]).toBe(s.binding);
      }
    }

    // Each lever's months earlier equals the clearing month of an independent rerun vs the run explained.
    await expect(why.locator("[data-lever]").first()).toBeVisible({ timeout: 60_000 });
    const levers = await why.locator("[data-lever]").evaluateAll((els) => els.map((e) => ({ id: e.getAttribute("data-lever")!, earlier: e.getAttribute("data-months-earlier")!, text: e.textContent ?? "" })));
    expect(levers.map((l) => l.id).sort()).toEqual(o.reruns.map((r) => r.paramId).sort());
    const idx = (r: { status: string; clearsAt: string | null }) => (r.status === "clears" && r.clearsAt ? o.months.indexOf(r.clearsAt) : r.status === "none" ? -1 : o.months.length);
    for (const l of levers) {
      const r = o.reruns.find((q) => q.paramId === l.id)!;
      if (r.status === "clears" && o.base.status === "clears") {
        expect(Number(l.earlier), l.id).toBe(idx(o.base) - idx(r));
        expect(l.text).toContain(r.clearsAt!);
      }
    }
    // The summary names the best lever's figure, and the months spoken of are highlighted on the charts.
    const best = [...o.reruns].sort((a, b) => idx(a) - idx(b))[0];
    const gain = idx(o.base) - idx(best);
    const summary = (await why.locator("[data-why-summary]").textContent()) ?? "";
    if (gain > 0 && best.status === "clears") expect(summary).toContain(`${gain} month${gain === 1 ? "" : "s"} earlier (${best.clearsAt})`);
    else if (gain <= 0) expect(summary).toContain("No capacity input +10 % clears it sooner");
    expect(await page.locator("figure[data-chart] [data-highlight] rect").count()).toBeGreaterThan(0);
    await why.screenshot({ path: `test-results/why-${input}.png` });
    await why.getByRole("button", { name: /Close/ }).click();
    await expect(page.locator("figure[data-chart] [data-highlight]")).toHaveCount(0);
  });
}
