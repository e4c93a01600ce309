import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { chmod, lstat, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RefusedError } from "../src/errors.js";
import { writePrivateKey } from "../src/pem.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 1024 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();

describe("writePrivateKey", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "matchplace-pem-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the key file with mode 0400 and content that parses as a private key", async () => {
    const path = join(dir, "key.pem");

    await writePrivateKey(path, pem);

    expect((await lstat(path)).mode & 0o777).toBe(0o400);
    expect(createPrivateKey(await readFile(path, "utf8")).asymmetricKeyType).toBe("rsa");
  });

  it("refuses to overwrite an existing file without force and leaves it untouched", async () => {
    const path = join(dir, "key.pem");
    await writeFile(path, "old", { mode: 0o600 });

    await expect(writePrivateKey(path, pem)).rejects.toBeInstanceOf(RefusedError);

    expect(await readFile(path, "utf8")).toBe("old");
    expect((await lstat(path)).mode & 0o777).toBe(0o600);
  });

  it("with force replaces an existing 0400 key by a new 0400 file and leaves no temporary file", async () => {
    const path = join(dir, "key.pem");
    await writePrivateKey(path, "old-key");

    const { replaced } = await writePrivateKey(path, pem, { force: true });

    expect(replaced).toBe(true);
    expect((await lstat(path)).mode & 0o777).toBe(0o400);
    expect(await readFile(path, "utf8")).toBe(pem);
    expect(await readdir(dir)).toEqual(["key.pem"]);
  });

  it("with force narrows a world-readable file to 0400 rather than writing into it", async () => {
    const path = join(dir, "key.pem");
    await writeFile(path, "old");
    await chmod(path, 0o644);

    await writePrivateKey(path, pem, { force: true });

    expect((await lstat(path)).mode & 0o777).toBe(0o400);
  });

  it("never writes through a symlink, even with force", async () => {
    const target = join(dir, "target.txt");
    await writeFile(target, "target", { mode: 0o644 });
    const link = join(dir, "key.pem");
    await symlink(target, link);

    await expect(writePrivateKey(link, pem)).rejects.toBeInstanceOf(RefusedError);
    await expect(writePrivateKey(link, pem, { force: true })).rejects.toThrow(/not a regular file/);

    expect(await readFile(target, "utf8")).toBe("target");
  });

  it("keeps the key out of the error message", async () => {
    const path = join(dir, "missing-dir", "key.pem");

    const err = await writePrivateKey(path, pem).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(RefusedError);
    expect((err as Error).message).not.toContain("PRIVATE KEY");
  });
});
