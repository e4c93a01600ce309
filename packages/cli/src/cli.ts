import { flagOption, parseCommandLine, stringOption, usage, type CommandName, type OptionValues } from "./args.js";
import { buildCredentials } from "./commands/buildCredentials.js";
import { buildUpload } from "./commands/buildUpload.js";
import { instanceAccess } from "./commands/instanceAccess.js";
import { builds, fleets, instances } from "./commands/listings.js";
import { simulate } from "./commands/simulate.js";
import { connectionError, resolveConnection } from "./connection.js";
import { ExitCode, type ExitCodeValue } from "./constants.js";
import { CliError, UsageError } from "./errors.js";
import type { CliIo, CommandContext, Connection } from "./types.js";

type Handler = (ctx: CommandContext, positionals: readonly string[], values: OptionValues) => Promise<void>;

const handlers: Readonly<Record<Exclude<CommandName, "help">, Handler>> = {
  "build upload": buildUpload,
  "build credentials": buildCredentials,
  builds,
  fleets,
  instances,
  "instance access": instanceAccess,
  simulate,
};

function contextFor(values: OptionValues, io: CliIo): CommandContext {
  let connection: Connection | undefined;
  return {
    io,
    json: flagOption(values, "json"),
    async connect() {
      try {
        const endpoint = stringOption(values, "endpoint");
        const s3Endpoint = stringOption(values, "s3-endpoint");
        const region = stringOption(values, "region");
        connection ??= resolveConnection(
          {
            local: flagOption(values, "local"),
            ...(endpoint === undefined ? {} : { endpoint }),
            ...(s3Endpoint === undefined ? {} : { s3Endpoint }),
            ...(region === undefined ? {} : { region }),
          },
          io,
        );
        return connection;
      } catch (err) {
        throw connectionError(err);
      }
    },
  };
}

/**
 * Runs one `matchplace` command line and returns its exit code (see `ExitCode`). Never throws:
 * failures are printed to `io.stderr` as `matchplace: <message>`.
 * @example process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  let command: CommandName | undefined;
  try {
    const parsed = parseCommandLine(argv);
    command = parsed.command;
    if (parsed.command === "help" || flagOption(parsed.values, "help")) {
      io.stdout.write(usage(parsed.command === "help" ? undefined : parsed.command));
      return ExitCode.ok;
    }
    await handlers[parsed.command](contextFor(parsed.values, io), parsed.positionals, parsed.values);
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`matchplace: ${err.message}\n\n${usage(command)}`);
      return err.exitCode;
    }
    if (err instanceof CliError) {
      io.stderr.write(`matchplace: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr.write(`matchplace: unexpected failure: ${e.name}: ${e.message}\n`);
    if (io.env.MATCHPLACE_DEBUG !== undefined && e.stack !== undefined) io.stderr.write(`${e.stack}\n`);
    return ExitCode.failure;
  }
}
