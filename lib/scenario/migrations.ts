import { PARAMS, CHOICES } from "../model";

/**
 * One step in the history of the share-URL format: turns the query of a link written at `version - 1`
 * into the form of `version`. Migrations map keys one to one (they rename, they never silently drop),
 * so that whatever a migrated link still cannot say is reported by the decoder rather than lost.
 */
export interface UrlMigration {
  /** The version this migration produces. */
  version: number;
  /** When this version became the one written (YYYY-MM-DD). */
  date: string;
  /** What changed, for docs/sharing.md and for anyone reading an old link. */
  description: string;
  /** Rewrites the parameters (without `v`) of a link of `version - 1`. Pure: returns a new object. */
  migrate(params: URLSearchParams): URLSearchParams;
}

/** The share-URL version that encodeScenario writes. */
export const CURRENT_URL_VERSION = 1;

/** v0 names → v1 keys: the preset, the policy, and each parameter's full id → its short key. */
function v0KeyMap(): Map<string, string> {
  const m = new Map<string, string>([
    ["preset", "p"],
    ["policy", "pol"],
  ]);
  for (const c of CHOICES) m.set(c.id, c.short);
  for (const p of PARAMS) m.set(p.id, p.short);
  return m;
}

/** Every URL migration, oldest first; each one's version is one more than the previous one's. */
export const URL_MIGRATIONS: readonly UrlMigration[] = [
  {
    version: 1,
    date: "2026-11-23",
    description:
      "Links carry v=1 and short keys from the parameter catalog (wcs, plm, pol …) instead of full ids " +
      "(waferCapacityScale, packagingLeadMonths, throttlePolicy …); `preset` becomes `p`. Links with no `v` " +
      "are read as v0 and their full ids renamed to short keys; keys that are already short pass through.",
    migrate(params) {
      const map = v0KeyMap();
      const out = new URLSearchParams();
      for (const [key, value] of params) out.append(map.get(key) ?? key, value);
      return out;
    },
  },
];

/** Applies, in order, every migration newer than `fromVersion`. */
export function migrateUrlParams(params: URLSearchParams, fromVersion: number): URLSearchParams {
  let out = new URLSearchParams(params);
  for (const m of URL_MIGRATIONS) if (m.version > fromVersion) out = m.migrate(out);
  return out;
}
