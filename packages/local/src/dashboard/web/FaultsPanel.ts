import { html } from "htm/preact";
import { useState } from "preact/hooks";
import type { FaultsView } from "../types.js";

const knobs = {
  sns: ["drop", "duplicate", "delay", "reorder", "maxDelayMs"],
  gamelift: ["throttle", "drop", "duplicate", "delay", "reorder", "maxDelayMs"],
} as const;
const titles = { sns: "SNS deliveries", gamelift: "GameLift emulator" } as const;

type Side = keyof typeof knobs;

/** Sends the knobs of one side to the stage (`PUT /api/faults/<side>`, forwarded to its `/local/faults`). */
async function apply(side: Side, form: HTMLFormElement): Promise<string> {
  const values: Record<string, number> = {};
  for (const knob of knobs[side]) values[knob] = Number((form.elements.namedItem(knob) as HTMLInputElement).value);
  const res = await fetch(`/api/faults/${side}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(values),
  });
  if (res.ok) return "applied";
  const body = (await res.json()) as { error?: { message?: string } };
  return `refused: ${body.error?.message ?? res.status}`;
}

function FaultForm(props: { side: Side; values: Readonly<Record<string, number>> }) {
  const [note, setNote] = useState("");
  const { side } = props;
  const onSubmit = (e: Event): void => {
    e.preventDefault();
    setNote("applying…");
    apply(side, e.currentTarget as HTMLFormElement).then(setNote, (err: unknown) => setNote(`failed: ${String(err)}`));
  };
  // Keyed by the values in force: a change made elsewhere (curl, another tab) shows up at once.
  return html`<form class="faults" onSubmit=${onSubmit} key=${JSON.stringify(props.values)} data-testid=${`faults-${side}`}>
    <fieldset>
      <legend>${titles[side]}</legend>
      ${knobs[side].map((knob) => {
        const ms = knob === "maxDelayMs";
        return html`<label>${knob}
          <input name=${knob} type="number" min="0" max=${ms ? 600000 : 1} step=${ms ? 100 : 0.05} defaultValue=${String(props.values[knob] ?? 0)} aria-label=${`${titles[side]} ${knob}`} />
        </label>`;
      })}
      <button type="submit">Apply ${titles[side]} faults</button>
      <output aria-live="polite">${note}</output>
    </fieldset>
  </form>`;
}

/** The fault knobs of both sides as controls that take effect at once. */
export function FaultsPanel(props: { faults: FaultsView }) {
  return html`
    <section class="panel" aria-labelledby="faults-h">
      <h2 id="faults-h">Fault knobs</h2>
      <p class="muted">Shares from 0 to 1; <code>maxDelayMs</code> in milliseconds. Applied on the running stage at once.</p>
      <${FaultForm} side="sns" values=${props.faults.sns} />
      <${FaultForm} side="gamelift" values=${props.faults.gamelift} />
    </section>
  `;
}
