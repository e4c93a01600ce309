import type { InProcessEmulator } from "@matchplace/gamelift-local";
import type { Population } from "./population/schema.js";
import type { RuleSetSource } from "./ruleSetSource.js";

/** The SNS topic the simulated configuration notifies (only the in-process observer listens). */
const simulationTopic = "arn:aws:sns:us-east-1:123456789012:matchplace-simulate";

/** GameLift's cap on ConcurrentExecutions of one server process entry. */
const maxConcurrentPerProcess = 50;

/** The fleet locations: the population's, else every location its regions report latency to, else the home Region. */
function fleetLocations(population: Population, homeRegion: string): string[] {
  if (population.fleet.locations) return [...population.fleet.locations];
  const reported = [...new Set(population.regions.flatMap((r) => Object.keys(r.latencyMs)))].sort();
  return reported.length > 0 ? reported : [homeRegion];
}

/**
 * Creates, through the emulator's own operations, what a deployed stage has: the rule set, a
 * fleet with a location per region at the population's capacity, a queue over it and the
 * matchmaking configuration (its timeouts and acceptance from the population's overrides).
 * @returns the configuration name to start matchmaking with.
 */
export async function createResources(
  emulator: InProcessEmulator,
  source: RuleSetSource,
  population: Population,
): Promise<string> {
  const home = emulator.context.region;
  const locations = fleetLocations(population, home);
  await emulator.call("CreateMatchmakingRuleSet", { Name: source.name, RuleSetBody: source.body });
  const fleet = population.fleet;
  const remote = locations.filter((l) => l !== home);
  const created = await emulator.call("CreateFleet", {
    Name: "simulate",
    EC2InstanceType: "c5.large",
    RuntimeConfiguration: {
      ServerProcesses: [
        {
          LaunchPath: "/local/game/simulate",
          ConcurrentExecutions: Math.min(maxConcurrentPerProcess, fleet.gameSessionsPerInstance),
        },
      ],
    },
    ...(remote.length > 0 ? { Locations: remote.map((Location) => ({ Location })) } : {}),
  });
  const attributes = created.FleetAttributes as { FleetId: string; FleetArn: string };
  for (const location of [home, ...remote]) {
    await emulator.call("UpdateFleetCapacity", {
      FleetId: attributes.FleetId,
      DesiredInstances: locations.includes(location) ? fleet.instancesPerLocation : 0,
      MinSize: 0,
      MaxSize: fleet.instancesPerLocation,
      ...(location === home ? {} : { Location: location }),
    });
  }
  const queue = await emulator.call("CreateGameSessionQueue", {
    Name: "simulate",
    TimeoutInSeconds: fleet.queueTimeoutSeconds,
    Destinations: [{ DestinationArn: attributes.FleetArn }],
    ...(source.queue?.PlayerLatencyPolicies ? { PlayerLatencyPolicies: source.queue.PlayerLatencyPolicies } : {}),
  });
  const queueArn = (queue.GameSessionQueue as { GameSessionQueueArn: string }).GameSessionQueueArn;
  const base = source.configuration;
  const o = population.configuration;
  const acceptanceRequired = o.acceptanceRequired ?? base.AcceptanceRequired;
  const acceptanceTimeout = o.acceptanceTimeoutSeconds ?? base.AcceptanceTimeoutSeconds;
  await emulator.call("CreateMatchmakingConfiguration", {
    Name: "simulate",
    RuleSetName: source.name,
    GameSessionQueueArns: [queueArn],
    RequestTimeoutSeconds: o.requestTimeoutSeconds ?? base.RequestTimeoutSeconds,
    AcceptanceRequired: acceptanceRequired,
    ...(acceptanceTimeout !== undefined ? { AcceptanceTimeoutSeconds: acceptanceTimeout } : {}),
    AdditionalPlayerCount: o.additionalPlayerCount ?? base.AdditionalPlayerCount,
    BackfillMode: o.backfillMode ?? base.BackfillMode,
    FlexMatchMode: "WITH_QUEUE",
    NotificationTarget: simulationTopic,
    GameProperties: base.GameProperties,
  });
  return "simulate";
}
