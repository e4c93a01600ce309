import type { GameLiftClient } from "@aws-sdk/client-gamelift";
import type { S3Client } from "@aws-sdk/client-s3";

/** Temporary credentials, as RequestUploadCredentials returns them (all three parts are used). */
export interface UploadCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Where a build's files go (GameLift's StorageLocation). */
export interface StorageLocation {
  readonly bucket: string;
  readonly key: string;
}

/** Ctrl-C, for commands that have something to clean up (a temporary zip, a multipart upload). */
export interface InterruptSource {
  /** Aborted by the first Ctrl-C while a command holds the source. */
  readonly signal: AbortSignal;
  /** Until the returned release is called, Ctrl-C aborts `signal` instead of ending the process. */
  hold(): () => void;
}

/** Output streams and terminal facts; injected so tests can capture them. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Directory that relative paths and `.matchplace/local.json` are resolved from. */
  readonly cwd: string;
  /** Environment (for `AWS_REGION` and friends); only read at the edge. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Ctrl-C; absent in tests that do not interrupt. */
  readonly interrupt?: InterruptSource;
}

/** How to reach GameLift and S3, resolved from `--local`, `--endpoint` or the defaults. */
export interface Connection {
  readonly gamelift: GameLiftClient;
  /** Builds an S3 client that signs with the given temporary credentials. */
  s3For(credentials: UploadCredentials): S3Client;
  /** `aws` (default chain), `local` (`.matchplace/local.json`) or `endpoint` (`--endpoint`). */
  readonly mode: "aws" | "local" | "endpoint";
  /** The S3 endpoint uploads go to, when not AWS's. */
  readonly s3Endpoint?: string;
}

/** What every command receives. */
export interface CommandContext {
  readonly io: CliIo;
  /** Created lazily: usage errors are reported before any client is built. */
  connect(): Promise<Connection>;
  /** `--json`: machine output on stdout, no progress bar. */
  readonly json: boolean;
}
