import { html } from "htm/preact";
import { useState } from "preact/hooks";
import type { DashboardView } from "../types.js";
import { clock } from "./format.js";

/** The event path: notifications, deliveries to the consumer, retries, dead letters (with a redrive), reconciliations. */
export function EventsPanel(props: { view: DashboardView }) {
  const { totals, log, deadLetters } = props.view;
  const [note, setNote] = useState("");
  const redrive = (): void => {
    setNote("redriving…");
    fetch("/api/dlq/redrive", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
      .then(async (res) =>
        setNote(
          res.ok
            ? `redriven: ${((await res.json()) as { redriven?: number }).redriven ?? 0}`
            : `refused (${res.status})`,
        ),
      )
      .catch((err: unknown) => setNote(`failed: ${String(err)}`));
  };
  return html`
    <section class="panel wide" aria-labelledby="events-h">
      <h2 id="events-h">Event stream</h2>
      <ul class="counts" data-testid="event-totals">
        <li class="badge">notifications <b>${totals.notification}</b></li>
        <li class="badge">delivered <b>${totals.delivered}</b></li>
        <li class="badge">retries <b>${totals.retrying}</b></li>
        <li class="badge">dead-lettered <b>${totals.deadLettered}</b></li>
        <li class="badge">reconciliations <b>${totals.reconcile}</b></li>
      </ul>
      <div class="dlq">
        <h3>Dead letters <span class="muted" data-testid="dead-letter-count">${deadLetters.length}</span></h3>
        <button type="button" onClick=${redrive} disabled=${deadLetters.length === 0}>Redrive dead letters</button>
        <output aria-live="polite">${note}</output>
        <ul class="list">${deadLetters.map((d) => html`<li key=${d.id}><span class="mono">${d.messageId}</span> ${d.error} <span class="muted">${d.failedAt}</span></li>`)}</ul>
      </div>
      <ol class="log" data-testid="event-log" aria-label="Recent events, newest first">
        ${log.slice(0, 80).map((l, i) => html`<li key=${`${l.at}-${i}`} class=${`k-${l.kind}`}><time>${clock(l.at)}</time> <span class="badge">${l.kind}</span> ${l.text}</li>`)}
      </ol>
    </section>
  `;
}
