import { createWriteStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { InterruptedError, RefusedError } from "./errors.js";

/** What {@link zipDirectory} wrote. */
export interface ZipSummary {
  readonly files: number;
  /** Bytes of the files before compression. */
  readonly inputBytes: number;
}

async function listFiles(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(root, path, out);
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) {
      // Follow links to files (their content goes into the zip); links to directories could loop.
      const target = await stat(path).catch(() => undefined);
      if (target?.isFile() === true) out.push(path);
    }
  }
}

/**
 * Zips the files under `dir` (paths relative to it, `/`-separated, modes and mtimes kept) into
 * `zipPath`, deflated unless `compress` is false. GameLift unpacks the archive into the build's
 * install directory.
 * @throws RefusedError when the directory is empty or a file cannot be read.
 */
export async function zipDirectory(
  dir: string,
  zipPath: string,
  options: { readonly compress?: boolean; readonly signal?: AbortSignal } = {},
): Promise<ZipSummary> {
  const files: string[] = [];
  try {
    await listFiles(dir, dir, files);
  } catch (err) {
    throw new RefusedError(`cannot read ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if (files.length === 0) throw new RefusedError(`${dir} has no files to upload`);
  files.sort();
  const zip = new yazl.ZipFile();
  let inputBytes = 0;
  for (const file of files) {
    const info = await stat(file);
    inputBytes += info.size;
    zip.addFile(file, relative(dir, file).split(sep).join("/"), {
      mode: info.mode,
      mtime: info.mtime,
      compress: options.compress ?? true,
    });
  }
  zip.end();
  try {
    await pipeline(
      zip.outputStream,
      createWriteStream(zipPath, { mode: 0o600 }),
      options.signal === undefined ? {} : { signal: options.signal },
    );
  } catch (err) {
    if (options.signal?.aborted === true) throw new InterruptedError("interrupted while zipping", { cause: err });
    throw new RefusedError(`cannot zip ${dir}: ${(err as Error).message}`, { cause: err });
  }
  return { files: files.length, inputBytes };
}
