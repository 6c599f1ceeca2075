/**
 * The part of an installed fleet that serves tokens (docs/model.md §8). With enough accelerators each
 * use gets what it wants; in a shortage the fleet is shared in proportion to need weighted by
 * `priority` for inference and 1 − priority for training (0.5: the same share of need for both), training
 * taking no more than it needs.
 */
export function inferenceFleet(installed: number, infNeed: number, desired: number, priority: number): number {
  if (desired <= 0 || installed <= 0) return 0;
  if (installed >= desired) return infNeed;
  const trainNeed = Math.max(0, desired - infNeed);
  const wi = infNeed * priority, wt = trainNeed * (1 - priority);
  const share = wi + wt > 0 ? (installed * wi) / (wi + wt) : 0;
  // Training never takes more than it needs: what its weighted share would leave idle serves tokens (below a
  // priority of 0.5 the weighted share can exceed training's need; at 0.5 and above it never does).
  return Math.min(infNeed, Math.max(share, installed - trainNeed));
}
