import { relative } from "node:path";
import { parseArgs } from "node:util";
import { MissingJavaError, StageError } from "./errors.js";
import { parseFaults } from "./sns/faults.js";
import { parseEmulatorFaults } from "@matchplace/gamelift-local";
import { defaultPorts, localJsonPath, parsePingLatency, startLocalStage, type LocalStage } from "./stage.js";

const usage = `matchplace local stage

  npm start [-- options]

  --api-port N          API Gateway (HTTP API)      default ${defaultPorts.api}   env MATCHPLACE_API_PORT
  --websocket-port N    realtime WebSocket API      default ${defaultPorts.websocket}   env MATCHPLACE_WEBSOCKET_PORT
  --dashboard-port N    live dashboard (127.0.0.1)  default ${defaultPorts.dashboard}   env MATCHPLACE_DASHBOARD_PORT
  --gamelift-port N     GameLift emulator           default ${defaultPorts.gamelift}   env MATCHPLACE_GAMELIFT_PORT
  --dynamodb-port N     DynamoDB Local              default ${defaultPorts.dynamodb}   env MATCHPLACE_DYNAMODB_PORT
  --sns-port N          SNS                         default ${defaultPorts.sns}   env MATCHPLACE_SNS_PORT
  --s3-port N           S3 (build uploads)          default ${defaultPorts.s3}   env MATCHPLACE_S3_PORT
  --persist DIR         keep DynamoDB and GameLift state in DIR across restarts
  --sns-faults SPEC     e.g. drop=0.1,duplicate=0.2,delay=0.3,reorder=0.2,maxDelayMs=2000   (run time: PUT <sns>/local/faults)
  --gamelift-faults SPEC  e.g. throttle=0.1,drop=0.05                        (run time: PUT <gamelift>/local/faults)
  --reconcile-ms N      reconciliation schedule period (default 10000, 0 = off)
  --ping-latency SPEC   UDP ping beacon delay per location, e.g. us-east-1=20,eu-west-1=90,default=80 (ms)
  --match-seconds S     match length of the emulated game servers: 90, or a range 60-120 drawn per game session
                        (default: each fleet file's GameServers.MatchSeconds; infra/gamelift/fleets/local.json: 60-120)
  --leave-share F       share of players who leave a match early, 0..1 (default the fleet file's, 0)
  --scale-out-seconds S how long a new instance stays PENDING (default 5)
  --scaling-seconds S   how often scaling policies are evaluated (default 10; GameLift: 60)
  --verbose             handler and stage logs at INFO
  -h, --help
`;

function port(flag: string | undefined, env: string, fallback: number): number {
  const raw = flag ?? process.env[env];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new StageError(`bad port "${raw}" (${env} / --${env.slice(11).toLowerCase().replace("_", "-")})`);
  return n;
}

/** `90` or `60-120` (seconds) → a range. */
function parseMatchSeconds(raw: string): { min: number; max: number } {
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(raw.trim());
  const min = Number(m?.[1]);
  const max = m?.[2] === undefined ? min : Number(m[2]);
  if (!m || !(min >= 0) || !(max >= min))
    throw new StageError(`--match-seconds: "${raw}" is not N or MIN-MAX seconds (MIN ≤ MAX)`);
  return { min, max };
}

/** A non-negative number flag (seconds or a share), or `undefined` when absent. */
function numberFlag(flag: string, raw: string | undefined, max = Infinity): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < 0 || n > max)
    throw new StageError(`--${flag}: "${raw}" must be a number from 0${max === Infinity ? "" : ` to ${max}`}`);
  return n;
}

/** Parses a fault flag, naming the flag in the error. */
function faultFlag<T>(flag: string, spec: string, parse: (spec: string) => T): T {
  try {
    return parse(spec);
  } catch (err) {
    throw new StageError(`--${flag}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function main(): Promise<void> {
  // Node 20 runs the local stage; Lambda runs nodejs22.x. The SDK's notice about Node 20 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { values } = parseArgs({
    options: {
      "api-port": { type: "string" },
      "websocket-port": { type: "string" },
      "dashboard-port": { type: "string" },
      "gamelift-port": { type: "string" },
      "dynamodb-port": { type: "string" },
      "sns-port": { type: "string" },
      "s3-port": { type: "string" },
      persist: { type: "string" },
      "sns-faults": { type: "string" },
      "gamelift-faults": { type: "string" },
      "reconcile-ms": { type: "string" },
      "ping-latency": { type: "string" },
      "match-seconds": { type: "string" },
      "leave-share": { type: "string" },
      "scale-out-seconds": { type: "string" },
      "scaling-seconds": { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const matchSeconds = values["match-seconds"] === undefined ? undefined : parseMatchSeconds(values["match-seconds"]);
  const leaveShare = numberFlag("leave-share", values["leave-share"], 1);
  const scaleOutSeconds = numberFlag("scale-out-seconds", values["scale-out-seconds"]);
  const scalingSeconds = numberFlag("scaling-seconds", values["scaling-seconds"]);
  if (scalingSeconds === 0) throw new StageError(`--scaling-seconds: must be above 0`);
  const started = Date.now();
  let stage: LocalStage | undefined;
  let stopping = false;
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("\nstopping the local stage...\n");
    // A stop that hangs (a scheduled run stuck on a dependency, say) must not keep the stage alive:
    // after the grace period we exit anyway, and the exit hook stops DynamoDB Local's JVM.
    const forced = setTimeout(() => {
      process.stderr.write("the stage did not stop within 10 s; exiting anyway\n");
      process.exit(code || 1);
    }, 10_000);
    forced.unref();
    await stage?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));
  process.on("uncaughtException", (err) => {
    process.stderr.write(`local stage crashed: ${err.stack ?? String(err)}\n`);
    void shutdown(1);
  });

  stage = await startLocalStage({
    ports: {
      api: port(values["api-port"], "MATCHPLACE_API_PORT", defaultPorts.api),
      websocket: port(values["websocket-port"], "MATCHPLACE_WEBSOCKET_PORT", defaultPorts.websocket),
      dashboard: port(values["dashboard-port"], "MATCHPLACE_DASHBOARD_PORT", defaultPorts.dashboard),
      gamelift: port(values["gamelift-port"], "MATCHPLACE_GAMELIFT_PORT", defaultPorts.gamelift),
      dynamodb: port(values["dynamodb-port"], "MATCHPLACE_DYNAMODB_PORT", defaultPorts.dynamodb),
      sns: port(values["sns-port"], "MATCHPLACE_SNS_PORT", defaultPorts.sns),
      s3: port(values["s3-port"], "MATCHPLACE_S3_PORT", defaultPorts.s3),
    },
    persistDir: values.persist,
    snsFaults: values["sns-faults"] ? faultFlag("sns-faults", values["sns-faults"], parseFaults) : undefined,
    gameliftFaults: values["gamelift-faults"]
      ? faultFlag("gamelift-faults", values["gamelift-faults"], parseEmulatorFaults)
      : undefined,
    reconcileIntervalMs: values["reconcile-ms"] === undefined ? undefined : Number(values["reconcile-ms"]),
    pingLatencyMs: values["ping-latency"]
      ? faultFlag("ping-latency", values["ping-latency"], parsePingLatency)
      : undefined,
    gameServers:
      matchSeconds || leaveShare !== undefined
        ? { ...(matchSeconds ? { matchSeconds } : {}), ...(leaveShare !== undefined ? { leaveShare } : {}) }
        : undefined,
    scaleOutDelayMs: scaleOutSeconds === undefined ? undefined : Math.round(scaleOutSeconds * 1000),
    scalingIntervalMs: scalingSeconds === undefined ? undefined : Math.round(scalingSeconds * 1000),
    logLevel: values.verbose ? "INFO" : "WARN",
    writeLocalJson: true,
  });
  const e = stage.endpoints;
  process.stdout.write(
    [
      `matchplace local stage is up (${Date.now() - started} ms)`,
      ``,
      `  API (HTTP API + JWT)   ${e.api}        GET ${e.api}/v1/health`,
      `  dev tokens             POST ${e.api}/local/token  {"playerId":"alice"}`,
      `  game servers (SigV4)   ${e.api}/v1/server/...  access key ${e.serverCredentials.accessKeyId}, secret ${e.serverCredentials.secretAccessKey}, service execute-api, region ${e.region}`,
      `  realtime (WebSocket)   ${e.websocket}?token=<JWT>   push of tickets, placements, parties`,
      `  dashboard              ${e.dashboard}   open it in a browser: tickets, matches, capacity, events, fault knobs`,
      `  GameLift emulator      ${e.gamelift}        aws gamelift ... --endpoint-url ${e.gamelift}`,
      `  DynamoDB Local         ${e.dynamodb}        table ${e.tableName}`,
      `  SNS                    ${e.sns}        topic ${e.topics.events}`,
      `  match events (SNS)     ${e.topics.matchEvents}   aws sns subscribe --protocol http ...`,
      `  S3 (build uploads)     ${e.s3}        npx matchplace build upload <dir> --local`,
      `  fleet simulation       ${describeGameServers(stage)}`,
      `  seeded GameLift        configurations ${stage.seeded.configurations.join(", ")}; queues ${stage.seeded.queues.join(", ")}; fleets ${stage.seeded.fleetIds.join(", ")}`,
      ``,
      `  endpoints written to ${relative(process.cwd(), localJsonPath) || localJsonPath}; try \`npm run demo\` in another terminal. Ctrl-C stops everything.`,
      ``,
    ].join("\n"),
  );
}

/** The banner's line on the emulated fleets: match lengths, leavers, scaling. */
function describeGameServers(stage: LocalStage): string {
  const s = stage.emulator.context.settings ?? {};
  const fleets = Object.entries(s.gameServersByFleet ?? {}).map(
    ([name, b]) =>
      `${name}: matches ${b.matchSeconds.min === b.matchSeconds.max ? b.matchSeconds.min : `${b.matchSeconds.min}-${b.matchSeconds.max}`} s, ${Math.round((b.leaveShare ?? 0) * 100)}% leave early`,
  );
  return `${fleets.join("; ") || "sessions run until terminated"}; scale-out delay ${(s.instanceActivationMs ?? 0) / 1000} s, scaling every ${(s.scalingIntervalMs ?? 60_000) / 1000} s`;
}

main().catch((err: unknown) => {
  if (err instanceof MissingJavaError || err instanceof StageError) process.stderr.write(`${err.message}\n`);
  else
    process.stderr.write(
      `the local stage failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  process.exit(1);
});
