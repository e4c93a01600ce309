import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { statusColours } from "./format.js";

/** Tickets per status over time (uPlot), redrawn with each push. */
export function TicketChart(props: { statuses: readonly string[]; series: readonly (readonly number[])[] }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = (): uPlot.AlignedData => [
    props.series.map((p) => p[0] ?? 0),
    ...props.statuses.map((_, i) => props.series.map((p) => p[i + 1] ?? 0)),
  ];

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: 200,
      series: [{}, ...props.statuses.map((label) => ({ label, stroke: statusColours[label] ?? "#111", width: 2 }))],
      axes: [{}, { label: "tickets" }],
      legend: { live: false },
    };
    plot.current = new uPlot(opts, data(), el);
    const resize = new ResizeObserver(() =>
      plot.current?.setSize({ width: Math.max(240, el.clientWidth), height: 200 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [props.statuses.join()]);

  useEffect(() => plot.current?.setData(data()), [props.series]);

  return html`<div class="chart" ref=${box} role="img" aria-label="Tickets by status over time"></div>`;
}
