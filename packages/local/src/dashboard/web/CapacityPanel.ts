import { html } from "htm/preact";
import type { DashboardView } from "../types.js";

/** Fleet capacity and utilisation per location, game sessions and placements. */
export function CapacityPanel(props: { view: DashboardView }) {
  const { fleets, gameSessions, placements, capacityError } = props.view;
  return html`
    <section class="panel" aria-labelledby="capacity-h">
      <h2 id="capacity-h">Capacity and placements</h2>
      ${capacityError ? html`<p class="warn" role="status">Last read failed (${capacityError}); showing the previous figures.</p>` : null}
      <div class="scroll">
        <table data-testid="fleets">
          <caption class="sr">Fleet capacity per location</caption>
          <thead><tr><th scope="col">fleet / location</th><th scope="col">instances desired / active / idle / pending</th><th scope="col">game sessions</th><th scope="col">players</th></tr></thead>
          <tbody>
            ${fleets.map(
              (f) => html`<tr key=${f.fleetId + f.location}>
                <td><span class="mono">${f.fleetId}</span><br />${f.location}</td>
                <td>${f.desired} / ${f.active} / ${f.idle} / ${f.pending}</td>
                <td>${f.activeGameSessions}</td>
                <td><meter min="0" max=${Math.max(1, f.maxPlayers)} value=${f.currentPlayers} aria-label="player slots used"></meter> ${f.currentPlayers} / ${f.maxPlayers}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>Game sessions <span class="muted">${gameSessions.length}</span></h3>
      <ul class="list" data-testid="game-sessions">
        ${gameSessions.slice(0, 30).map((s) => html`<li key=${s.gameSessionId}><span class=${`badge g-${s.status}`}>${s.status}</span> ${s.address} · ${s.location} · ${s.players}/${s.maxPlayers} players</li>`)}
      </ul>
      <h3>Placements <span class="muted">${placements.length}</span></h3>
      <ul class="list">
        ${placements.slice(0, 30).map((p) => html`<li key=${p.placementId}><span class="badge">${p.status}</span> <span class="mono">${p.placementId}</span> ${p.queueName} ${p.gameSession ?? ""} ${p.reason ?? ""}</li>`)}
      </ul>
    </section>
  `;
}
