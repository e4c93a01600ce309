import {
  DescribeBuildCommand,
  DescribeFleetAttributesCommand,
  DescribeInstancesCommand,
  ListBuildsCommand,
  RequestUploadCredentialsCommand,
  type Build,
  type BuildStatus,
  type FleetAttributes,
  type GameLiftClient,
  type Instance,
  type AwsCredentials,
  type S3Location,
} from "@aws-sdk/client-gamelift";
import { CliError, NotFoundError, RefusedError, UsageError, WrongStateError } from "./errors.js";
import type { CredentialGrant } from "./upload/types.js";

const buildIdPattern = /^(build-\S+|arn:.*:build\/build-\S+)$/;
const fleetIdPattern = /^([a-z]*fleet-[a-zA-Z0-9-]+|arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+)$/;

/** Checks a build id or ARN's shape. @throws UsageError naming the argument. */
export function checkBuildId(value: string, what = "build id"): string {
  if (!buildIdPattern.test(value)) throw new UsageError(`${what} must be build-… or a build ARN, got "${value}"`);
  return value;
}

/** Checks a fleet id or ARN's shape. @throws UsageError naming the argument. */
export function checkFleetId(value: string, what = "--fleet"): string {
  if (!fleetIdPattern.test(value) || value.length > 512)
    throw new UsageError(`${what} must be fleet-… or a fleet ARN, got "${value}"`);
  return value;
}

/**
 * Runs one GameLift call and turns its failure into a CliError with an exit code:
 * NotFound → 3, Conflict / InvalidFleetStatus → 4, anything else → 1.
 */
export async function gameLiftCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const name = (err as { name?: unknown }).name;
    const message = (err as Error).message;
    if (name === "NotFoundException") throw new NotFoundError(`${what}: not found (${message})`, { cause: err });
    if (name === "ConflictException" || name === "InvalidFleetStatusException") {
      throw new WrongStateError(`${what}: ${message}`, undefined, { cause: err });
    }
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      throw new CliError(`${what}: cannot reach GameLift (${code})`, undefined, { cause: err });
    }
    throw new CliError(`${what}: ${typeof name === "string" ? `${name}: ` : ""}${message}`, undefined, { cause: err });
  }
}

/** DescribeBuild. @throws NotFoundError for an unknown build. */
export async function describeBuild(gamelift: GameLiftClient, buildId: string): Promise<Build> {
  const out = await gameLiftCall(`build ${buildId}`, () =>
    gamelift.send(new DescribeBuildCommand({ BuildId: buildId })),
  );
  if (out.Build === undefined) throw new NotFoundError(`build ${buildId}: not found`);
  return out.Build;
}

/**
 * Turns GameLift's credentials and StorageLocation into a grant.
 * @throws RefusedError for a bucket name with a dot (GameLift does not support those for uploads).
 */
export function toGrant(
  buildId: string,
  credentials: AwsCredentials | undefined,
  location: S3Location | undefined,
): CredentialGrant {
  const { AccessKeyId, SecretAccessKey, SessionToken } = credentials ?? {};
  if (AccessKeyId === undefined || SecretAccessKey === undefined) {
    throw new CliError(`build ${buildId}: GameLift returned no upload credentials`);
  }
  if (location?.Bucket === undefined || location.Key === undefined) {
    throw new CliError(`build ${buildId}: GameLift returned no StorageLocation`);
  }
  if (location.Bucket.includes(".")) {
    throw new RefusedError(
      `build ${buildId}: StorageLocation bucket "${location.Bucket}" has a dot in its name; GameLift does not support such buckets`,
    );
  }
  return {
    credentials: {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      ...(SessionToken === undefined ? {} : { sessionToken: SessionToken }),
    },
    location: { bucket: location.Bucket, key: location.Key },
  };
}

/** RequestUploadCredentials for a build. */
export async function requestUploadCredentials(gamelift: GameLiftClient, buildId: string): Promise<CredentialGrant> {
  const out = await gameLiftCall(`build ${buildId}`, () =>
    gamelift.send(new RequestUploadCredentialsCommand({ BuildId: buildId })),
  );
  return toGrant(buildId, out.UploadCredentials, out.StorageLocation);
}

/** Every build (all pages), optionally of one status. */
export async function listBuilds(gamelift: GameLiftClient, status?: BuildStatus): Promise<Build[]> {
  const builds: Build[] = [];
  let token: string | undefined;
  do {
    const out = await gameLiftCall("ListBuilds", () =>
      gamelift.send(
        new ListBuildsCommand({
          ...(status === undefined ? {} : { Status: status }),
          ...(token === undefined ? {} : { NextToken: token }),
        }),
      ),
    );
    builds.push(...(out.Builds ?? []));
    token = out.NextToken;
  } while (token !== undefined);
  return builds;
}

/** Attributes of every fleet (all pages), or of one fleet. */
export async function describeFleets(gamelift: GameLiftClient, fleetId?: string): Promise<FleetAttributes[]> {
  const fleets: FleetAttributes[] = [];
  let token: string | undefined;
  do {
    const input = fleetId === undefined ? (token === undefined ? {} : { NextToken: token }) : { FleetIds: [fleetId] };
    const out = await gameLiftCall(fleetId === undefined ? "DescribeFleetAttributes" : `fleet ${fleetId}`, () =>
      gamelift.send(new DescribeFleetAttributesCommand(input)),
    );
    fleets.push(...(out.FleetAttributes ?? []));
    token = fleetId === undefined ? out.NextToken : undefined;
  } while (token !== undefined);
  return fleets;
}

/** One fleet's attributes. @throws NotFoundError for an unknown fleet. */
export async function describeFleet(gamelift: GameLiftClient, fleetId: string): Promise<FleetAttributes> {
  const [fleet] = await describeFleets(gamelift, fleetId);
  if (fleet === undefined) throw new NotFoundError(`fleet ${fleetId}: not found`);
  return fleet;
}

/** Every instance of a fleet (all pages). @throws NotFoundError for an unknown fleet. */
export async function describeInstances(
  gamelift: GameLiftClient,
  fleetId: string,
  instanceId?: string,
): Promise<Instance[]> {
  const instances: Instance[] = [];
  let token: string | undefined;
  do {
    const out = await gameLiftCall(`fleet ${fleetId}`, () =>
      gamelift.send(
        new DescribeInstancesCommand({
          FleetId: fleetId,
          ...(instanceId === undefined ? {} : { InstanceId: instanceId }),
          ...(token === undefined ? {} : { NextToken: token }),
        }),
      ),
    );
    instances.push(...(out.Instances ?? []));
    token = out.NextToken;
  } while (token !== undefined);
  return instances;
}
