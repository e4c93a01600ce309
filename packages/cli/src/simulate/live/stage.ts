import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  DescribeMatchmakingConfigurationsCommand,
  DescribeMatchmakingRuleSetsCommand,
  GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { findLocalConfig } from "../../connection.js";
import { RefusedError } from "../../errors.js";
import type { RuleSetSource } from "../ruleSetSource.js";

/** What `simulate --live` needs of a running local stage (`.matchplace/local.json`). */
export interface LiveStage {
  /** The file it was read from. */
  readonly file: string;
  readonly api: string;
  /** The realtime WebSocket API; absent: the players poll. */
  readonly websocket?: string;
  readonly gamelift: string;
  readonly sns: string;
  readonly dynamodb: string;
  readonly tableName: string;
  readonly region: string;
  /** GameLift's matchmaking event topic (the configuration's NotificationTarget). */
  readonly eventsTopic: string;
  /** The GameLift configuration the REST API starts tickets on. */
  readonly configurationName: string;
}

/** The stage's configuration, as its GameLift emulator describes it. */
export interface StageConfiguration {
  readonly name: string;
  readonly ruleSetName: string;
  readonly requestTimeoutSeconds: number;
  readonly acceptanceRequired: boolean;
  readonly acceptanceTimeoutSeconds?: number;
  readonly additionalPlayerCount: number;
  readonly backfillMode: string;
}

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/** A GameLift client for the stage's emulator (5 s per attempt, the SDK's standard retries). */
export function stageGameLift(stage: LiveStage): GameLiftClient {
  return new GameLiftClient({
    endpoint: stage.gamelift,
    region: stage.region,
    credentials: localCredentials,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 5000 },
  });
}

/**
 * Reads the running stage's endpoints: `--stage <file>`, else `MATCHPLACE_LOCAL_JSON`, else
 * `.matchplace/local.json` in `cwd` or a parent. `--live` never starts a stage itself.
 * @throws RefusedError when there is no such file or it lacks what `--live` needs.
 */
export function readLiveStage(
  spec: string | undefined,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): LiveStage {
  const file = spec !== undefined ? resolve(cwd, spec) : (env["MATCHPLACE_LOCAL_JSON"] ?? findLocalConfig(cwd));
  if (file === undefined || !existsSync(file)) {
    throw new RefusedError(
      `--live: no running local stage (${file ?? ".matchplace/local.json"} not found); start one with \`npm start\`, or name its endpoints file with --stage`,
    );
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new RefusedError(`--live: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const text = (key: string): string => {
    const v = raw[key];
    if (typeof v !== "string" || v === "")
      throw new RefusedError(`--live: ${file} has no "${key}"; restart the stage with this version`);
    return v;
  };
  const topics = raw["topics"] as { events?: unknown } | undefined;
  const matchmaking = raw["matchmaking"] as { configurationName?: unknown } | undefined;
  if (typeof topics?.events !== "string")
    throw new RefusedError(`--live: ${file} has no "topics.events"; restart the stage with this version`);
  if (typeof matchmaking?.configurationName !== "string")
    throw new RefusedError(`--live: ${file} has no "matchmaking.configurationName"`);
  return {
    file,
    api: text("api").replace(/\/+$/, ""),
    ...(typeof raw["websocket"] === "string" && raw["websocket"] !== "" ? { websocket: raw["websocket"] } : {}),
    gamelift: text("gamelift"),
    sns: text("sns"),
    dynamodb: text("dynamodb"),
    tableName: text("tableName"),
    region: typeof raw["region"] === "string" ? raw["region"] : "us-east-1",
    eventsTopic: topics.events,
    configurationName: matchmaking.configurationName,
  };
}

/**
 * Checks that the stage is up and runs `source`: its configuration's rule set must be the very rule
 * set simulated (compared as JSON), because the REST API only starts tickets on the configurations
 * the stage was deployed with. `--live` refuses otherwise rather than change the stage.
 * @throws RefusedError naming both rule sets, or when the stage does not answer.
 */
export async function checkStage(
  stage: LiveStage,
  source: RuleSetSource,
  gl: GameLiftClient,
): Promise<StageConfiguration> {
  try {
    const health = await fetch(`${stage.api}/v1/health`, { signal: AbortSignal.timeout(5000) });
    if (health.status >= 500) throw new Error(`health answered ${health.status}`);
  } catch (err) {
    throw new RefusedError(
      `--live: the stage in ${stage.file} does not answer on ${stage.api} (${(err as Error).message}); start it with \`npm start\``,
      { cause: err },
    );
  }
  const configs = await gl.send(new DescribeMatchmakingConfigurationsCommand({ Names: [stage.configurationName] }));
  const c = configs.Configurations?.[0];
  if (!c?.RuleSetName)
    throw new RefusedError(`--live: the stage has no matchmaking configuration ${stage.configurationName}`);
  const sets = await gl.send(new DescribeMatchmakingRuleSetsCommand({ Names: [c.RuleSetName] }));
  const body = sets.RuleSets?.[0]?.RuleSetBody;
  const same = body !== undefined && isDeepStrictEqual(JSON.parse(body), JSON.parse(source.body));
  if (!same) {
    throw new RefusedError(
      `--live: the stage's configuration ${stage.configurationName} runs rule set ${c.RuleSetName}, not ${source.path}. ` +
        "The REST API starts tickets only on the configurations the stage was started with (infra/gamelift), so --live simulates that rule set: " +
        `pass --rule-set ${c.RuleSetName}, or change infra/gamelift and restart the stage, or simulate without --live`,
    );
  }
  return {
    name: c.Name ?? stage.configurationName,
    ruleSetName: c.RuleSetName,
    requestTimeoutSeconds: c.RequestTimeoutSeconds ?? 120,
    acceptanceRequired: c.AcceptanceRequired ?? false,
    ...(c.AcceptanceTimeoutSeconds !== undefined ? { acceptanceTimeoutSeconds: c.AcceptanceTimeoutSeconds } : {}),
    additionalPlayerCount: c.AdditionalPlayerCount ?? 0,
    backfillMode: c.BackfillMode ?? "MANUAL",
  };
}
