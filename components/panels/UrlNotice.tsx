"use client";
import { useRef, type KeyboardEvent } from "react";
import type { UrlIssue } from "@/lib/scenario/url";

/** The notice listing what a link held that was not used: each key, its value and why; Escape or the button dismisses it. */
export function UrlNotice({ issues, onDismiss }: { issues: UrlIssue[]; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  if (!issues.length) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onDismiss();
    }
  };
  return (
    <div ref={ref} className="notice" role="status" aria-live="polite" aria-label="Parts of the link that were ignored" data-url-notice="" onKeyDown={onKeyDown}>
      <div className="notice-head">
        <b>
          This link held {issues.length === 1 ? "a value" : `${issues.length} values`} that could not be used; the preset&apos;s values are shown instead.
        </b>
        <button type="button" onClick={onDismiss} aria-label="Dismiss the notice about the link">
          Dismiss
        </button>
      </div>
      <ul>
        {issues.map((i, k) => (
          <li key={k} data-issue-key={i.key}>
            <code>{i.key || "(empty key)"}</code>
            {i.raw ? <> = <code>{i.raw}</code></> : null}: {i.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
