"use client";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { SavedScenario } from "@/lib/scenario/savedFile";
import { deleteSaved, listSaved, putSaved } from "./savedDb";

// One list shared by every component on the page, refreshed from IndexedDB after each change.
let current: SavedScenario[] = [];
let error: string | null = null;
let loaded = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const EMPTY: SavedScenario[] = [];

async function refresh(): Promise<void> {
  try {
    current = await listSaved();
    error = null;
  } catch (e) {
    error = `Saved scenarios are unavailable in this browser (${e instanceof Error ? e.message : "IndexedDB failed"}).`;
  }
  loaded = true;
  emit();
}

/** The saved scenarios and the actions on them; `error` says when IndexedDB cannot be used. */
export function useSavedScenarios() {
  const list = useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => current, () => EMPTY);
  const err = useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => error, () => null);
  useEffect(() => { if (!loaded) void refresh(); }, []);
  const put = useCallback(async (s: SavedScenario) => { await putSaved(s); await refresh(); }, []);
  const remove = useCallback(async (id: string) => { await deleteSaved(id); await refresh(); }, []);
  return { list, error: err, put, remove };
}
