import {
  CreateFleetCommand,
  CreateGameSessionQueueCommand,
  UpdateFleetCapacityCommand,
  type CreateGameSessionQueueCommandInput,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import type { Harness } from "./helpers.js";

/** Options of an ACTIVE test fleet. */
export interface FleetOptions {
  readonly instances?: number;
  readonly processes?: number;
  readonly locations?: string[];
  readonly name?: string;
}

/** Creates an EC2 fleet and advances the clock until it is ACTIVE with its instances. */
export async function activeFleet(
  h: Harness,
  gl: GameLiftClient,
  o: FleetOptions = {},
): Promise<{ fleetId: string; fleetArn: string }> {
  const out = await gl.send(
    new CreateFleetCommand({
      Name: o.name ?? "arena",
      EC2InstanceType: "c5.large",
      RuntimeConfiguration: {
        ServerProcesses: [{ LaunchPath: "/local/game/server", ConcurrentExecutions: o.processes ?? 1 }],
      },
      EC2InboundPermissions: [{ FromPort: 7000, ToPort: 7100, IpRange: "0.0.0.0/0", Protocol: "UDP" }],
      Locations: o.locations?.map((Location) => ({ Location })),
    }),
  );
  const fleetId = out.FleetAttributes?.FleetId ?? "";
  if (o.instances !== undefined) {
    for (const loc of o.locations ?? ["us-east-1"]) {
      await gl.send(
        new UpdateFleetCapacityCommand({
          FleetId: fleetId,
          DesiredInstances: o.instances,
          MaxSize: Math.max(o.instances, 1),
          Location: loc,
        }),
      );
    }
  }
  await h.advance(3000, 500);
  return { fleetId, fleetArn: out.FleetAttributes?.FleetArn ?? "" };
}

/** Creates a queue with a topic, over the given destinations. */
export async function queue(
  gl: GameLiftClient,
  name: string,
  fleetArns: string[],
  extra: Partial<CreateGameSessionQueueCommandInput> = {},
): Promise<string> {
  const out = await gl.send(
    new CreateGameSessionQueueCommand({
      Name: name,
      Destinations: fleetArns.map((DestinationArn) => ({ DestinationArn })),
      NotificationTarget: "arn:aws:sns:us-east-1:123456789012:events",
      TimeoutInSeconds: 60,
      ...extra,
    }),
  );
  return out.GameSessionQueue?.GameSessionQueueArn ?? "";
}
