import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMatchplace, type CliRun } from "../../../test/cli/runMatchplace.js";

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "matchplace-cli-"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const run = (...argv: string[]): Promise<CliRun> => runMatchplace(cwd, ...argv);

// An endpoint nothing listens on: every case below must fail before calling it.
const nowhere = ["--endpoint", "http://127.0.0.1:9"];
const newBuild = ["--name", "arena", "--version", "1.0.0", "--os", "AMAZON_LINUX_2023"];

describe("runCli exit codes", () => {
  it("prints the usage with exit 0 for --help", async () => {
    const { code, stdout } = await run("--help");

    expect(code).toBe(0);
    expect(stdout).toContain("usage: matchplace <command>");
  });

  it.each([
    { argv: ["deploy"], stderr: /unknown command: deploy/ },
    {
      argv: ["build", "upload", "dist", "--name", "a", "--version", "1", "--os", "WINDOWS_95"],
      stderr: /--os must be one of/,
    },
    { argv: ["build", "upload", "dist", "--version", "1", "--os", "AMAZON_LINUX_2023"], stderr: /--name is required/ },
    {
      argv: ["build", "upload", "dist", "--build", "build-1", "--name", "a"],
      stderr: /--name applies to new builds only/,
    },
    {
      argv: ["build", "upload", "dist", ...newBuild, "--part-size", "4"],
      stderr: /--part-size must be a whole number from 5/,
    },
    { argv: ["build", "credentials", "not-a-build"], stderr: /must be build-… or a build ARN/ },
    { argv: ["build", "credentials"], stderr: /takes one <build-id\|arn>/ },
    { argv: ["instance", "access", "--fleet", "fleet-1"], stderr: /exactly one of --instance <id> and --first/ },
    { argv: ["instance", "access", "--fleet", "fleet-1", "--first", "--instance", "i-1"], stderr: /exactly one of/ },
    { argv: ["instances"], stderr: /--fleet is required/ },
    { argv: ["builds", "--status", "DONE"], stderr: /--status must be one of/ },
    { argv: ["fleets", "--local", ...nowhere], stderr: /either --local or --endpoint/ },
  ])("exits 2 with a message for $argv", async ({ argv, stderr }) => {
    const result = await run(...argv, ...nowhere.slice(argv.includes("--local") ? 2 : 0));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe("");
  });

  it("exits 5 for a path that does not exist, before calling GameLift", async () => {
    const result = await run("build", "upload", "no-such-dir", ...newBuild, ...nowhere);

    expect(result.code).toBe(5);
    expect(result.stderr).toBe("matchplace: cannot read no-such-dir: no such file or directory\n");
  });

  it("exits 5 for --local without a local stage", async () => {
    const result = await run("fleets", "--local");

    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/no \.matchplace\/local\.json/);
  });
});
