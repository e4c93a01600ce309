import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/** Names of the commands, as typed (`build upload`, `fleets`, ...). */
export type CommandName =
  | "build upload"
  | "build credentials"
  | "builds"
  | "fleets"
  | "instances"
  | "instance access"
  | "simulate"
  | "help";

/** Parsed option values; flags are booleans, the others strings. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** A parsed command line. */
export interface ParsedCommandLine {
  readonly command: CommandName;
  /** Positionals after the command words. */
  readonly positionals: readonly string[];
  readonly values: OptionValues;
}

interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly help: string;
}

/** Options every command accepts. */
const globalOptions: Readonly<Record<string, OptionSpec>> = {
  local: { type: "boolean", help: "use the local stage described by .matchplace/local.json" },
  endpoint: { type: "string", help: "GameLift endpoint URL (e.g. http://127.0.0.1:9080)" },
  "s3-endpoint": { type: "string", help: "S3 endpoint URL for uploads (default: from --local, else AWS)" },
  region: { type: "string", help: "AWS Region (default: the SDK's chain, or the local stage's)" },
  json: { type: "boolean", help: "machine-readable JSON on stdout" },
  help: { type: "boolean", short: "h", help: "show help" },
};

interface CommandSpec {
  readonly args: string;
  readonly summary: string;
  /** The command's own options; one named like a global option replaces it for this command. */
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** Every command, its positional arguments and its own options. */
const commands: Readonly<Record<Exclude<CommandName, "help">, CommandSpec>> = {
  "build upload": {
    args: "<dir|zip>",
    summary: "zip a directory (or take a zip), create a build, upload it, wait for READY",
    options: {
      name: { type: "string", help: "build name (new builds)" },
      version: { type: "string", help: "build version (new builds)" },
      os: { type: "string", help: "operating system, e.g. AMAZON_LINUX_2023 (new builds)" },
      build: { type: "string", help: "upload into this existing INITIALIZED build instead of creating one" },
      "part-size": { type: "string", help: "multipart part size in MiB (default 8, at least 5)" },
      concurrency: { type: "string", help: "parts in flight at once (default 4)" },
      "no-compress": { type: "boolean", help: "store files in the zip uncompressed (for already-compressed content)" },
      "no-wait": { type: "boolean", help: "return after the upload without waiting for READY" },
      "wait-timeout": { type: "string", help: "seconds to wait for READY (default 600)" },
    },
  },
  "build credentials": {
    args: "<build-id|arn>",
    summary: "request fresh upload credentials, printed as shell exports",
    options: {},
  },
  builds: { args: "", summary: "list builds", options: { status: { type: "string", help: "only this status" } } },
  fleets: { args: "", summary: "list fleets", options: {} },
  instances: {
    args: "",
    summary: "list a fleet's instances",
    options: { fleet: { type: "string", help: "fleet id or ARN" } },
  },
  "instance access": {
    args: "",
    summary: "get remote access to an instance (SSH key or RDP password)",
    options: {
      fleet: { type: "string", help: "fleet id or ARN" },
      instance: { type: "string", help: "instance id" },
      first: { type: "boolean", help: "use the fleet's first instance (ACTIVE preferred)" },
      out: { type: "string", help: "where to write the Linux private key (default <fleet>-<instance>.pem)" },
      force: { type: "boolean", help: "replace an existing key file (the new file is still mode 0400)" },
      "show-secret": { type: "boolean", help: "print the Windows password instead of masking it" },
    },
  },
  simulate: {
    args: "",
    summary: "simulate a player population against a rule set on virtual time; match-quality report",
    options: {
      "rule-set": { type: "string", help: "rule-set JSON file, or a rule set's name in infra/gamelift/rulesets" },
      population: { type: "string", help: "population JSON file, or auto (derived from the rule set; default)" },
      seed: { type: "string", help: "random seed (default 1): the same seed gives the same report" },
      players: { type: "string", help: "total players (overrides the population's)" },
      json: { type: "string", help: "write the JSON report to this file (- for stdout)" },
      html: { type: "string", help: "write the self-contained HTML report to this file" },
      compare: { type: "string", help: "a second rule set, run on the very same population" },
      live: {
        type: "boolean",
        help: "drive the population through the running local stage as real clients (REST + realtime)",
      },
      stage: { type: "string", help: "--live: the stage's endpoints file (default .matchplace/local.json)" },
      rate: { type: "string", help: "--live: at most this many requests to the stage per second (default 20)" },
      concurrency: { type: "string", help: "--live: at most this many requests in flight (default 8)" },
      "time-scale": {
        type: "string",
        help: "--live: simulated seconds per wall second (default: the arrival window in at most 60 s)",
      },
    },
  },
};

const commandWords: ReadonlyArray<readonly [CommandName, readonly string[]]> = [
  ["build upload", ["build", "upload"]],
  ["build credentials", ["build", "credentials"]],
  ["builds", ["builds"]],
  ["fleets", ["fleets"]],
  ["instances", ["instances"]],
  ["instance access", ["instance", "access"]],
  ["simulate", ["simulate"]],
  ["help", ["help"]],
];

type ParseArgsOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

/** Every option parseArgs should know: all commands' (first pass) or one command's over the globals. */
function allOptions(command?: Exclude<CommandName, "help">): ParseArgsOptions {
  const merged: ParseArgsOptions = {};
  // First pass: globals win (so `builds --json` stays a flag); a command's pass: its own options win.
  const specs =
    command === undefined
      ? [...Object.values(commands).map((c) => c.options), globalOptions]
      : [globalOptions, commands[command].options];
  for (const spec of specs) {
    for (const [name, option] of Object.entries(spec)) {
      merged[name] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
    }
  }
  return merged;
}

/**
 * Parses `argv` (without `node` and the script): finds the command words among the positionals and
 * checks that every option given belongs to that command or is global.
 * @throws UsageError on unknown commands or options and missing option values.
 * @example parseCommandLine(["--local", "build", "credentials", "build-1"]).command // "build credentials"
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const parse = (options: ParseArgsOptions) => {
    try {
      return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
    }
  };
  let parsed = parse(allOptions());
  const words = parsed.positionals;
  if (words.length === 0) return { command: "help", positionals: [], values: parsed.values };
  const match = commandWords.find(([, w]) => w.every((word, i) => words[i] === word));
  if (match === undefined) throw new UsageError(`unknown command: ${words.slice(0, 2).join(" ")}`);
  const [command, matched] = match;
  // A command that redefines a global option (simulate's `--json <file>`) is parsed again with its own table.
  if (command !== "help" && Object.keys(commands[command].options).some((name) => name in globalOptions))
    parsed = parse(allOptions(command));
  if (command !== "help") {
    const own = commands[command].options;
    for (const token of parsed.tokens) {
      if (token.kind !== "option") continue;
      if (!(token.name in own) && !(token.name in globalOptions)) {
        throw new UsageError(`option ${token.rawName} does not apply to "${command}"`);
      }
    }
  }
  return { command, positionals: parsed.positionals.slice(matched.length), values: parsed.values };
}

/** Renders the usage text: every command, or one command with its options. */
export function usage(command?: CommandName): string {
  const lines: string[] = [];
  const optionLines = (spec: Readonly<Record<string, OptionSpec>>): void => {
    for (const [name, option] of Object.entries(spec)) {
      const flag = `${option.short === undefined ? "" : `-${option.short}, `}--${name}${option.type === "string" ? " <value>" : ""}`;
      lines.push(`  ${flag.padEnd(34)} ${option.help}`);
    }
  };
  if (command !== undefined && command !== "help") {
    const spec = commands[command];
    lines.push(
      `usage: matchplace ${command}${spec.args === "" ? "" : ` ${spec.args}`} [options]`,
      "",
      spec.summary,
      "",
    );
    if (Object.keys(spec.options).length > 0) {
      lines.push("options:");
      optionLines(spec.options);
    }
  } else {
    lines.push("usage: matchplace <command> [options]", "", "commands:");
    for (const [name, spec] of Object.entries(commands)) {
      lines.push(`  ${`${name} ${spec.args}`.padEnd(34)} ${spec.summary}`);
    }
    lines.push("", "Run `matchplace <command> --help` for a command's options.");
  }
  lines.push("", "global options:");
  optionLines(globalOptions);
  lines.push("", "exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 wrong state, 5 refused input, 130 interrupted");
  return `${lines.join("\n")}\n`;
}

/** A string option's value, or undefined when absent. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (typeof value === "boolean") throw new UsageError(`--${name} needs a value`);
  return value;
}

/** A string option that must be present. */
export function requiredOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

/** A positive integer option within bounds, or the default when absent. */
export function integerOption(values: OptionValues, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A boolean flag (false when absent). */
export function flagOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}
