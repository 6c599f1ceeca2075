import { GPUS, PARAMS, PATHS, CHOICES, type Provenance } from "../model";

const cell = (s: string | number) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
const prov = (p: Provenance) => (p.kind === "source" ? `${p.source} (${p.date}; confidence ${p.confidence})` : `**assumption**: ${p.reasoning}`);

/** The parameter catalog as Markdown (docs/parameters.md), derived so the docs cannot drift. */
export function renderParameterDocs(): string {
  const out: string[] = [
    "# Parameters",
    "",
    "Generated from `data/parameters.json`, `data/paths.json` and `data/gpus.json` by `npx tsx scripts/gen-param-docs.ts`; do not edit by hand.",
    "Every default carries its provenance: a source with date and confidence (H primary, M analyst or model estimate, L single report), or an assumption with its reasoning.",
    "",
  ];
  for (const group of ["supply", "demand", "serving", "prices", "horizon"]) {
    out.push(`## ${group[0].toUpperCase()}${group.slice(1)}`, "", "| id (URL key) | parameter | default | unit | min–max | low–high | provenance |", "|---|---|---|---|---|---|---|");
    for (const p of PARAMS.filter((x) => x.group === group)) {
      out.push(`| \`${p.id}\` (\`${p.short}\`) | ${cell(p.label)} | ${p.default} | ${cell(p.unit)} | ${p.min}–${p.max} | ${p.low}–${p.high} | ${cell(prov(p.provenance))} |`);
    }
    out.push("");
  }
  out.push("## Choices", "");
  for (const c of CHOICES) out.push(`- \`${c.id}\` (\`${c.short}\`), default \`${c.default}\`: ${c.options.map((o) => `\`${o.id}\` — ${o.label}`).join("; ")}. ${prov(c.provenance)}`);
  out.push("", "## Planned paths", "", "| id | path | unit | anchors | scaled by | provenance |", "|---|---|---|---|---|---|");
  for (const [id, s] of Object.entries(PATHS)) {
    out.push(`| \`${id}\` | ${cell(s.label)} | ${cell(s.unit)} | ${s.anchors.map(([m, v]) => `${m}: ${v}`).join(", ")}${s.step ? " (steps)" : ""} | ${s.scale ? `\`${s.scale}\`` : "—"} | ${cell(prov(s.provenance))} |`);
  }
  out.push("", "## Accelerator generations", "", "| id | label | family | launch | node | H100e | HBM GB | all-in kW | units / logic wafer | packages / CoWoS wafer | list USD | provenance |", "|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const g of GPUS) {
    out.push(`| \`${g.id}\` | ${cell(g.label)} | ${g.family} | ${g.launch} | ${g.node} | ${g.h100e} | ${g.hbmGB} | ${g.allInKW} | ${g.logicUnitsPerWafer} | ${g.packagesPerCowosWafer} | ${g.listPriceUSD.toLocaleString("en-US")} | ${cell(prov(g.provenance))} |`);
  }
  return out.join("\n") + "\n";
}
