/** Starts the production server of the app for the browser measurements (needs `next build` first). */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/** A running server: its address and how to stop it. */
export interface BenchServer {
  baseURL: string;
  stop(): void;
}

/** Starts `next start` on 127.0.0.1:port and waits until it answers; null when there is no build or it does not come up. */
export async function startServer(port: number): Promise<BenchServer | null> {
  if (!fs.existsSync(".next/BUILD_ID")) return null;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true, // its own process group, so stopping it stops next-server too
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(baseURL, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return { baseURL, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  return null;
}
