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
import { formatTable, type BenchRow, type Measurement } from "./table";

/**
 * A browser measurement, loaded when it runs: Playwright and its modules stay out of the process while the
 * Node-only measurements run (with them loaded, the model run and the plain loop both measured ~7 % slower).
 */
const inBrowser = (name: string, pick: (m: typeof import("./browser")) => Measurement): Measurement => ({
  name,
  browser: true,
  run: async (ctx) => pick(await import("./browser")).run(ctx),
});

/** Every measurement, in table order; other measurement files add theirs here. */
export const MEASUREMENTS: Measurement[] = [
  modelSpeed,
  monteCarloOneThread,
  monteCarloWorkers,
  inBrowser("first-load-js", (m) => m.firstLoadJs),
  inBrowser("slider-interaction", (m) => m.sliderInteraction),
  inBrowser("heap", (m) => m.heapGrowth),
];

async function main(): Promise<number> {
  const quick = process.argv.includes("--quick");
  const port = Number(process.env.BENCH_PORT ?? 3199);
  // The server starts only for the browser measurements: Node-only ones (model, Monte Carlo) run before it,
  // so its start-up work does not share the machine's two cores with them.
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const rows: BenchRow[] = [];
  try {
    for (const m of MEASUREMENTS) {
      if (m.browser && server === undefined) server = await startServer(port);
      try {
        rows.push(...(await m.run({ quick, baseURL: server?.baseURL ?? null })));
      } catch (e) {
        rows.push({ label: m.name, target: "—", figure: "failed", holds: false, note: (e as Error).message.split("\n")[0] });
      }
    }
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
