import { html } from "htm/preact";
import type { MatchView } from "../types.js";
import { clock } from "./format.js";

/** Matches formed: teams, players, their matchmaking attributes, the game session they went to. */
export function MatchesPanel(props: { matches: readonly MatchView[] }) {
  return html`
    <section class="panel" aria-labelledby="matches-h">
      <h2 id="matches-h">Matches <span class="muted" data-testid="match-count">${props.matches.length}</span></h2>
      ${props.matches.length === 0 ? html`<p class="muted">No match formed yet.</p>` : null}
      <ol class="matches">
        ${props.matches.map((m) => {
          const teams = [...new Set(m.players.map((p) => p.team))];
          return html`<li class="match" data-testid="match" data-match-id=${m.matchId} key=${m.matchId}>
            <p><span class=${`badge s-${m.status}`}>${m.status}</span> <span class="mono">${m.matchId}</span> at ${clock(m.formedAt)}</p>
            <p class="muted">game session ${m.gameSession ?? "not placed yet"} · expansion ${m.expansion ?? "not known"}</p>
            <div class="teams">
              ${teams.map(
                (team) => html`<div class="team"><h3>${team || "(no team)"}</h3>
                  <ul>${m.players.filter((p) => p.team === team).map((p) => html`<li data-testid="match-player">${p.playerId} <span class="muted">${p.attributes}</span></li>`)}</ul>
                </div>`,
              )}
            </div>
          </li>`;
        })}
      </ol>
    </section>
  `;
}
