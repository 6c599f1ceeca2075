import { test, expect as baseExpect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { allChunks, firstLoadChunks } from "../../scripts/first-load-js";
import { shown } from "./page";

// What the workspace leaves out of its first load and fetches when asked for (README, "Dependencies and why"):
// the provenance words of the parameter catalog, and zod. Each check also finds its marker in a chunk that loads
// on demand, so it cannot pass by looking for text that is nowhere.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const NEXT_DIR = path.resolve(".next");
const WORDS = JSON.parse(fs.readFileSync(path.resolve("data/parameter-provenance.json"), "utf8")) as { parameters: Record<string, { source?: string; reasoning?: string }> };
/** The opening words of a few parameters' provenance: plain ASCII without quotes, so a chunk holds them as written. */
const PROSE = Object.values(WORDS.parameters)
  .map((w) => (w.source ?? w.reasoning ?? "").slice(0, 40))
  .filter((t) => t.length === 40 && /^[ -~]+$/.test(t) && !/["'\\]/.test(t))
  .slice(0, 5);
/** Names zod gives its schema classes at run time; no other dependency has them. */
const ZOD = ['"$ZodType"', '"$ZodObject"'];

const holdsProse = (text: string) => PROSE.some((p) => text.includes(p));
const holdsZod = (text: string) => ZOD.every((m) => text.includes(m));
const chunkText = (file: string) => fs.readFileSync(path.join(NEXT_DIR, file), "utf8");

test("the production build: no chunk / loads first holds the provenance words or zod; chunks loaded on demand do", async ({ request }) => {
  const first = firstLoadChunks(NEXT_DIR, "/", await (await request.get("/")).text());
  expect(first.length).toBeGreaterThan(2);
  expect(first.filter((c) => holdsProse(chunkText(c.file))).map((c) => c.file)).toEqual([]);
  expect(first.filter((c) => holdsZod(chunkText(c.file))).map((c) => c.file)).toEqual([]);
  const all = allChunks(NEXT_DIR);
  expect(all.filter((c) => holdsProse(chunkText(c.file))).length).toBeGreaterThan(0);
  expect(all.filter((c) => holdsZod(chunkText(c.file))).length).toBeGreaterThan(0);
});

test("in the browser: opening / fetches neither; opening a parameter's source fetches its words and shows them", async ({ page }) => {
  const fetched: { url: string; prose: boolean; zod: boolean }[] = [];
  page.on("response", async (r) => {
    if (!r.url().endsWith(".js")) return;
    const text = await r.text().catch(() => "");
    fetched.push({ url: r.url(), prose: holdsProse(text), zod: holdsZod(text) });
  });
  await page.goto("/?v=1&p=chronic");
  await shown(page);
  await page.waitForLoadState("networkidle");
  expect(fetched.length).toBeGreaterThan(2);
  expect(fetched.filter((f) => f.prose || f.zod)).toEqual([]);

  const row = page.locator('[data-param="waferCapacityScale"]');
  await row.getByRole("button", { name: /Source of/ }).click();
  await expect(row.locator(".provenance")).toContainText(WORDS.parameters.waferCapacityScale.source!);
  expect(fetched.some((f) => f.prose)).toBe(true);
});
