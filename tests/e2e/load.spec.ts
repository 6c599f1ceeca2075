import { test, expect } from "@playwright/test";
import { pidListeningOn, rssMB } from "./serverProcess";

// 2,000 page requests with mangled query strings against the production server on loopback, 20 at a time,
// bounded in count and in time: no 5xx, the server still answers, and its memory stays flat. Pages render
// per request (the CSP nonce), ~0.4–1.3 s each on a loaded 2-core machine, so the time bound can end the run
// first; the test then requires at least MIN_REQUESTS and says how many it sent.
const TOTAL = Number(process.env.LOAD_REQUESTS ?? 2000);
const CONCURRENCY = 20;
const BUDGET_MS = Number(process.env.LOAD_BUDGET_MS ?? 180_000);
const MIN_REQUESTS = Math.min(TOTAL, 300);
/** Node refuses request headers past 16 KB (HTTP 431) and may close the socket before the client finishes. */
const HEADER_LIMIT = 16 * 1024;

/** A small seeded PRNG (mulberry32), so a failing request list can be replayed. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ["v=1", "v=7", "v=", "p=chronic", "p=%00", "pcs=1.2", "pcs=1e999", "pcs=NaN", "wcs=-0", "b.p=baseline", "b.b.p=x", "f.agentHours=base*2", "f.agentHours=import('fs')", "f.x=(((((((", "__proto__[x]=1", "constructor=1", "%", "%E0%A4%A", "%FF%FE", "&&&", "==", "a=<script>alert(1)</script>", "q=%0d%0aSet-Cookie:%20x=1", "pol=degrade", "pol=fifo"];

/** A mangled query: pieces, random bytes percent-encoded or not, sometimes long (some past the 16 KB header limit). */
function mangledQuery(rand: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.6) parts.push(PIECES[Math.floor(rand() * PIECES.length)]);
    else if (r < 0.9) {
      let s = "";
      for (let k = Math.floor(rand() * 20); k > 0; k--) s += `%${Math.floor(rand() * 256).toString(16).padStart(2, "0")}`;
      parts.push(`k${i}=${s}`);
    } else parts.push(`long=${"9".repeat(Math.floor(rand() * 20_000))}`);
  }
  return parts.join(rand() < 0.1 ? ";" : "&");
}

test("up to 2,000 requests with mangled query strings: no 5xx, no crash, memory flat", async ({ baseURL }) => {
  test.setTimeout(BUDGET_MS + 60_000);
  const port = Number(new URL(baseURL!).port);
  const pid = pidListeningOn(port);
  expect(pid, `a process listens on ${port}`).not.toBeNull();
  const rand = prng(1201);
  const paths = ["/", "/brief", "/embed/supply-demand", "/?", "/brief/"];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let sent = 0;
  const started = Date.now();

  let limit = 0;
  const worker = async () => {
    while (sent < limit && Date.now() - started < BUDGET_MS) {
      sent++;
      const url = `${baseURL}${paths[Math.floor(rand() * paths.length)]}?${mangledQuery(rand)}`;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: "manual" });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${res.status} ${url.slice(0, 200)}`);
      } catch (e) {
        // Over the header limit (the URL plus the other request headers) a reset is the server's refusal (as 431 is). A redirect (/brief/ → /brief?…) of a
        // URL near that limit echoes it in Location, past the client's own 16 KB header limit: the client's refusal.
        const code = ((e as Error & { cause?: { code?: string } }).cause?.code ?? "") as string;
        if (new URL(url).href.length > HEADER_LIMIT - 1024 || code === "UND_ERR_HEADERS_OVERFLOW") statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
        else failures.push(`${(e as Error).message} ${code} ${url.slice(0, 200)}`);
      }
    }
  };

  // The first 200 requests, at full concurrency, grow the server to its working set (caches, JIT, a heap sized
  // for 20 renders at once); memory is then read before and after the rest: a leak shows as growth per request.
  const initial = rssMB(pid!);
  limit = Math.min(200, TOTAL);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const warm = sent;
  const before = rssMB(pid!);
  limit = TOTAL;
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = Date.now() - started;
  const after = rssMB(pid!);
  const measured = sent - warm;
  console.log(
    `load: ${sent} requests in ${(elapsed / 1000).toFixed(1)} s (${(sent / (elapsed / 1000)).toFixed(1)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))} (-1: refused over the header limit), ` +
      `server RSS ${initial.toFixed(0)} MB at start, ${before.toFixed(0)} MB after ${warm} warm-up requests, ${after.toFixed(0)} MB after ${measured} more`,
  );

  expect(failures).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  expect(pidListeningOn(port)).toBe(pid); // the same server, still up
  expect((await fetch(`${baseURL}/?v=1&p=chronic`)).status).toBe(200);
  // Flat within noise: V8 collects lazily, so RSS moves by tens of MB between readings; a leak of 100 KB per
  // request (one page's HTML kept) would add 100 MB over 1,000 requests.
  expect(after - before).toBeLessThan(Math.max(60, before * 0.2));
});
