"use client";
import { useEffect } from "react";
import { createBrowserPool } from "@/lib/workers/browserPool";
import { useUncertaintyStore, useWorkspaceStore } from "./StoreProvider";
import { startUncertaintyDriver, type DriverOptions, type UncertaintyOutputs } from "./uncertainty";

/** Starts the page's worker pool and keeps the Monte Carlo, the tornado and the pass shares in step with the workspace. */
export function useUncertaintyDriver(out: UncertaintyOutputs, opts?: DriverOptions): void {
  const workspace = useWorkspaceStore();
  const results = useUncertaintyStore();
  useEffect(() => {
    const pool = createBrowserPool();
    const stop = startUncertaintyDriver(workspace, results, pool, out, opts);
    return () => {
      stop();
      pool?.dispose();
    };
    // The outputs and options are constants of the page: the driver lives as long as the stores.
  }, [workspace, results]);
}
