/**
 * The JavaScript a route of the production build loads first, read from the build (`.next`): every chunk the
 * route's prerendered HTML references (script tags and the chunk lists of its client components), each with
 * its size raw and gzipped, and whether it holds mathjs (recognized by text only mathjs contains, not by
 * file name). `npx tsx scripts/first-load-js.ts [route]` prints the table for a route (default "/").
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

/** The chunks route `route` ("/" or "/brief") loads on first load, from its prerendered HTML. */
export function firstLoadChunks(nextDir: string, route = "/"): Chunk[] {
  const html = fs.readFileSync(path.join(nextDir, "server/app", `${route === "/" ? "index" : route.replace(/^\//, "")}.html`), "utf8");
  const files = new Set<string>();
  // Script tags (/_next/static/chunks/x.js) and the client components' chunk lists in the inline flight data
  // ("static/chunks/x.js", possibly JSON-escaped).
  for (const m of html.matchAll(/(?:\/_next\/)?(static\/chunks\/[A-Za-z0-9_.\-~/]+?\.js)/g)) files.add(m[1]);
  return [...files].sort().map((f) => readChunk(nextDir, f));
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const nextDir = path.resolve(process.env.NEXT_DIR ?? ".next");
  const route = process.argv[2] ?? "/";
  const chunks = firstLoadChunks(nextDir, route);
  for (const c of chunks) console.log(`${c.file}\t${(c.bytes / 1024).toFixed(1)} KB\t${(c.gzipBytes / 1024).toFixed(1)} KB gzip${c.mathjs ? "\tmathjs" : ""}`);
  const sum = (k: "bytes" | "gzipBytes") => chunks.reduce((a, c) => a + c[k], 0) / 1024;
  console.log(`first-load JS of ${route}: ${chunks.length} chunks, ${sum("bytes").toFixed(1)} KB, ${sum("gzipBytes").toFixed(1)} KB gzip; mathjs ${chunks.some((c) => c.mathjs) ? "PRESENT" : "absent"}`);
  const lazy = allChunks(nextDir).filter((c) => c.mathjs && !chunks.some((f) => f.file === c.file));
  for (const c of lazy) console.log(`mathjs, loaded on demand: ${c.file}\t${(c.gzipBytes / 1024).toFixed(1)} KB gzip`);
}
