import { html } from "htm/preact";
import type { ReportView } from "../types.js";
import { clock } from "./format.js";

/** `matchplace simulate` HTML reports found in `.matchplace/`. */
export function ReportsPanel(props: { reports: readonly ReportView[] }) {
  return html`
    <section class="panel" aria-labelledby="reports-h">
      <h2 id="reports-h">Simulation reports</h2>
      ${
        props.reports.length === 0
          ? html`<p class="muted">No <code>.matchplace/*.html</code> report yet (<code>matchplace simulate</code> writes them).</p>`
          : html`<ul class="list">
            ${props.reports.map((r) => html`<li key=${r.name}><a href=${`/reports/${encodeURIComponent(r.name)}`} target="_blank" rel="noopener">${r.name}</a> <span class="muted">${Math.ceil(r.bytes / 1024)} KB, ${clock(r.modifiedAt)}</span></li>`)}
          </ul>`
      }
    </section>
  `;
}
