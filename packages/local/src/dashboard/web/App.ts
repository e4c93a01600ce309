import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import type { DashboardView } from "../types.js";
import { CapacityPanel } from "./CapacityPanel.js";
import { EventsPanel } from "./EventsPanel.js";
import { FaultsPanel } from "./FaultsPanel.js";
import { MatchesPanel } from "./MatchesPanel.js";
import { ReportsPanel } from "./ReportsPanel.js";
import { TicketsPanel } from "./TicketsPanel.js";

type Link = "connecting" | "live" | "reconnecting";

/** Subscribes to the stage's pushes and lays the panels out (a grid that stacks on a narrow window). */
export function App() {
  const [view, setView] = useState<DashboardView | undefined>(undefined);
  const [link, setLink] = useState<Link>("connecting");
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const source = new EventSource("/events");
    source.onopen = () => setLink("live");
    source.onerror = () => setLink("reconnecting"); // EventSource reconnects by itself
    source.onmessage = (e: MessageEvent<string>) => setView(JSON.parse(e.data) as DashboardView);
    return () => source.close();
  }, []);
  // Ages in the ticket table move on between pushes: a local clock, not a request.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  return html`
    <header class="top">
      <h1>matchplace <span class="muted">local stage</span></h1>
      <p class="link" role="status" data-testid="link" data-state=${link}>${link === "live" ? "● live" : link === "connecting" ? "connecting…" : "reconnecting…"}</p>
    </header>
    ${
      view === undefined
        ? html`<main><p class="loading">Waiting for the first update…</p></main>`
        : html`<main class="grid">
          <${TicketsPanel} view=${view} now=${now} />
          <${MatchesPanel} matches=${view.matches} />
          <${CapacityPanel} view=${view} />
          <${FaultsPanel} faults=${view.faults} />
          <${ReportsPanel} reports=${view.reports} />
          <${EventsPanel} view=${view} />
        </main>`
    }
  `;
}
