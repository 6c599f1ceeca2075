/**
 * Keeps the last edit across a reload. A reload fetches the address the browser already holds, which can
 * trail the screen by one throttled write; so when the page is hidden or unloaded after an edit, the current
 * query is kept in sessionStorage (this tab only) beside the path, and a *reload* of that path restores it.
 */

const KEY = "chokepoint.unsavedEdit";

/** What is kept: the page's path and the scenario query it showed. */
interface UnsavedEdit {
  path: string;
  query: string;
}

/** The minimal storage this needs (sessionStorage in the page, a Map in tests). */
export interface EditStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps `query` as the scenario shown on `path`; storage errors (quota, privacy mode) are ignored. */
export function keepUnsavedEdit(storage: EditStorage | null, path: string, query: string): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ path, query } satisfies UnsavedEdit));
  } catch {
    /* the address bar write is the fallback */
  }
}

/**
 * Takes (and removes) the kept query for `path` when the page was reloaded; null otherwise. Anything else in
 * the slot (another path, a non-reload navigation, unreadable JSON) is dropped.
 */
export function takeUnsavedEdit(storage: EditStorage | null, path: string, reloaded: boolean): string | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY) ?? null;
    storage?.removeItem(KEY);
  } catch {
    return null;
  }
  if (!raw || !reloaded) return null;
  try {
    const v = JSON.parse(raw) as Partial<UnsavedEdit>;
    return v && v.path === path && typeof v.query === "string" && v.query.length <= 1_000_000 ? v.query : null;
  } catch {
    return null;
  }
}
