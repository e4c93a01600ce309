/**
 * The dashboard page: one `EventSource` on `/events` receives the whole view whenever the stage
 * changes it (nothing is polled from here), and preact renders it.
 */
import { render } from "preact";
import { html } from "htm/preact";
import { App } from "./App.js";

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(html`<${App} />`, root);
}
