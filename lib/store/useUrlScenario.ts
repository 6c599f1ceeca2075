"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { isScenarioFragment, shareLocation } from "@/lib/scenario/url";
import { useWorkspaceStore } from "./StoreProvider";
import { keepUnsavedEdit, takeUnsavedEdit } from "./unsavedEdit";
import { openLink, queryOf, startUrlSync, type LinkNotice, type UrlSync, type UrlWriteMode } from "./urlSync";

/** What the page knows about its link: whether it has been read, what was ignored, and a flush for copying. */
export interface UrlScenario {
  /** True once the link has been read into the store (after mount: the page itself is static). */
  ready: boolean;
  /** What the link held that was not used, and what an edit will drop; null when everything was used. */
  notice: LinkNotice | null;
  /** Writes any pending URL update now. */
  flush(): void;
}

/** The session storage, or null where it cannot be reached. */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Whether this document was loaded by a reload (Navigation Timing). */
function wasReloaded(): boolean {
  const nav = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === "reload";
}

/** The page's address for a scenario query: long queries in the fragment (`shareLocation`), other hashes kept. */
export function addressOf(query: string): string {
  const { search, hash } = shareLocation(query);
  const keptHash = hash || (isScenarioFragment(window.location.hash) ? "" : window.location.hash);
  return `${window.location.pathname}${search}${keptHash}`;
}

/**
 * Reads the scenario from the page's link after mount and, when `sync` is set, keeps the address bar in step
 * with every change: preset switches as new history entries (Back and Forward move between them), edits in
 * place; the address is written at once when the page is hidden or unloaded, and a reload right after an edit
 * restores it (lib/store/unsavedEdit.ts). The link is not rewritten before the first edit, so a link from a
 * newer version keeps what this version cannot read until the analyst changes something.
 */
export function useUrlScenario({ sync }: { sync: boolean }): UrlScenario {
  const store = useWorkspaceStore();
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<LinkNotice | null>(null);
  const syncRef = useRef<UrlSync | null>(null);

  useEffect(() => {
    const path = window.location.pathname;
    const kept = sync ? takeUnsavedEdit(sessionStore(), path, wasReloaded()) : null;
    const opened = openLink(kept !== null ? `?${kept}` : window.location.search, kept !== null ? "" : window.location.hash);
    if (opened.decoded) store.getState().loadScenario(opened.decoded.state, opened.decoded.baseline ?? null);
    setNotice(opened.notice);
    setReady(true);
    if (!sync) return;

    const write = (query: string, mode: UrlWriteMode) => {
      const url = addressOf(query);
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(window.history.state, "", url);
    };
    if (kept !== null) write(kept, "replace");
    const s = startUrlSync(store, write);
    syncRef.current = s;

    const onHide = () => {
      s.flush();
      if (s.edited || kept !== null) keepUnsavedEdit(sessionStore(), path, queryOf(store.getState()));
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onHide();
    };
    // Back/Forward between preset switches and links: load the entry's scenario without writing it back.
    const onPop = () => {
      const entry = openLink(window.location.search, window.location.hash);
      s.quietly(() => store.getState().loadScenario(entry.decoded?.state ?? { presetId: "baseline", overrides: {} }, entry.decoded?.baseline ?? null));
      setNotice(entry.notice);
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("popstate", onPop);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("popstate", onPop);
      s.stop();
      syncRef.current = null;
    };
  }, [store, sync]);

  const flush = useCallback(() => syncRef.current?.flush(), []);
  return { ready, notice, flush };
}
