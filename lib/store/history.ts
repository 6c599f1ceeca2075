/**
 * Undo/redo history of scenario edits, as pure functions over an immutable record. Edits with the same key
 * (one slider's id) that follow each other within a short window coalesce into one undo step, so a slider
 * drag, or a run of arrow-key steps on one slider, is undone at once.
 */

/** Past and future states, with what the last recorded edit was and when. */
export interface EditHistory<T> {
  /** Earlier states, oldest first; the last one is what undo returns to. */
  past: readonly T[];
  /** States undone, nearest first; the first one is what redo returns to. */
  future: readonly T[];
  /** Key of the last recorded edit (e.g. "param:pue"), or null when the next edit must open a new step. */
  lastKey: string | null;
  /** Time of the last recorded edit, in ms. */
  lastAt: number;
}

/** How long after an edit another edit with the same key still joins its undo step. */
export const COALESCE_MS = 1000;
/** Most undo steps kept. */
export const HISTORY_LIMIT = 100;

/** An empty history. */
export function emptyHistory<T>(): EditHistory<T> {
  return { past: [], future: [], lastKey: null, lastAt: -Infinity };
}

/**
 * Records that the state `before` is being replaced by an edit with `key` at time `now`. A new step keeps
 * `before` for undo; an edit that continues the previous one (same key, within `windowMs` of it) adds no
 * step. Either way the redo future is dropped.
 */
export function recordEdit<T>(h: EditHistory<T>, before: T, key: string, now: number, windowMs = COALESCE_MS): EditHistory<T> {
  const continues = h.lastKey !== null && h.lastKey === key && now - h.lastAt <= windowMs && h.past.length > 0;
  const past = continues ? h.past : [...h.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: the state to show and the new history, or null when there is nothing to undo. */
export function undoEdit<T>(h: EditHistory<T>, current: T): { state: T; history: EditHistory<T> } | null {
  if (!h.past.length) return null;
  const state = h.past[h.past.length - 1];
  return { state, history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: -Infinity } };
}

/** Steps forward again: the state to show and the new history, or null when there is nothing to redo. */
export function redoEdit<T>(h: EditHistory<T>, current: T): { state: T; history: EditHistory<T> } | null {
  if (!h.future.length) return null;
  const [state, ...future] = h.future;
  return { state, history: { past: [...h.past, current].slice(-HISTORY_LIMIT), future, lastKey: null, lastAt: -Infinity } };
}
