import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PARAMS, DRIVERS } from "@/lib/model";
import { POLICIES, PRESETS } from "@/lib/scenario/presets";
import { main } from "@/cli/app";
import { EXIT } from "@/cli/errors";

// Random argument lists through the CLI, in this process (cli/app.ts main with captured streams): every
// outcome is a documented exit code, every failure one line on standard error with no stack trace, and an
// --out target is written whole on success or not at all. 1,000 lists: about 10 s on a loaded 2-core machine.
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 1000);
const DOCUMENTED = new Set<number>([EXIT.ok, EXIT.calibrationMiss, EXIT.usage, EXIT.io]);

const root = fs.mkdtempSync(path.join(os.tmpdir(), "chokepoint-fuzz-"));
fs.mkdirSync(path.join(root, "a-dir"));
fs.writeFileSync(path.join(root, "target-real"), "real");
fs.symlinkSync(path.join(root, "target-real"), path.join(root, "a-link"));
execFileSync("mkfifo", [path.join(root, "a-fifo")]);
const FIXED = new Set(["a-dir", "target-real", "a-link", "a-fifo"]);

const outPath = fc.constantFrom("fresh.json", "a-dir", "a-link", "a-fifo", "/dev/null", "no/such/dir/x.csv", "", "a-dir/", ".", "..");
const word = fc.oneof(
  fc.constantFrom("run", "params", "calibrate", "help", "--help", "-h", "sweep", "RUN", ""),
  fc.constantFrom("--preset", "--set", "--policy", "--format", "--out", "--url", "--help", "-h", "--", "-", "--set=", "--preset=chronic", "--bogus", "-x"),
  fc.constantFrom(...PRESETS.map((p) => p.id), ...POLICIES, "json", "csv", "table", "xml"),
  fc.tuple(fc.constantFrom(...PARAMS.map((p) => p.id), ...PARAMS.map((p) => p.short), "nope", "__proto__", "constructor", ""), fc.oneof(fc.double().map(String), fc.constantFrom("1", "0.5", "NaN", "1e999", "", "abc", "1.2.3"))).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom("?v=1&p=chronic&pcs=1.2", "/?v=7&p=x&zz=1", `#v=1&f.${DRIVERS[0].id}=base*2`, "https://x.example/?v=1&p=baseline", "not a url", "%E0%A4%A"),
  fc.string({ maxLength: 12 }),
);
/** An argument list: a command, then words, with --out followed by one of the paths above most of the time. */
const argv = fc.tuple(fc.oneof(fc.array(word, { maxLength: 8 }), fc.array(word, { maxLength: 3 }).map((ws) => ["run", ...ws])), fc.option(outPath, { freq: 2 }), fc.nat(8)).map(([ws, out, at]) => {
  const args = [...ws];
  if (out !== null) args.splice(Math.min(at, args.length), 0, "--out", out === "" ? "" : path.join(root, out));
  return args;
});

describe("the CLI with random argument lists", () => {
  it(`${RUNS} lists: a documented exit code, one-line errors, no file left behind`, () => {
    let n = 0;
    const codes = new Map<number, number>();
    let written = 0;
    fc.assert(
      fc.property(argv, (args) => {
        const fresh = path.join(root, "fresh.json");
        fs.rmSync(fresh, { force: true });
        let stdout = "";
        let stderr = "";
        const code = main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
        n++;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect(DOCUMENTED.has(code), `exit ${code} for ${JSON.stringify(args)}: ${stderr}`).toBe(true);
        expect(stderr).not.toMatch(/\n\s+at |internal error/);
        const lines = stderr.split("\n").filter(Boolean);
        for (const l of lines) expect(l.startsWith("chokepoint: "), l).toBe(true);
        if (code === EXIT.usage || code === EXIT.io) {
          // The error is the last line; any lines before it list a link's ignored values.
          expect(lines.length).toBeGreaterThanOrEqual(1);
          for (const l of lines.slice(0, -1)) expect(l.startsWith("chokepoint: link: "), l).toBe(true);
        }
        // Nothing but the fixtures and, on success, the written target.
        const left = fs.readdirSync(root).filter((f) => !FIXED.has(f));
        if (code === EXIT.ok && left.length) {
          expect(left).toEqual(["fresh.json"]);
          written++;
          expect(() => JSON.parse(fs.readFileSync(fresh, "utf8"))).not.toThrow(); // whole, not half-written
        } else if (code !== EXIT.ok) {
          expect(left).toEqual([]);
        }
        expect(fs.readdirSync(path.join(root, "a-dir"))).toEqual([]);
        expect(fs.lstatSync(path.join(root, "a-link")).isSymbolicLink()).toBe(true);
        expect(fs.lstatSync(path.join(root, "a-fifo")).isFIFO()).toBe(true);
        expect(fs.readFileSync(path.join(root, "target-real"), "utf8")).toBe("real");
      }),
      { numRuns: RUNS, seed: 1201 },
    );
    expect(n).toBe(RUNS);
    // The lists reach every outcome, not only the first usage check: runs succeed and files get written.
    expect(codes.get(EXIT.ok) ?? 0).toBeGreaterThan(RUNS / 50);
    expect(codes.get(EXIT.usage) ?? 0).toBeGreaterThan(RUNS / 10);
    expect(written).toBeGreaterThan(0);
  }, 180_000);
});
