"use client";
import type { KeyboardEvent } from "react";
import type { LinkNotice } from "@/lib/store/urlSync";

/** Longest stretch of a link's text the notice shows (the rest is cut with "…"; the full text is in the address bar). */
const SHOWN = 40;

/** A link's text as the notice shows it: shortened, always inside <code>, never as prose. */
function Quoted({ text }: { text: string }) {
  const shown = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
  return <code title={text.length > SHOWN ? text : undefined}>{shown}</code>;
}

/**
 * The notice listing what a link held that was not used: each key and value (as code) and why, what the
 * first edit will drop from the address bar, and, for a link from a newer version, that it is read best
 * effort. Escape or the button dismisses it.
 */
export function UrlNotice({ notice, onDismiss, editable = true }: { notice: LinkNotice | null; onDismiss: () => void; editable?: boolean }) {
  if (!notice || !notice.issues.length) return null;
  const { issues, newerVersion, dropOnEdit } = notice;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onDismiss();
    }
  };
  return (
    <div className="notice" role="status" aria-live="polite" aria-label="Parts of the link that were ignored" data-url-notice="" data-newer-version={newerVersion ? "" : undefined} onKeyDown={onKeyDown}>
      <div className="notice-head">
        <b>
          {newerVersion
            ? "This link comes from a newer version of Chokepoint: it is shown as this version reads it, best effort."
            : `This link held ${issues.length === 1 ? "a value" : `${issues.length} values`} that could not be used; the preset's values are shown instead.`}
        </b>
        <button type="button" onClick={onDismiss} aria-label="Dismiss the notice about the link">
          Dismiss
        </button>
      </div>
      <ul>
        {issues.map((i, k) => (
          <li key={k} data-issue-key={i.key}>
            <Quoted text={i.key || "(empty key)"} />
            {i.raw ? (
              <>
                {" "}= <Quoted text={i.raw} />
              </>
            ) : null}
            : {i.reason}
            {i.detail ? (
              <>
                {" "}(<Quoted text={i.detail} />)
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <p className="notice-drop" data-drop-on-edit="">
          The address bar keeps the link as it came until you edit; your first edit rewrites it and drops{" "}
          {dropOnEdit.map((k, n) => (
            <span key={k}>
              {n ? ", " : ""}
              <Quoted text={k} />
            </span>
          ))}
          .
        </p>
      ) : null}
    </div>
  );
}
