/**
 * The JavaScript a route of the production build loads first, read from the build (`.next`): every chunk the
 * route's HTML references (script tags and the chunk lists of its client components), each with
 * its size raw and gzipped, and whether it holds mathjs (recognized by text only mathjs contains, not by
 * file name). With the production server running (`npm start`), `npx tsx scripts/first-load-js.ts [route] [--url
 * http://127.0.0.1:3000]` prints the table for a route (default "/"): pages render per request (the CSP nonce), so
 * the HTML is fetched from the server. The HTML also names the `noModule` polyfills, which browsers that run modules
 * never fetch: they are listed and marked but left out of the sum.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

/** Strings found in mathjs's code (its parser and function errors) and in no other dependency. */
export const MATHJS_MARKERS = ["Unexpected end of expression", "FunctionAssignmentNode", "Number of decimals in function round must be an integer"];

/** One chunk of the build. */
export interface Chunk {
  file: string;
  bytes: number;
  gzipBytes: number;
  mathjs: boolean;
  /** Named by a `noModule` script tag: polyfills that browsers running modules never fetch. */
  noModule?: boolean;
}

/** Whether a chunk's text holds mathjs (at least two of the markers, so one quoted message is not enough). */
export function holdsMathjs(text: string): boolean {
  return MATHJS_MARKERS.filter((m) => text.includes(m)).length >= 2;
}

/** Reads one chunk of the build (path relative to `.next`, e.g. "static/chunks/abc.js"). */
export function readChunk(nextDir: string, rel: string): Chunk {
  const buf = fs.readFileSync(path.join(nextDir, rel));
  return { file: rel, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length, mathjs: holdsMathjs(buf.toString("utf8")) };
}

/**
 * The chunks route `route` ("/" or "/brief") loads on first load, from its HTML: `html` as served (pages render per
 * request, for the CSP nonce), or else the build's prerendered file where there is one.
 */
export function firstLoadChunks(nextDir: string, route = "/", html?: string): Chunk[] {
  if (html === undefined) {
    const file = path.join(nextDir, "server/app", `${route === "/" ? "index" : route.replace(/^\//, "")}.html`);
    if (!fs.existsSync(file)) throw new Error(`${route} has no prerendered HTML in ${nextDir} (it renders per request): pass the HTML the server sends`);
    html = fs.readFileSync(file, "utf8");
  }
  const files = new Set<string>();
  // Script tags (/_next/static/chunks/x.js) and the client components' chunk lists in the inline flight data
  // ("static/chunks/x.js", possibly JSON-escaped).
  for (const m of html.matchAll(/(?:\/_next\/)?(static\/chunks\/[A-Za-z0-9_.\-~/]+?\.js)/g)) files.add(m[1]);
  const noModule = new Set([...html.matchAll(/<script[^>]*?src="\/_next\/(static\/chunks\/[^"]+?\.js)"[^>]*?\bnoModule\b/gi)].map((m) => m[1]));
  return [...files].sort().map((f) => ({ ...readChunk(nextDir, f), ...(noModule.has(f) ? { noModule: true } : {}) }));
}

/** Every JavaScript chunk of the build. */
export function allChunks(nextDir: string): Chunk[] {
  const dir = path.join(nextDir, "static/chunks");
  const out: Chunk[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) out.push(readChunk(nextDir, path.relative(nextDir, p)));
    }
  };
  walk(dir);
  return out;
}

/** Prints the table for a route, its HTML fetched from a running production server. */
async function main(argv: string[]): Promise<number> {
  const nextDir = path.resolve(process.env.NEXT_DIR ?? ".next");
  const urlAt = argv.indexOf("--url");
  const base = (urlAt >= 0 ? argv[urlAt + 1] : undefined) ?? "http://127.0.0.1:3000";
  const route = argv.find((a, i) => !a.startsWith("--") && (urlAt < 0 || i !== urlAt + 1)) ?? "/";
  if (!fs.existsSync(path.join(nextDir, "BUILD_ID"))) {
    console.error(`No production build in ${nextDir}: run \`npm run build\` first.`);
    return 2;
  }
  let html: string;
  try {
    const res = await fetch(new URL(route, base));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    html = await res.text();
  } catch (e) {
    console.error(`Could not fetch ${route} from ${base} (${(e as Error).message}): start the production server (\`npm start\`) or pass --url.`);
    return 2;
  }
  const chunks = firstLoadChunks(nextDir, route, html);
  for (const c of chunks) console.log(`${c.file}\t${(c.bytes / 1024).toFixed(1)} KB\t${(c.gzipBytes / 1024).toFixed(1)} KB gzip${c.mathjs ? "\tmathjs" : ""}${c.noModule ? "\tnoModule polyfills (not fetched by browsers that run modules)" : ""}`);
  const loaded = chunks.filter((c) => !c.noModule);
  const sum = (k: "bytes" | "gzipBytes") => loaded.reduce((a, c) => a + c[k], 0) / 1024;
  console.log(`first-load JS of ${route}: ${loaded.length} chunks, ${sum("bytes").toFixed(1)} KB, ${sum("gzipBytes").toFixed(1)} KB gzip (noModule polyfills left out); mathjs ${chunks.some((c) => c.mathjs) ? "PRESENT" : "absent"}`);
  const lazy = allChunks(nextDir).filter((c) => c.mathjs && !chunks.some((f) => f.file === c.file));
  for (const c of lazy) console.log(`mathjs, loaded on demand: ${c.file}\t${(c.gzipBytes / 1024).toFixed(1)} KB gzip`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
