import { readdirSync, readFileSync } from "node:fs";
import type { EventTrust } from "@matchplace/core";
import { join } from "node:path";
import {
  CreateFleetCommand,
  CreateGameSessionQueueCommand,
  CreateMatchmakingConfigurationCommand,
  CreateMatchmakingRuleSetCommand,
  DescribeFleetAttributesCommand,
  DescribeGameSessionQueuesCommand,
  DescribeMatchmakingConfigurationsCommand,
  DescribeMatchmakingRuleSetsCommand,
  PutScalingPolicyCommand,
  UpdateFleetCapacityCommand,
  type CreateFleetCommandInput,
  type PutScalingPolicyCommandInput,
  type CreateMatchmakingConfigurationCommandInput,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { repoRoot } from "./handlers.js";

/** The seeded GameLift resources, named as `infra/gamelift/` names them. */
export interface SeededGameLift {
  readonly ruleSets: string[];
  readonly configurations: string[];
  readonly queues: string[];
  readonly fleetIds: string[];
}

/** The JSON files under `infra/gamelift/<kind>/`, parsed. One source of truth with the SST stack. */
export function readGameLiftFiles<T>(
  kind: "rulesets" | "configurations" | "queues" | "fleets",
  dir = join(repoRoot, "infra/gamelift"),
): { file: string; body: T; raw: string }[] {
  const folder = join(dir, kind);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(folder, f), "utf8");
      return { file: f, raw, body: JSON.parse(raw) as T };
    });
}

interface ConfigurationFile {
  Name: string;
  GameSessionQueues?: string[];
  [k: string]: unknown;
}
interface QueueFile {
  Name: string;
  [k: string]: unknown;
}
interface FleetFile {
  Name: string;
  DesiredInstances?: number;
  MinSize?: number;
  MaxSize?: number;
  /** PutScalingPolicy inputs (without FleetId). */
  ScalingPolicies?: Record<string, unknown>[];
  /** The emulated game servers (read by the stage, not GameLift). */
  GameServers?: unknown;
  Queues?: string[];
  Description?: string;
  [k: string]: unknown;
}

/**
 * Creates the rule sets, fleet, queues and matchmaking configurations from `infra/gamelift/` in the
 * emulator, through the unchanged GameLift SDK, pointing notifications at `topicArn`.
 * Idempotent: resources that already exist (a persisted stage) are left as they are.
 */
export async function seedGameLift(
  gl: GameLiftClient,
  options: { topicArn: string; region: string; accountId: string },
): Promise<SeededGameLift> {
  const { topicArn, region, accountId } = options;
  const ruleSets: string[] = [];
  for (const { file, raw } of readGameLiftFiles<unknown>("rulesets")) {
    const name = file.replace(/\.json$/, "");
    const existing = await gl.send(new DescribeMatchmakingRuleSetsCommand({ Names: [name] })).catch(() => undefined);
    if (!existing?.RuleSets?.length)
      await gl.send(new CreateMatchmakingRuleSetCommand({ Name: name, RuleSetBody: raw }));
    ruleSets.push(name);
  }

  const fleetIds: string[] = [];
  const fleetArnsByQueue = new Map<string, string[]>();
  const existingFleets = (await gl.send(new DescribeFleetAttributesCommand({}))).FleetAttributes ?? [];
  for (const { body } of readGameLiftFiles<FleetFile>("fleets")) {
    const { DesiredInstances, MinSize, MaxSize, ScalingPolicies, GameServers: _gameServers, Queues, ...input } = body;
    let fleet = existingFleets.find((f) => f.Name === body.Name);
    if (!fleet) {
      fleet = (await gl.send(new CreateFleetCommand(input as unknown as CreateFleetCommandInput))).FleetAttributes;
      if (fleet?.FleetId && (DesiredInstances !== undefined || MaxSize !== undefined)) {
        const desired = DesiredInstances ?? 1;
        await gl.send(
          new UpdateFleetCapacityCommand({
            FleetId: fleet.FleetId,
            DesiredInstances: desired,
            MinSize: MinSize ?? 0,
            MaxSize: MaxSize ?? Math.max(desired, 1),
          }),
        );
      }
      for (const policy of ScalingPolicies ?? []) {
        await gl.send(
          new PutScalingPolicyCommand({
            ...policy,
            FleetId: fleet?.FleetId,
          } as unknown as PutScalingPolicyCommandInput),
        );
      }
    }
    if (!fleet?.FleetId || !fleet.FleetArn) throw new Error(`fleet ${body.Name} was not created`);
    fleetIds.push(fleet.FleetId);
    for (const q of Queues ?? []) fleetArnsByQueue.set(q, [...(fleetArnsByQueue.get(q) ?? []), fleet.FleetArn]);
  }

  const queues: string[] = [];
  for (const { body } of readGameLiftFiles<QueueFile>("queues")) {
    const existing = await gl.send(new DescribeGameSessionQueuesCommand({ Names: [body.Name] })).catch(() => undefined);
    if (!existing?.GameSessionQueues?.length) {
      const Destinations = (fleetArnsByQueue.get(body.Name) ?? []).map((DestinationArn) => ({ DestinationArn }));
      await gl.send(new CreateGameSessionQueueCommand({ ...body, Destinations, NotificationTarget: topicArn }));
    }
    queues.push(body.Name);
  }

  const configurations: string[] = [];
  for (const { body } of readGameLiftFiles<ConfigurationFile>("configurations")) {
    const existing = await gl
      .send(new DescribeMatchmakingConfigurationsCommand({ Names: [body.Name] }))
      .catch(() => undefined);
    if (!existing?.Configurations?.length) {
      const { GameSessionQueues, ...rest } = body;
      const GameSessionQueueArns = (GameSessionQueues ?? []).map(
        (q) => `arn:aws:gamelift:${region}:${accountId}:gamesessionqueue/${q}`,
      );
      const input = {
        ...rest,
        NotificationTarget: topicArn,
        ...(GameSessionQueueArns.length ? { GameSessionQueueArns } : {}),
      };
      await gl.send(
        new CreateMatchmakingConfigurationCommand(input as unknown as CreateMatchmakingConfigurationCommandInput),
      );
    }
    configurations.push(body.Name);
  }
  return { ruleSets, configurations, queues, fleetIds };
}

/**
 * The stage identity the events consumer vets GameLift events against (`SST_RESOURCE_EventsTrust`,
 * the same shape infra/trust.ts links on AWS): this account and Region, the seeded configurations
 * and queues, and the fleets the queues place on. A forged `aws sns publish` is refused by it.
 */
export function eventTrustOf(
  seeded: SeededGameLift,
  stage: { readonly region: string; readonly accountId: string },
): EventTrust {
  const arn = (kind: string, name: string): string =>
    `arn:aws:gamelift:${stage.region}:${stage.accountId}:${kind}/${name}`;
  return {
    account: stage.accountId,
    region: stage.region,
    resources: [
      ...seeded.configurations.map((c) => arn("matchmakingconfiguration", c)),
      ...seeded.queues.map((q) => arn("gamesessionqueue", q)),
    ],
    fleetIds: [...seeded.fleetIds],
  };
}
