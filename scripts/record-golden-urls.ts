/**
 * Records tests/golden-urls.json: share links of every URL version, each with the metric values it opens to
 * (decode → resolveScenario → simulate). Run once when the model changes on purpose, and say why in the commit:
 *   npx tsx scripts/record-golden-urls.ts
 * tests/unit/url-golden.test.ts then holds every later change to those values.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simulate } from "../lib/model";
import "../lib/model/formulaEager";
import { PRESETS, resolveScenario } from "../lib/scenario/presets";
import { decodeScenario, encodeScenario } from "../lib/scenario/url";
import { flattenMetrics, metricMatches, type FlatMetricValue } from "../lib/scenario/goldenMetrics";
import pkg from "../package.json";

/** The links, as an analyst would have written them. Add new ones at the end; never edit or remove one. */
const LINKS: { name: string; url: string; note: string }[] = [
  { name: "v1 baseline", url: "v=1&p=baseline", note: "The default scenario, nothing changed." },
  { name: "v1 chronic with edits", url: "v=1&p=chronic&wcs=1.2&plm=18&agy=30", note: "Three parameters changed from a preset." },
  { name: "v1 tokens-rationed, degrade policy", url: "v=1&p=tokens-rationed&utl=0.7&pol=degrade", note: "A policy change." },
  { name: "v1 cpu-famine, proportional policy", url: "v=1&p=cpu-famine&svp=6&pol=proportional", note: "Another preset and policy." },
  { name: "v1 supply-relief with a pinned baseline", url: "v=1&p=supply-relief&dcs=0.9&b.p=chronic&b.wcs=0.9", note: "The baseline pin opens too." },
  {
    name: "v1 edge-offload with a formula",
    url: `v=1&p=edge-offload&${new URLSearchParams({ "f.agentHours": "min(base * 1.5, 2 * agentSaturationM)" })}`,
    note: "A driver replaced by a formula.",
  },
  { name: "v1 out-of-range value falls back", url: "v=1&p=baseline&wcs=9&pcs=1.1", note: "wcs=9 is out of range: ignored with an issue, pcs applies." },
  { name: "v0 full ids", url: "preset=baseline&waferCapacityScale=1.2&throttlePolicy=degrade", note: "Legacy form: no v, full parameter ids." },
  { name: "v0 full ids on a preset", url: "?preset=chronic&packagingLeadMonths=9&agentGrowthPerYear=30&hbmWaferShareCap2028=0.4", note: "Legacy form with a leading ?." },
];

/** One recorded link. */
interface GoldenLink {
  name: string;
  url: string;
  note: string;
  /** The version the link is written in. */
  version: number;
  /** The link as today's encoder writes the scenario it opens to. */
  canonical: string;
  /** Keys of the entries reported as ignored. */
  issueKeys: string[];
  metrics: Record<string, FlatMetricValue>;
  baselineMetrics?: Record<string, FlatMetricValue>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.join(root, "tests", "golden-urls.json");

const links = [...LINKS];
// Every preset opens from at least one link.
for (const p of PRESETS) if (!links.some((l) => decodeScenario(l.url).state.presetId === p.id)) links.push({ name: `v1 ${p.id}`, url: `v=1&p=${p.id}`, note: "Preset as is." });

const recorded: GoldenLink[] = links.map((l) => {
  const d = decodeScenario(l.url);
  const entry: GoldenLink = {
    ...l,
    version: d.version,
    canonical: encodeScenario(d.state, { baseline: d.baseline }),
    issueKeys: d.issues.map((i) => i.key),
    metrics: flattenMetrics(simulate(resolveScenario(d.state)).metrics),
  };
  if (d.baseline) entry.baselineMetrics = flattenMetrics(simulate(resolveScenario(d.baseline)).metrics);
  return entry;
});

// Say what moved since the last recording, so that a re-record is a reviewed event.
let changed = 0;
if (fs.existsSync(file)) {
  const before = JSON.parse(fs.readFileSync(file, "utf8")) as { links: GoldenLink[] };
  for (const now of recorded) {
    const old = before.links.find((b) => b.url === now.url);
    if (!old) continue;
    for (const [k, v] of Object.entries(now.metrics)) {
      if (k in old.metrics && !metricMatches(old.metrics[k], v)) {
        changed++;
        if (changed <= 20) console.log(`  ${now.name}: ${k} ${JSON.stringify(old.metrics[k])} → ${JSON.stringify(v)}`);
      }
    }
  }
}

const out = { schema: "chokepoint.golden-urls/1", modelVersion: pkg.version, links: recorded };
fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`Recorded ${recorded.length} links to ${path.relative(root, file)}; ${changed} metric value(s) changed since the last recording.`);
