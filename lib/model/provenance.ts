/**
 * The full provenance of catalog entries: data/parameters.json's kind, date and confidence joined with the words in
 * data/parameter-provenance.json. Not re-exported from lib/model/index.ts on purpose: the page imports this module
 * on demand (when a source is opened or an export made), so its text stays out of the first-load JS; Node code
 * (CLI, scripts, tests) imports it directly.
 */
import wordsJson from "../../data/parameter-provenance.json";
import type { ChoiceSpec, ParamSpec, Provenance } from "./catalog";

/** The words of one provenance: a source's citation or an assumption's reasoning. */
export type ProvenanceWords = { source: string } | { reasoning: string };

const WORDS: { parameters: Record<string, ProvenanceWords>; choices: Record<string, ProvenanceWords> } = wordsJson;

/** The words of a parameter's or choice's provenance, or undefined when data/parameter-provenance.json has none. */
export function provenanceWords(id: string): ProvenanceWords | undefined {
  return Object.hasOwn(WORDS.parameters, id) ? WORDS.parameters[id] : Object.hasOwn(WORDS.choices, id) ? WORDS.choices[id] : undefined;
}

/** Ids with words in data/parameter-provenance.json: parameters and choices. */
export function provenanceIds(): { parameters: string[]; choices: string[] } {
  return { parameters: Object.keys(WORDS.parameters), choices: Object.keys(WORDS.choices) };
}

/** A parameter's or choice's full provenance: its kind, date and confidence with its source or reasoning. */
export function provenanceOf(spec: Pick<ParamSpec, "id" | "provenance"> | Pick<ChoiceSpec, "id" | "provenance">): Provenance {
  const b = spec.provenance;
  const w = provenanceWords(spec.id);
  if (b.kind === "source") return { kind: "source", source: w && "source" in w ? w.source : "", date: b.date, confidence: b.confidence };
  return { kind: "assumption", reasoning: w && "reasoning" in w ? w.reasoning : "" };
}
