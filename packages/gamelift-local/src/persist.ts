import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Store } from "./store/Store.js";

const fileName = "gamelift.json";

/** Loads `DIR/gamelift.json` into the store when it exists; returns whether it did. */
export async function loadSnapshot(dir: string, store: Store): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(join(dir, fileName), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  store.load(JSON.parse(text) as Record<string, [string, unknown][]>);
  return true;
}

/** Writes the store to `DIR/gamelift.json` atomically (temp file, then rename). */
export async function saveSnapshot(dir: string, store: Store): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, fileName);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(store.snapshot()), "utf8");
  await rename(temp, target);
}
