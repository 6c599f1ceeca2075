"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { PRESET_BY_ID } from "@/lib/scenario/presets";
import { useWorkspace, useWorkspaceStore } from "@/lib/store/StoreProvider";
import { queryOf } from "@/lib/store/urlSync";
import { linkTo } from "@/lib/scenario/url";
import { ScenarioExports } from "./ScenarioExports";

/** Whether a key event's target edits text, where the browser's own undo applies. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== "string") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea") return true;
  if (tag !== "input") return false;
  return !["range", "checkbox", "radio", "button", "submit", "reset", "color", "file", "image"].includes((el as HTMLInputElement).type);
}

/** Undo/redo, pin/unpin the baseline, copy the link and open the brief: the scenario's actions. */
export function ScenarioBar({ flush }: { flush: () => void }) {
  const store = useWorkspaceStore();
  const canUndo = useWorkspace((s) => s.history.past.length > 0);
  const canRedo = useWorkspace((s) => s.history.future.length > 0);
  const undo = useWorkspace((s) => s.undo);
  const redo = useWorkspace((s) => s.redo);
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const pin = useWorkspace((s) => s.pinBaseline);
  const unpin = useWorkspace((s) => s.unpinBaseline);
  const query = useMemo(() => queryOf({ scenario, baseline }), [scenario, baseline]);
  const [copied, setCopied] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const fallbackRef = useRef<HTMLInputElement>(null);

  // Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, except in text fields, whose own undo applies.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEntry(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === "z" && !e.shiftKey) {
        e.preventDefault();
        store.getState().undo();
      } else if ((k === "z" && e.shiftKey) || (k === "y" && !e.shiftKey)) {
        e.preventDefault();
        store.getState().redo();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store]);

  useEffect(() => {
    if (fallback) fallbackRef.current?.select();
  }, [fallback]);

  const copyLink = async () => {
    flush();
    const url = `${window.location.origin}${linkTo(window.location.pathname, queryOf(store.getState()))}`;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setCopied("Link copied to the clipboard.");
    } catch {
      // No clipboard access (permissions, an insecure context): show the link selected, ready for Ctrl+C.
      setFallback(url);
      setCopied("Press Ctrl+C (⌘C) to copy the selected link.");
    }
  };

  const baselineLabel = baseline ? PRESET_BY_ID.get(baseline.presetId)?.label ?? baseline.presetId : null;
  return (
    <div className="scenario-bar" role="toolbar" aria-label="Scenario actions">
      <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo the last scenario edit (Ctrl+Z)" title="Undo (Ctrl/⌘+Z)">
        ↶ Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} aria-label="Redo the scenario edit undone (Shift+Ctrl+Z)" title="Redo (Shift+Ctrl/⌘+Z, Ctrl+Y)">
        ↷ Redo
      </button>
      {baseline ? (
        <button type="button" onClick={unpin} aria-label="Unpin the baseline" data-pinned="">
          Unpin baseline
        </button>
      ) : (
        <button type="button" onClick={pin} aria-label="Pin the current scenario as the baseline for comparison">
          Pin as baseline
        </button>
      )}
      <button type="button" onClick={copyLink} aria-label="Copy a link to this scenario">
        Copy link
      </button>
      <a className="button-link" href={linkTo("/brief", query)} aria-label="Open the brief of this scenario, for print">
        Brief for print
      </a>
      <ScenarioExports flush={flush} />
      <span className="bar-status" role="status" aria-live="polite">
        {copied ?? (baselineLabel ? `Baseline pinned: ${baselineLabel}${Object.keys(baseline!.overrides).length ? " with edits" : ""}; dotted lines show it.` : "")}
      </span>
      {fallback ? <input ref={fallbackRef} className="link-fallback" readOnly value={fallback} aria-label="Link to this scenario" onFocus={(e) => e.currentTarget.select()} /> : null}
    </div>
  );
}
