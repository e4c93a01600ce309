import { ExitCode, type ExitCodeValue } from "./constants.js";

/** Base of every error the CLI reports on purpose; carries the process exit code. */
export class CliError extends Error {
  public readonly exitCode: ExitCodeValue;

  public constructor(message: string, exitCode: ExitCodeValue = ExitCode.failure, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Bad command line (exit 2); the usage text of the command is printed with it. */
export class UsageError extends CliError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
    this.name = "UsageError";
  }
}

/** An unknown build, fleet or instance (exit 3). */
export class NotFoundError extends CliError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.notFound, options);
    this.name = "NotFoundError";
  }
}

/** A resource in the wrong state for the command (exit 4). */
export class WrongStateError extends CliError {
  public readonly status: string | undefined;

  public constructor(message: string, status?: string, options?: { cause?: unknown }) {
    super(message, ExitCode.wrongState, options);
    this.name = "WrongStateError";
    this.status = status;
  }
}

/** The command was stopped by Ctrl-C after cleaning up (exit 130). */
export class InterruptedError extends CliError {
  public constructor(message = "interrupted", options?: { cause?: unknown }) {
    super(message, ExitCode.interrupted, options);
    this.name = "InterruptedError";
  }
}

/** Input the CLI refuses: unreadable path, bucket name with a dot, a file it would overwrite (exit 5). */
export class RefusedError extends CliError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.refused, options);
    this.name = "RefusedError";
  }
}
