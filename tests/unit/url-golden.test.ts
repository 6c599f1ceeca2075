import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/model";
import "@/lib/model/formulaEager";
import { resolveScenario } from "@/lib/scenario/presets";
import { decodeScenario, encodeScenario } from "@/lib/scenario/url";
import { flattenMetrics, metricMatches, type FlatMetricValue } from "@/lib/scenario/goldenMetrics";
import golden from "../golden-urls.json";

/**
 * Old links keep opening to the same numbers. A failure here means a change moved what a shared link shows:
 * either add a URL migration that keeps the old meaning, or, when the model changed on purpose, re-record with
 * `npx tsx scripts/record-golden-urls.ts` and say why in the commit (docs/sharing.md).
 */
interface GoldenLink {
  name: string;
  url: string;
  version: number;
  canonical: string;
  issueKeys: string[];
  metrics: Record<string, FlatMetricValue>;
  baselineMetrics?: Record<string, FlatMetricValue>;
}

const links = golden.links as GoldenLink[];

function expectMetrics(recorded: Record<string, FlatMetricValue>, actual: Record<string, FlatMetricValue>): void {
  const moved = Object.entries(recorded)
    .filter(([k, v]) => !(k in actual) || !metricMatches(v, actual[k]))
    .map(([k, v]) => `${k}: recorded ${JSON.stringify(v)}, now ${JSON.stringify(actual[k])}`);
  expect(moved).toEqual([]);
}

describe("golden share links", () => {
  it("cover every URL version and hold enough links to mean something", () => {
    expect(new Set(links.map((l) => l.version))).toEqual(new Set([0, 1]));
    expect(links.length).toBeGreaterThanOrEqual(8);
  });

  for (const link of links) {
    it(`${link.name} opens to its recorded metrics`, () => {
      const d = decodeScenario(link.url);
      expect(d.version).toBe(link.version);
      expect(d.issues.map((i) => i.key)).toEqual(link.issueKeys);
      expect(encodeScenario(d.state, { baseline: d.baseline })).toBe(link.canonical);
      expectMetrics(link.metrics, flattenMetrics(simulate(resolveScenario(d.state)).metrics));
      if (link.baselineMetrics) {
        expect(d.baseline).toBeDefined();
        expectMetrics(link.baselineMetrics, flattenMetrics(simulate(resolveScenario(d.baseline!)).metrics));
      }
    });
  }
});
