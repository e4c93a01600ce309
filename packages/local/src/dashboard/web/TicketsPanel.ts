import { html } from "htm/preact";
import { useState } from "preact/hooks";
import type { DashboardView } from "../types.js";
import { age } from "./format.js";
import { TicketChart } from "./TicketChart.js";

/** Counts per status (now and over time) and the recent tickets, filterable by player id. */
export function TicketsPanel(props: { view: DashboardView; now: number }) {
  const [filter, setFilter] = useState("");
  const { view } = props;
  const latest = view.series.at(-1);
  const wanted = filter.trim().toLowerCase();
  const rows = view.tickets.filter((t) => wanted === "" || t.playerIds.some((p) => p.toLowerCase().includes(wanted)));
  return html`
    <section class="panel wide" aria-labelledby="tickets-h">
      <h2 id="tickets-h">Tickets</h2>
      <ul class="counts" data-testid="ticket-counts">
        ${view.statuses.map((s, i) => html`<li class=${`badge s-${s}`} data-status=${s}>${s} <b>${latest?.[i + 1] ?? 0}</b></li>`)}
      </ul>
      <${TicketChart} statuses=${view.statuses} series=${view.series} />
      <label class="filter">Filter by player id <input type="search" value=${filter} onInput=${(e: Event) => setFilter((e.currentTarget as HTMLInputElement).value)} /></label>
      <div class="scroll">
        <table data-testid="tickets">
          <caption class="sr">Recent tickets, newest first</caption>
          <thead><tr><th scope="col">player</th><th scope="col">status</th><th scope="col">age</th><th scope="col">reason</th><th scope="col">ticket</th></tr></thead>
          <tbody>
            ${rows.map(
              (t) => html`<tr data-testid="ticket-row" data-status=${t.status} key=${t.ticketId}>
                <td>${t.playerIds.join(", ")}</td>
                <td><span class=${`badge s-${t.status}`}>${t.status}</span></td>
                <td>${age(props.now - t.createdAt)}</td>
                <td>${t.reason ?? ""}</td>
                <td class="mono">${t.ticketId}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${rows.length === 0 ? html`<p class="muted">No tickets${wanted ? ` for "${filter}"` : " yet: run `npm run demo`"}.</p>` : null}
      </div>
    </section>
  `;
}
