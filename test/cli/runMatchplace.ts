import { runCli } from "@matchplace/cli";

/** What one in-process `matchplace` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `matchplace <argv>` in this process with `cwd`, capturing both streams. */
export function runMatchplace(cwd: string, ...argv: string[]): Promise<CliRun> {
  return runMatchplaceWatching(cwd, () => undefined, ...argv);
}

/** Like {@link runMatchplace}, and calls `onStderr` with everything printed to stderr so far after each write. */
export async function runMatchplaceWatching(
  cwd: string,
  onStderr: (stderr: string) => void,
  ...argv: string[]
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        onStderr(stderr);
        return true;
      },
    },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}
