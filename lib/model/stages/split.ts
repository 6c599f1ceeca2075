/**
 * The part of an installed fleet that serves tokens (docs/model.md §8). A deficit against the wanted
 * fleet is shared in proportion to need, except that inference is spared `priority` of its part;
 * never more than installed.
 */
export function inferenceFleet(installed: number, infNeed: number, desired: number, priority: number): number {
  if (desired <= 0) return 0;
  const deficit = Math.max(0, desired - installed);
  return Math.min(installed, Math.max(0, infNeed - (1 - priority) * deficit * (infNeed / desired)));
}
