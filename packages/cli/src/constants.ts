/**
 * Process exit codes of `matchplace`. Documented in the package README; scripts may rely on them.
 */
export const ExitCode = {
  /** The command did what it was asked. */
  ok: 0,
  /** A service, network or unexpected failure. */
  failure: 1,
  /** Bad command line: unknown command or flag, missing or malformed value. */
  usage: 2,
  /** An unknown build, fleet or instance. */
  notFound: 3,
  /** The resource exists but is in the wrong state (build not INITIALIZED, fleet not ACTIVE...). */
  wrongState: 4,
  /** Input refused: unreadable path, unsupported bucket name, a file that would be overwritten. */
  refused: 5,
  /** Stopped by Ctrl-C (SIGINT) after cleaning up. */
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Where `--local` looks for the local stage's description, relative to the cwd and its parents. */
export const localConfigPath = ".matchplace/local.json";

/** Default multipart part size (bytes). S3 needs at least 5 MiB for every part but the last. */
export const defaultPartSize = 8 * 1024 * 1024;

/** S3's smallest part size (bytes) for all parts but the last. */
export const minPartSize = 5 * 1024 * 1024;

/** S3's largest part count for one multipart upload. */
export const maxPartCount = 10_000;

/** Parts uploaded at the same time. */
export const defaultConcurrency = 4;

/** Credential refreshes allowed for one part before the upload gives up. */
export const maxRefreshesPerPart = 3;

/** Fleet statuses in which GetInstanceAccess is allowed. */
export const instanceAccessStatuses: readonly string[] = ["ACTIVATING", "ACTIVE", "ERROR"];

/** GameLift's build operating systems (CreateBuild `OperatingSystem`). */
export const buildOperatingSystems: readonly string[] = [
  "WINDOWS_2012",
  "AMAZON_LINUX",
  "AMAZON_LINUX_2",
  "WINDOWS_2016",
  "AMAZON_LINUX_2023",
  "WINDOWS_2022",
];
