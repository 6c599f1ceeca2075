import { test, expect as baseExpect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { allChunks, firstLoadChunks } from "../../scripts/first-load-js";
import { shown } from "./page";

// What the workspace leaves out of its first load (README, "What the workspace loads first"): zod, which only the
// saved-scenario import reader uses. The check also finds its marker in a chunk that loads on demand, so it cannot
// pass by looking for text that is nowhere.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const NEXT_DIR = path.resolve(".next");
/** Names zod gives its schema classes at run time; no other dependency has them. */
const ZOD = ['"$ZodType"', '"$ZodObject"'];

const holdsZod = (text: string) => ZOD.every((m) => text.includes(m));
const chunkText = (file: string) => fs.readFileSync(path.join(NEXT_DIR, file), "utf8");

test("the production build: no chunk / loads first holds zod; a chunk loaded on demand does", async ({ request }) => {
  const first = firstLoadChunks(NEXT_DIR, "/", await (await request.get("/")).text());
  expect(first.length).toBeGreaterThan(2);
  expect(first.filter((c) => holdsZod(chunkText(c.file))).map((c) => c.file)).toEqual([]);
  expect(allChunks(NEXT_DIR).filter((c) => holdsZod(chunkText(c.file))).length).toBeGreaterThan(0);
});

test("in the browser: opening / fetches no script holding zod", async ({ page }) => {
  const fetched: { url: string; zod: boolean }[] = [];
  page.on("response", async (r) => {
    if (!r.url().endsWith(".js")) return;
    const text = await r.text().catch(() => "");
    fetched.push({ url: r.url(), zod: holdsZod(text) });
  });
  await page.goto("/?v=1&p=chronic");
  await shown(page);
  await page.waitForLoadState("networkidle");
  expect(fetched.length).toBeGreaterThan(2);
  expect(fetched.filter((f) => f.zod)).toEqual([]);
});
