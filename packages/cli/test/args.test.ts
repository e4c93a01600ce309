import { describe, expect, it } from "vitest";
import { parseCommandLine, usage } from "../src/args.js";
import { UsageError } from "../src/errors.js";

describe("parseCommandLine", () => {
  it.each([
    { argv: [], command: "help", positionals: [] },
    { argv: ["help"], command: "help", positionals: [] },
    {
      argv: ["build", "upload", "dist", "--name", "arena", "--version", "1", "--os", "AMAZON_LINUX_2023"],
      command: "build upload",
      positionals: ["dist"],
    },
    { argv: ["--local", "build", "credentials", "build-1"], command: "build credentials", positionals: ["build-1"] },
    { argv: ["builds", "--status", "READY", "--json"], command: "builds", positionals: [] },
    { argv: ["fleets", "--endpoint", "http://127.0.0.1:9080"], command: "fleets", positionals: [] },
    { argv: ["instances", "--fleet", "fleet-1"], command: "instances", positionals: [] },
    {
      argv: ["instance", "access", "--fleet", "fleet-1", "--first", "--force"],
      command: "instance access",
      positionals: [],
    },
  ])("reads $argv as $command", ({ argv, command, positionals }) => {
    const parsed = parseCommandLine(argv);

    expect(parsed.command).toBe(command);
    expect(parsed.positionals).toEqual(positionals);
  });

  it("keeps option values", () => {
    const parsed = parseCommandLine(["instance", "access", "--fleet", "fleet-1", "--instance", "i-1", "--local", "-h"]);

    expect(parsed.values).toMatchObject({ fleet: "fleet-1", instance: "i-1", local: true, help: true });
  });

  it.each([
    { argv: ["deploy"], message: /unknown command: deploy/ },
    { argv: ["build", "delete"], message: /unknown command: build delete/ },
    { argv: ["fleets", "--bogus"], message: /Unknown option '--bogus'/ },
    { argv: ["fleets", "--fleet", "fleet-1"], message: /--fleet does not apply to "fleets"/ },
    { argv: ["builds", "--force"], message: /--force does not apply to "builds"/ },
    { argv: ["instances", "--fleet"], message: /argument missing/ },
  ])("rejects $argv", ({ argv, message }) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe("usage", () => {
  it("lists every command and the exit codes", () => {
    const text = usage();

    for (const command of ["build upload", "build credentials", "builds", "fleets", "instances", "instance access"]) {
      expect(text).toContain(command);
    }
    expect(text).toContain("0 ok, 1 failure, 2 usage, 3 not found, 4 wrong state, 5 refused input, 130 interrupted");
  });

  it("shows one command's own options", () => {
    expect(usage("instance access")).toMatch(/--show-secret[\s\S]*--local/);
  });
});
