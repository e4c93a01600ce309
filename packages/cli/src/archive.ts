import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { RefusedError } from "./errors.js";
import { zipDirectory } from "./zip.js";

/** The zip to upload; `dispose` removes it when the CLI made it. */
export interface Archive {
  readonly path: string;
  /** True when a directory was zipped into a temporary file. */
  readonly zipped: boolean;
  readonly files?: number;
  dispose(): Promise<void>;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

async function checkZip(path: string): Promise<void> {
  const handle = await open(path, "r").catch((err: NodeJS.ErrnoException) => {
    throw new RefusedError(`cannot read ${path}: ${err.code ?? err.message}`, { cause: err });
  });
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || zipMagic.some((byte, i) => head[i] !== byte)) {
      throw new RefusedError(`${path} is not a zip file; pass a directory or a .zip`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Resolves `input` (relative to `cwd`) to a zip: a zip file is used as it is, a directory is zipped
 * into a fresh temporary directory.
 * @throws RefusedError for a missing or unreadable path, a non-zip file or an empty directory.
 */
export async function prepareArchive(
  input: string,
  cwd: string,
  options: { readonly compress?: boolean; readonly signal?: AbortSignal } = {},
): Promise<Archive> {
  const path = resolve(cwd, input);
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new RefusedError(
      `cannot read ${input}: ${err.code === "ENOENT" ? "no such file or directory" : (err.code ?? err.message)}`,
      {
        cause: err,
      },
    );
  });
  if (info.isFile()) {
    await checkZip(path);
    return { path, zipped: false, dispose: async () => undefined };
  }
  if (!info.isDirectory()) throw new RefusedError(`${input} is neither a directory nor a zip file`);
  const dir = await mkdtemp(join(tmpdir(), "matchplace-build-"));
  const zipPath = join(dir, `${basename(path) || "build"}.zip`);
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const summary = await zipDirectory(path, zipPath, options);
    return { path: zipPath, zipped: true, files: summary.files, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
