"use client";
import { Component, lazy, Suspense, useState, type ReactNode } from "react";
import { useRun } from "@/lib/store/StoreProvider";

/** The panel's body and the figures it reads load only when the panel is first opened (fetched ahead on hover or focus). */
const loadTable = () => import("./HistoryTable");
const HistoryTable = lazy(loadTable);

/** Shows a message in place of the body when its code fails to load (a dropped connection), not a blank page. */
class LoadFailure extends Component<{ children: ReactNode }, { failed: string | null }> {
  state = { failed: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }
  render() {
    return this.state.failed ? <p className="notice" role="alert">Could not load the history figures: {this.state.failed}. Reload the page to try again.</p> : this.props.children;
  }
}

/** The current scenario against public 2024–2026 figures (data/history.json): each figure's band, the model's value, met or not. */
export function HistoryPanel() {
  const run = useRun();
  const [open, setOpen] = useState(false);
  return (
    <details className="history panel-box" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-history="">
      <summary onPointerEnter={() => void loadTable().catch(() => {})} onFocus={() => void loadTable().catch(() => {})}>
        History 2024–2026: this scenario against public figures
      </summary>
      {open ? (
        <LoadFailure>
          <Suspense fallback={<p className="muted">Loading the figures…</p>}>
            <HistoryTable run={run} />
          </Suspense>
        </LoadFailure>
      ) : null}
    </details>
  );
}
