/**
 * Benchmarks: one table of what users feel and what the model costs, each line with its target, the figure
 * measured in this run and whether it holds; also written to bench/results.json. Never asserted in unit tests.
 *   npm run bench               full run (needs `next build` for the browser lines)
 *   npm run bench -- --quick    a few samples of each, to check the harness works (CI); verdicts are n/a
 * BENCH_PORT sets the port of the server it starts (default 3199).
 */
import fs from "node:fs";
import { modelSpeed } from "./model";
import { monteCarloOneThread } from "./monteCarloRow";
import { monteCarloWorkers } from "./monteCarloWorkers";
import { startServer } from "./server";
import { formatTable, type BenchContext, type BenchRow, type Measurement } from "./table";

/** The Node-only measurements, in table order; they run first, before the app's server and Playwright are loaded. */
export const NODE_MEASUREMENTS: Measurement[] = [modelSpeed, monteCarloOneThread, monteCarloWorkers];

/** Runs each measurement in turn; one that throws gives a "failed" row and the others still run. */
async function runEach(list: readonly Measurement[], ctx: BenchContext, rows: BenchRow[]): Promise<void> {
  for (const m of list) {
    try {
      rows.push(...(await m.run(ctx)));
    } catch (e) {
      rows.push({ label: m.name, target: "—", figure: "failed", holds: false, note: (e as Error).message.split("\n")[0] });
    }
  }
}

async function main(): Promise<number> {
  const quick = process.argv.includes("--quick");
  const port = Number(process.env.BENCH_PORT ?? 3199);
  const rows: BenchRow[] = [];
  await runEach(NODE_MEASUREMENTS, { quick, baseURL: null }, rows);
  // Only then the server and the browser lines: the server's start-up would share the machine's two cores with the
  // Node-only lines, and with Playwright loaded the model run and the plain loop both measured ~7 % slower.
  const { BROWSER_MEASUREMENTS } = await import("./browser");
  const server = await startServer(port);
  try {
    await runEach(BROWSER_MEASUREMENTS, { quick, baseURL: server?.baseURL ?? null }, rows);
  } finally {
    server?.stop();
  }
  console.log(`Chokepoint benchmarks${quick ? " (quick: few samples, no verdicts)" : ""} — ${new Date().toISOString()}, Node ${process.version}\n`);
  console.log(formatTable(rows));
  fs.writeFileSync("bench/results.json", JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, rows }, null, 2) + "\n");
  // A quick run checks that every measurement ran and gave a figure; a full run reports and never fails on a miss.
  const broken = rows.filter((r) => r.figure === "failed" || (quick && r.figure === "—"));
  return broken.length ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
