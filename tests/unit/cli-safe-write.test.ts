import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simulate } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { encodeScenario } from "@/lib/scenario/url";
import { main, type CliIo } from "@/cli/app";
import { writeFileSafely } from "@/cli/safeWrite";
import { CliError, EXIT } from "@/cli/errors";

/** Runs the CLI in this process, capturing its output. */
function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t) };
  const status = main(args, io);
  return { status, stdout, stderr };
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "chokepoint-out-"));

describe("--out refuses what is not a regular file, with one line and exit 2", () => {
  it("a symbolic link is refused and left pointing where it pointed", () => {
    const dir = tmpDir();
    const real = path.join(dir, "real.json");
    fs.writeFileSync(real, "keep");
    const link = path.join(dir, "link.json");
    fs.symlinkSync(real, link);
    const r = cli("run", "--out", link);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^chokepoint: Refusing to write .*link\.json: it is a symbolic link, not a regular file\.\n$/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("keep");
    expect(fs.readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });

  it("a directory is refused without a stack trace or a temporary file", () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "sub"));
    const r = cli("run", "--out", path.join(dir, "sub"));
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/it is a directory, not a regular file\.\n$/);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(["sub"]);
  });

  it("a named pipe (FIFO) is refused and stays a pipe", () => {
    const dir = tmpDir();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const r = cli("run", "--out", fifo);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/it is a named pipe \(FIFO\), not a regular file/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["pipe"]);
  });

  it("a device is refused and stays a device", () => {
    const r = cli("run", "--out", "/dev/null");
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/it is a device, not a regular file/);
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a missing folder is one line, exit 2", () => {
    const r = cli("run", "--out", path.join(tmpDir(), "no", "such", "x.json"));
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^chokepoint: Cannot write .*: folder .* does not exist\.\n$/);
  });
});

describe("--out writes safely", () => {
  it("an existing 0600 file keeps its mode and gets the run", () => {
    const dir = tmpDir();
    const file = path.join(dir, "run.json");
    fs.writeFileSync(file, "old");
    fs.chmodSync(file, 0o600);
    const r = cli("run", "--preset", "chronic", "--out", file);
    expect(r.status).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).scenario.preset).toBe("chronic");
    expect(fs.readdirSync(dir)).toEqual(["run.json"]);
  });

  it("a failure after the temporary file exists removes it and leaves the target as it was (exit 3)", () => {
    const dir = tmpDir();
    const file = path.join(dir, "run.csv");
    fs.writeFileSync(file, "previous");
    let tmpSeen = "";
    let err: unknown;
    try {
      writeFileSafely(file, "new text", {
        afterOpen(tmp) {
          tmpSeen = tmp;
          const e = new Error("ENOSPC: no space left on device, write") as NodeJS.ErrnoException;
          e.code = "ENOSPC";
          throw e;
        },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.io);
    expect((err as CliError).message).toMatch(/^Cannot write .*run\.csv: ENOSPC/);
    expect(path.dirname(tmpSeen)).toBe(dir); // beside the target, so the rename cannot cross file systems
    expect(fs.existsSync(tmpSeen)).toBe(false);
    expect(fs.readFileSync(file, "utf8")).toBe("previous");
    expect(fs.readdirSync(dir)).toEqual(["run.csv"]);
  });

  it("a folder that may not be written is one line, exit 3, nothing left", () => {
    if (process.getuid?.() === 0) return; // root may write anywhere: the check would not mean anything
    const dir = tmpDir();
    fs.chmodSync(dir, 0o500);
    const r = cli("run", "--out", path.join(dir, "x.json"));
    expect(r.status).toBe(EXIT.io);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("run --url and --set", () => {
  it("runs a share link's scenario, formulas included, as the app would", () => {
    const state = { presetId: "chronic", overrides: { packagingCapacityScale: 1.3 }, policy: "degrade" as const, formulas: { agentHours: "base * 1.2" } };
    const link = `https://chokepoint.example/?${encodeScenario(state)}`;
    const r = cli("run", "--url", link);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    const lib = simulate(resolveScenario(state));
    expect(out.scenario.preset).toBe("chronic");
    expect(out.scenario.formulas).toEqual({ agentHours: "base * 1.2" });
    expect(out.metrics).toEqual(JSON.parse(JSON.stringify(lib.metrics)));
    expect(out.series["tokens.served"][50]).toBe(lib.series["tokens.served"][50]);
  });

  it("lists what a link held that cannot be used, one line each, and runs the rest", () => {
    const r = cli("run", "--url", "/?v=1&p=chronic&pcs=99&zzz=1");
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split("\n").sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^chokepoint: link: "pcs" = "99": .*above the maximum/);
    expect(lines[1]).toMatch(/^chokepoint: link: "zzz" = "1": unknown key; ignored/);
    expect(JSON.parse(r.stdout).scenario.preset).toBe("chronic");
  });

  it("accepts the link's short keys in --set, equal to the full id", () => {
    const short = cli("run", "--set", "pcs=1.4");
    const long = cli("run", "--set", "packagingCapacityScale=1.4");
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    expect(JSON.parse(short.stdout).scenario.params.packagingCapacityScale).toBe(1.4);
  });

  it("--set on top of --url changes the link's scenario", () => {
    const r = cli("run", "--url", "?v=1&p=chronic&pcs=1.2", "--set", "pcs=1.5");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).scenario.params.packagingCapacityScale).toBe(1.5);
  });

  it.each([
    [["run", "--set", "pcs=1.2", "--set", "packagingCapacityScale=1.3"], /names packagingCapacityScale twice/],
    [["run", "--set", "pue=1.2", "--set", "pue=1.2"], /names pue twice/],
    [["run", "--preset", "chronic", "--preset", "baseline"], /--preset is given 2 times/],
    [["run", "--preset", "chronic", "--url", "?v=1&p=baseline"], /Give --preset or --url, not both/],
    [["run", "--set", "packagingCapacitySclae=1.2"], /Did you mean: packagingCapacityScale \(pcs\)/],
    [["run", "--url", ""], /--url needs a share link/],
  ])("refuses %j with one line and exit 2", (args, message) => {
    const r = cli(...(args as string[]));
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe("");
  });
});
