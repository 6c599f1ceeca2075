"use client";
import { useEffect, useState } from "react";

/** lib/model/provenance.ts: the words of every parameter's provenance. */
type ProvenanceModule = typeof import("@/lib/model/provenance");

let loaded: ProvenanceModule | null = null;
let loading: Promise<ProvenanceModule> | null = null;

/**
 * Starts loading the provenance words (once; later calls return the same promise). Called when a parameter's
 * source button is pointed at or focused, so that the words are usually in by the time it is pressed.
 */
export function loadProvenance(): Promise<ProvenanceModule> {
  loading ??= import("@/lib/model/provenance").then((m) => (loaded = m));
  return loading;
}

/** The provenance module once loaded (null until then); loads it on first use. */
export function useProvenanceModule(): ProvenanceModule | null {
  const [mod, setMod] = useState<ProvenanceModule | null>(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void loadProvenance().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
