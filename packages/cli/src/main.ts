import { runCli } from "./cli.js";

// The process edge: the only place that touches process.* for the CLI.
// The project runs on Node 20; the SDK's notice that future releases will need Node 22 is not
// something a user of this command can act on, so it is kept out of the command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
