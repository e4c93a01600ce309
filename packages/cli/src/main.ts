import { runCli } from "./cli.js";
import type { InterruptSource } from "./types.js";

// The process edge: the only place that touches process.* for the CLI.
// The project runs on Node 20; the SDK's notice that future releases will need Node 22 is not
// something a user of this command can act on, so it is kept out of the command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const controller = new AbortController();
let holds = 0;
// Ctrl-C ends the process at once, unless a command holds the interrupt source (an upload with a
// temporary zip and a multipart upload to abort): then the first one asks it to clean up and stop.
process.on("SIGINT", () => {
  if (holds === 0 || controller.signal.aborted) process.exit(130);
  process.stderr.write("\ninterrupted: cleaning up (Ctrl-C again to quit at once)\n");
  controller.abort();
});
const interrupt: InterruptSource = {
  signal: controller.signal,
  hold() {
    holds++;
    return () => {
      holds--;
    };
  },
};

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  interrupt,
});
