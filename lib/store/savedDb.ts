/** Saved scenarios in the browser's IndexedDB, through `idb` (loaded when first used). */
import type { SavedScenario } from "@/lib/scenario/savedFile";

const DB_NAME = "chokepoint";
const STORE = "scenarios";

type Db = import("idb").IDBPDatabase;
let dbPromise: Promise<Db> | null = null;

/** The opened database (created on first use). */
function db(): Promise<Db> {
  dbPromise ??= import("idb").then(({ openDB }) =>
    openDB(DB_NAME, 1, {
      upgrade(d) {
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: "id" });
      },
    }),
  );
  return dbPromise;
}

/** Every saved scenario, most recently updated first. */
export async function listSaved(): Promise<SavedScenario[]> {
  const all = (await (await db()).getAll(STORE)) as SavedScenario[];
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Adds or replaces a saved scenario. */
export async function putSaved(s: SavedScenario): Promise<void> {
  await (await db()).put(STORE, s);
}

/** Deletes a saved scenario by id. */
export async function deleteSaved(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}

/** A fresh id for a saved scenario. */
export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
