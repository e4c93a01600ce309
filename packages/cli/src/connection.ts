import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { GameLiftClient } from "@aws-sdk/client-gamelift";
import { S3Client } from "@aws-sdk/client-s3";
import { localConfigPath } from "./constants.js";
import { CliError, RefusedError, UsageError } from "./errors.js";
import type { CliIo, Connection, UploadCredentials } from "./types.js";

/** The connection flags of the command line. */
export interface ConnectionOptions {
  readonly local: boolean;
  readonly endpoint?: string;
  readonly s3Endpoint?: string;
  readonly region?: string;
}

/** The parts of `.matchplace/local.json` the CLI reads. */
export interface LocalStageConfig {
  readonly gamelift: string;
  readonly s3?: string;
  readonly region?: string;
}

/** Credentials for the local stage, which does not check GameLift request signatures. */
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * Finds `.matchplace/local.json` in `cwd` or the nearest parent directory that has one.
 * @returns the absolute path, or undefined when there is none.
 */
export function findLocalConfig(cwd: string): string | undefined {
  let dir = cwd;
  for (;;) {
    const candidate = join(dir, localConfigPath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and checks the local stage's description.
 * @throws RefusedError when the file is missing, unreadable or lacks a `gamelift` URL.
 */
export function readLocalConfig(cwd: string): LocalStageConfig {
  const path = findLocalConfig(cwd);
  if (path === undefined) {
    throw new RefusedError(
      `--local: no ${localConfigPath} in ${cwd} or its parents; start the local stage with \`npm start\``,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new RefusedError(`--local: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const record = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const { gamelift, s3, region } = record;
  if (typeof gamelift !== "string") throw new RefusedError(`--local: ${path} has no "gamelift" URL`);
  return {
    gamelift: checkUrl(gamelift, `"gamelift" in ${path}`),
    ...(typeof s3 === "string" ? { s3: checkUrl(s3, `"s3" in ${path}`) } : {}),
    ...(typeof region === "string" ? { region } : {}),
  };
}

function checkUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new UsageError(`${what} is not a URL: "${value}"`, { cause: err });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`${what} must be http(s): "${value}"`);
  return value;
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/**
 * Builds the clients for one command: AWS through the SDK's default credential and Region chains,
 * the local stage with `--local`, or any GameLift endpoint with `--endpoint`.
 */
export function resolveConnection(options: ConnectionOptions, io: CliIo): Connection {
  if (options.local && options.endpoint !== undefined)
    throw new UsageError("use either --local or --endpoint, not both");
  const local = options.local ? readLocalConfig(io.cwd) : undefined;
  const endpoint =
    local?.gamelift ?? (options.endpoint === undefined ? undefined : checkUrl(options.endpoint, "--endpoint"));
  const s3Endpoint = options.s3Endpoint === undefined ? local?.s3 : checkUrl(options.s3Endpoint, "--s3-endpoint");
  // An emulator needs some Region; AWS gets the SDK's own chain (env, profile) when none is given.
  const emulated = local !== undefined || (endpoint !== undefined && isLoopback(endpoint));
  const region =
    options.region ??
    local?.region ??
    (emulated ? (io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1") : undefined);
  // A loopback endpoint is an emulator: it needs some credentials but checks none.
  const useLocalCredentials = endpoint !== undefined && isLoopback(endpoint) && io.env.AWS_ACCESS_KEY_ID === undefined;
  const gamelift = new GameLiftClient({
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(region === undefined ? {} : { region }),
    ...(useLocalCredentials ? { credentials: localCredentials } : {}),
  });
  const s3Local = s3Endpoint !== undefined;
  if (local !== undefined && !s3Local) {
    io.stderr.write("warning: the local stage lists no S3 endpoint; uploads would go to AWS S3\n");
  }
  return {
    mode: local !== undefined ? "local" : endpoint !== undefined ? "endpoint" : "aws",
    gamelift,
    ...(s3Endpoint === undefined ? {} : { s3Endpoint }),
    s3For(credentials: UploadCredentials): S3Client {
      return new S3Client({
        region: region ?? gamelift.config.region,
        credentials: { ...credentials },
        ...(s3Local ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
        // Parts carry Content-MD5 instead: the flexible-checksum headers are not understood by every
        // S3 implementation (the local s3rver among them).
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
    },
  };
}

/** Wraps an unexpected failure of building the connection. */
export function connectionError(err: unknown): CliError {
  return err instanceof CliError
    ? err
    : new CliError(`cannot connect: ${(err as Error).message}`, undefined, { cause: err });
}
