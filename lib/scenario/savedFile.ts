/**
 * Saved scenarios as records and as an export file. A saved scenario keeps its share-link query, so it opens
 * exactly as its link does (the URL codec validates it and reports what it ignores). Reading an import file is in
 * savedImport.ts, loaded when a file is chosen: its schema library is not needed to list or save scenarios.
 */
import { encodeScenario } from "./url";
import type { ScenarioState } from "./presets";

/** The export file's format id. */
export const SAVED_FILE_FORMAT = "chokepoint.scenarios/1";
/** Longest name and note kept, in characters. */
export const MAX_SAVED_NAME = 120;
export const MAX_SAVED_NOTE = 2000;
/** Largest import file read, in bytes. */
export const MAX_IMPORT_BYTES = 2_000_000;

/** A scenario saved in the browser. */
export interface SavedScenario {
  id: string;
  name: string;
  note: string;
  /** The share-link query (without "?"), as `encodeScenario` writes it. */
  query: string;
  /** ISO timestamps. */
  savedAt: string;
  updatedAt: string;
}

/** A new saved record for a scenario (and optional pinned baseline). */
export function newSaved(id: string, name: string, note: string, scenario: ScenarioState, baseline: ScenarioState | null, now = new Date()): SavedScenario {
  const t = now.toISOString();
  return { id, name: cleanName(name), note: note.slice(0, MAX_SAVED_NOTE), query: encodeScenario(scenario, baseline ? { baseline } : undefined), savedAt: t, updatedAt: t };
}

/** A name trimmed to its limit; empty names become "Untitled scenario". */
export function cleanName(name: string): string {
  return name.trim().slice(0, MAX_SAVED_NAME) || "Untitled scenario";
}

/** The export file's JSON for a list of saved scenarios. */
export function exportFile(saved: SavedScenario[], now = new Date()): string {
  return JSON.stringify({ format: SAVED_FILE_FORMAT, exportedAt: now.toISOString(), scenarios: saved.map(({ name, note, query, savedAt, updatedAt }) => ({ name, note, query, savedAt, updatedAt })) }, null, 2);
}
