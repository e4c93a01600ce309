import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { readZip } from "../../packages/cli/test/readZip.js";
import yazl from "yazl";

/** Writes a zip of in-memory files (for tests). */
export async function writeZip(path: string, files: Readonly<Record<string, string | Buffer>>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

/** Reads every file entry of a zip in memory (for tests). */
export async function readZipBuffer(buffer: Buffer): Promise<Map<string, Buffer>> {
  const entries = await readZip(buffer);
  return new Map([...entries].map(([name, e]) => [name, e.data]));
}
