import { chmod, copyFile, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareArchive } from "../src/archive.js";
import { RefusedError } from "../src/errors.js";
import { readZip } from "./readZip.js";

describe("prepareArchive", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "matchplace-archive-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("zips a directory with relative, slash-separated paths and file modes", async () => {
    await mkdir(join(dir, "game", "bin"), { recursive: true });
    await writeFile(join(dir, "game", "bin", "server"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
    await writeFile(join(dir, "game", "install.sh"), "echo install\n");

    const archive = await prepareArchive("game", dir);
    const entries = await readZip(archive.path);

    expect(archive.zipped).toBe(true);
    expect(archive.files).toBe(2);
    expect([...entries.keys()]).toEqual(["bin/server", "install.sh"]);
    expect(entries.get("bin/server")?.data.toString()).toBe("#!/bin/sh\necho hi\n");
    expect((entries.get("bin/server")?.mode ?? 0) & 0o777).toBe(0o755);
    await archive.dispose();
    await expect(stat(archive.path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("takes a zip file as it is", async () => {
    await mkdir(join(dir, "src"));
    await writeFile(join(dir, "src", "a.txt"), "a");
    const zipped = await prepareArchive("src", dir);
    await copyFile(zipped.path, join(dir, "build.zip"));
    await zipped.dispose();

    const archive = await prepareArchive("build.zip", dir);

    expect(archive).toMatchObject({ path: join(dir, "build.zip"), zipped: false });
  });

  it.each([
    { name: "a missing path", setup: async () => "missing", message: /cannot read missing: no such file or directory/ },
    {
      name: "a file that is not a zip",
      setup: async (d: string) => {
        await writeFile(join(d, "x.tar"), "tar");
        return "x.tar";
      },
      message: /not a zip/,
    },
    {
      name: "an empty directory",
      setup: async (d: string) => {
        await mkdir(join(d, "empty"));
        return "empty";
      },
      message: /has no files/,
    },
  ])("refuses $name", async ({ setup, message }) => {
    const input = await setup(dir);

    await expect(prepareArchive(input, dir)).rejects.toThrow(message);
    await expect(prepareArchive(input, dir)).rejects.toBeInstanceOf(RefusedError);
  });

  it("refuses an unreadable file", async () => {
    if (process.getuid?.() === 0) {
      // root reads everything; a directory where a file is expected is unreadable as a file
      await mkdir(join(dir, "bin.zip"));
      await expect(prepareArchive(join("bin.zip", "nested.zip"), dir)).rejects.toBeInstanceOf(RefusedError);
      return;
    }
    await writeFile(join(dir, "secret.zip"), "PK\u0003\u0004");
    await chmod(join(dir, "secret.zip"), 0o000);
    await expect(prepareArchive("secret.zip", dir)).rejects.toThrow(/cannot read/);
  });
});
