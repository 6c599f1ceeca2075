"use client";
import type { Run } from "@/lib/model";
import { useBaselineRun, useRun } from "@/lib/store/StoreProvider";
import { headlineCards, type HeadlineCard } from "./headlineCards";

/** One headline number; the value element carries `data-metric` with the model's metric id, the change vs a baseline `data-delta`. */
function Card({ card: { metric, label, value, note, wide, delta } }: { card: HeadlineCard }) {
  return (
    <div className={wide ? "card wide" : "card"}>
      <span className="card-label">{label}</span>
      <b className="card-value" data-metric={metric}>{value}</b>
      {delta ? <span className={`card-delta ${delta.direction}`} data-delta={metric}>{delta.text}</span> : null}
      {note ? <span className="card-note">{note}</span> : null}
    </div>
  );
}

/** The headline metric cards of a run, with the change against a pinned baseline's run when there is one (a pure view). */
export function MetricCardsView({ run, baseline }: { run: Run; baseline?: Run | null }) {
  const b = baseline ?? null;
  const cards = headlineCards(run, b);
  return (
    <section className="metrics" aria-label="Headline metrics">
      <h2>When each shortage clears{b ? <span className="muted"> · change vs the pinned baseline</span> : null}</h2>
      <div className="cards">
        {cards.filter((c) => c.group === "clears").map((c) => <Card key={c.metric} card={c} />)}
      </div>
      <h2>Prices, rationing, earnings</h2>
      <div className="cards">
        {cards.filter((c) => c.group === "economics").map((c) => <Card key={c.metric} card={c} />)}
      </div>
    </section>
  );
}

/** Headline metric cards of the current scenario, against the pinned baseline when there is one. */
export function MetricCards() {
  return <MetricCardsView run={useRun()} baseline={useBaselineRun()} />;
}
