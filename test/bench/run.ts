/** Runs every benchmark in this folder: each module exports `run(): Promise<void>`. */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .sort();
for (const file of benches) {
  const mod: unknown = await import(pathToFileURL(`${here}${file}`).href);
  const run = typeof mod === "object" && mod !== null && "run" in mod ? mod.run : undefined;
  if (typeof run === "function") await run();
}
