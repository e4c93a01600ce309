import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { RefusedError } from "./errors.js";

/** Options of {@link writePrivateKey}. */
export interface WritePrivateKeyOptions {
  /** Replace an existing regular file (atomically, by a new 0400 file); never follows a symlink. */
  readonly force?: boolean;
}

/** Mode of every key file: owner read-only. It is never widened, not even by `force`. */
export const privateKeyMode = 0o400;

const createFlags = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY;

async function writeNewFile(path: string, secret: string): Promise<void> {
  // O_EXCL: never reuse (or follow a symlink to) an existing file; the mode applies from creation,
  // so the key is never readable by anyone else, not even for a moment.
  const handle = await open(path, createFlags, privateKeyMode);
  let wide = false;
  try {
    // Belt and braces for file systems that ignore the mode: never put the key in a wider file.
    wide = ((await handle.stat()).mode & 0o077) !== 0;
    if (!wide) {
      await handle.writeFile(secret.endsWith("\n") ? secret : `${secret}\n`, "utf8");
      await handle.sync();
    }
  } finally {
    await handle.close();
  }
  if (wide) {
    await unlink(path).catch(() => undefined);
    throw new RefusedError(`${path} was not created owner-only; not writing the key`);
  }
}

/**
 * Writes a private key to `path` with mode 0400 from the first byte. An existing file is kept
 * unless `force` is given; then a new 0400 file replaces it by rename, so the old file's mode is
 * never changed and the key is never in a wider file. The key is never printed or logged.
 * @throws RefusedError when the file exists (without `force`), is not a regular file, or cannot be written.
 * @example await writePrivateKey("fleet-1-i-1.pem", secret, { force: false });
 */
export async function writePrivateKey(
  path: string,
  secret: string,
  options: WritePrivateKeyOptions = {},
): Promise<{ replaced: boolean }> {
  const existing = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new RefusedError(`cannot check ${path}: ${err.code ?? err.message}`, { cause: err });
  });
  if (existing !== undefined) {
    if (options.force !== true) {
      throw new RefusedError(
        `${path} already exists; not overwriting it (pass --force to replace it, or --out <new path>)`,
      );
    }
    if (!existing.isFile()) throw new RefusedError(`${path} exists and is not a regular file; not replacing it`);
  }
  const target =
    existing === undefined ? path : join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeNewFile(target, secret);
  } catch (err) {
    if (err instanceof RefusedError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new RefusedError(
        `${path} already exists; not overwriting it (pass --force to replace it, or --out <new path>)`,
        { cause: err },
      );
    }
    throw new RefusedError(`cannot write ${path}: ${code ?? (err as Error).message}`, { cause: err });
  }
  if (existing === undefined) return { replaced: false };
  try {
    await rename(target, path);
  } catch (err) {
    await unlink(target).catch(() => undefined);
    throw new RefusedError(`cannot replace ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      cause: err,
    });
  }
  return { replaced: true };
}
