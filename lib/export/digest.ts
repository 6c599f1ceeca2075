/**
 * A short stable digest of a scenario's share query (FNV-1a, 32 bits, as 8 hex digits). The query is the
 * canonical form of a scenario (reading a link and writing it back gives the same query), so one scenario
 * always gets one digest, and exports of different scenarios get different names.
 */
export function scenarioDigest(query: string): string {
  const q = query.replace(/^\?/, "");
  let h = 0x811c9dc5;
  for (let i = 0; i < q.length; i++) {
    h ^= q.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
