"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { UrlIssue } from "@/lib/scenario/url";
import { useWorkspaceStore } from "./StoreProvider";
import { loadQuery, startUrlSync, type UrlSync } from "./urlSync";

/** What the page knows about its link: whether it has been read, what was ignored, and a flush for copying. */
export interface UrlScenario {
  /** True once the link has been read into the store (after mount: the page itself is static). */
  ready: boolean;
  /** Everything the link held that was not used, with reasons. */
  issues: UrlIssue[];
  /** Writes any pending URL update now. */
  flush(): void;
}

/**
 * Reads the scenario from `location.search` after mount and, when `sync` is set, keeps the URL in step with
 * every scenario change through `history.replaceState` (throttled), keeping the path and hash.
 */
export function useUrlScenario({ sync }: { sync: boolean }): UrlScenario {
  const store = useWorkspaceStore();
  const [ready, setReady] = useState(false);
  const [issues, setIssues] = useState<UrlIssue[]>([]);
  const syncRef = useRef<UrlSync | null>(null);

  useEffect(() => {
    const decoded = loadQuery(store, window.location.search);
    // Reading the URL happens once, after mount; the state it yields is what the page shows from then on.
    setIssues(decoded?.issues ?? []);
    setReady(true);
    if (!sync) return;
    const s = startUrlSync(store, (query) => {
      const url = `${window.location.pathname}?${query}${window.location.hash}`;
      window.history.replaceState(window.history.state, "", url);
    });
    syncRef.current = s;
    const onHide = () => s.flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      s.stop();
      syncRef.current = null;
    };
  }, [store, sync]);

  const flush = useCallback(() => syncRef.current?.flush(), []);
  return { ready, issues, flush };
}
