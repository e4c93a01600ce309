import { runCli } from "@matchplace/cli";

/** What one in-process `matchplace` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `matchplace <argv>` in this process with `cwd`, capturing both streams. */
export async function runMatchplace(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}
