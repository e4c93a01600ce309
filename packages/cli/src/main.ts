import { runCli } from "./cli.js";

// The process edge: the only place that touches process.* for the CLI.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
