import * as sdk from "@aws-sdk/client-gamelift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../src/operations/index.js";
import { matchmakingOperations } from "../../src/operations/matchmaking/index.js";
import { startHarness, type Harness } from "../helpers.js";
import { putObject } from "../s3helpers.js";

const platformOps = Object.keys(operations).filter((op) => !(op in matchmakingOperations));

/** Records the operation names a client sends, and the content types it sends them with. */
function trackOperations(client: sdk.GameLiftClient, seen: Set<string>, contentTypes: Set<string>): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      seen.add(context.commandName?.replace(/Command$/, "") ?? "");
      return next(args);
    },
    { step: "initialize", name: "trackOperations" },
  );
  client.middlewareStack.add(
    (next) => (args) => {
      const req = args.request as { headers?: Record<string, string> };
      contentTypes.add(req.headers?.["content-type"] ?? "");
      return next(args);
    },
    { step: "finalizeRequest", name: "trackContentTypes" },
  );
}

describe.each(["json", "cbor"] as const)(
  "every platform operation through @aws-sdk/client-gamelift over %s",
  (protocol) => {
    let h: Harness;
    let gl: sdk.GameLiftClient;
    const seen = new Set<string>();
    const contentTypes = new Set<string>();
    beforeAll(async () => {
      h = await startHarness({ s3: { port: 0 }, pingBeacons: { defaultLatencyMs: 0 } });
      gl = h[protocol];
      trackOperations(gl, seen, contentTypes);
    });
    afterAll(async () => {
      await h.emulator.close();
    });

    it("runs builds, scripts, fleets, queues, placements, sessions, aliases and tags end to end", async () => {
      const build = await gl.send(
        new sdk.CreateBuildCommand({
          Name: "b",
          OperatingSystem: "AMAZON_LINUX_2023",
          Tags: [{ Key: "t", Value: "1" }],
        }),
      );
      const BuildId = build.Build?.BuildId ?? "";
      expect(build.Build?.CreationTime).toBeInstanceOf(Date);
      const cred = await gl.send(new sdk.RequestUploadCredentialsCommand({ BuildId }));
      const put = await putObject(
        h.emulator.s3Url ?? "",
        cred.StorageLocation?.Bucket ?? "",
        cred.StorageLocation?.Key ?? "",
        "zip",
        cred.UploadCredentials ?? {},
      );
      expect(put.status).toBe(200);
      await h.advance(100);
      expect((await gl.send(new sdk.DescribeBuildCommand({ BuildId }))).Build?.Status).toBe("READY");
      expect((await gl.send(new sdk.ListBuildsCommand({}))).Builds).toHaveLength(1);
      expect((await gl.send(new sdk.UpdateBuildCommand({ BuildId, Version: "2" }))).Build?.Version).toBe("2");

      const script = await gl.send(new sdk.CreateScriptCommand({ Name: "s", ZipFile: new Uint8Array([1, 2]) }));
      const ScriptId = script.Script?.ScriptId ?? "";
      expect((await gl.send(new sdk.UpdateScriptCommand({ ScriptId, Name: "s2" }))).Script?.Name).toBe("s2");
      expect((await gl.send(new sdk.DescribeScriptCommand({ ScriptId }))).Script?.SizeOnDisk).toBe(2);
      expect((await gl.send(new sdk.ListScriptsCommand({}))).Scripts).toHaveLength(1);
      await gl.send(new sdk.DeleteScriptCommand({ ScriptId }));

      const created = await gl.send(
        new sdk.CreateFleetCommand({
          Name: "f",
          BuildId,
          EC2InstanceType: "c5.large",
          RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/s", ConcurrentExecutions: 2 }] },
          Locations: [{ Location: "us-east-1" }, { Location: "eu-west-1" }],
        }),
      );
      const FleetId = created.FleetAttributes?.FleetId ?? "";
      const FleetArn = created.FleetAttributes?.FleetArn ?? "";
      expect(created.LocationStates?.map((l) => l.Location)).toEqual(["us-east-1", "eu-west-1"]);
      await gl.send(new sdk.UpdateFleetCapacityCommand({ FleetId, DesiredInstances: 2, MaxSize: 2 }));
      await h.advance(3000, 500);
      expect(
        (await gl.send(new sdk.DescribeFleetAttributesCommand({ FleetIds: [FleetArn] }))).FleetAttributes?.[0]?.Status,
      ).toBe("ACTIVE");
      expect((await gl.send(new sdk.DescribeFleetCapacityCommand({}))).FleetCapacity?.[0]?.InstanceCounts?.ACTIVE).toBe(
        2,
      );
      expect(
        (await gl.send(new sdk.DescribeFleetLocationCapacityCommand({ FleetId, Location: "eu-west-1" }))).FleetCapacity
          ?.InstanceCounts?.ACTIVE,
      ).toBe(1);
      await gl.send(new sdk.CreateFleetLocationsCommand({ FleetId, Locations: [{ Location: "ap-south-1" }] }));
      const locs = await gl.send(
        new sdk.DescribeFleetLocationAttributesCommand({ FleetId, Locations: ["ap-south-1"] }),
      );
      expect(locs.LocationAttributes?.[0]?.LocationState).toEqual({
        Location: "ap-south-1",
        Status: "NEW",
        PlayerGatewayStatus: "DISABLED",
      });
      await gl.send(new sdk.DeleteFleetLocationsCommand({ FleetId, Locations: ["ap-south-1"] }));
      expect(
        (await gl.send(new sdk.DescribeFleetLocationUtilizationCommand({ FleetId, Location: "eu-west-1" })))
          .FleetUtilization?.ActiveServerProcessCount,
      ).toBe(2);
      const events = await gl.send(
        new sdk.DescribeFleetEventsCommand({ FleetId, StartTime: new Date(0), EndTime: new Date(h.clock.now()) }),
      );
      expect(events.Events?.[0]).toMatchObject({ EventCode: "FLEET_CREATED", EventTime: expect.any(Date) });
      await gl.send(
        new sdk.UpdateFleetPortSettingsCommand({
          FleetId,
          InboundPermissionAuthorizations: [{ FromPort: 22, ToPort: 22, IpRange: "10.0.0.0/8", Protocol: "TCP" }],
        }),
      );
      expect((await gl.send(new sdk.DescribeFleetPortSettingsCommand({ FleetId }))).InboundPermissions).toHaveLength(1);
      await gl.send(
        new sdk.UpdateRuntimeConfigurationCommand({
          FleetId,
          RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/s", ConcurrentExecutions: 3 }] },
        }),
      );
      expect(
        (await gl.send(new sdk.DescribeRuntimeConfigurationCommand({ FleetId }))).RuntimeConfiguration
          ?.ServerProcesses?.[0]?.ConcurrentExecutions,
      ).toBe(3);
      // Scaling: policies are stored and echoed; actions stopped show in the attributes (no tick runs here).
      expect((await gl.send(new sdk.StopFleetActionsCommand({ FleetId, Actions: ["AUTO_SCALING"] }))).FleetArn).toBe(
        FleetArn,
      );
      expect(
        (await gl.send(new sdk.DescribeFleetAttributesCommand({ FleetIds: [FleetId] }))).FleetAttributes?.[0]
          ?.StoppedActions,
      ).toEqual(["AUTO_SCALING"]);
      const target = {
        FleetId,
        Name: "keep-20",
        PolicyType: "TargetBased" as const,
        MetricName: "PercentAvailableGameSessions" as const,
        TargetConfiguration: { TargetValue: 20 },
      };
      expect((await gl.send(new sdk.PutScalingPolicyCommand(target))).Name).toBe("keep-20");
      await gl.send(
        new sdk.PutScalingPolicyCommand({
          FleetId,
          Name: "queue",
          PolicyType: "RuleBased",
          MetricName: "QueueDepth",
          ComparisonOperator: "GreaterThanThreshold",
          Threshold: 0,
          EvaluationPeriods: 2,
          ScalingAdjustmentType: "ChangeInCapacity",
          ScalingAdjustment: 1,
        }),
      );
      const policies =
        (await gl.send(new sdk.DescribeScalingPoliciesCommand({ FleetId, StatusFilter: "ACTIVE" }))).ScalingPolicies ??
        [];
      expect(policies.map((p) => [p.Name, p.PolicyType, p.Status, p.Location])).toEqual([
        ["keep-20", "TargetBased", "ACTIVE", "us-east-1"],
        ["queue", "RuleBased", "ACTIVE", "us-east-1"],
      ]);
      expect(policies[0]?.TargetConfiguration?.TargetValue).toBe(20);
      expect(policies[1]).toMatchObject({
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: 0,
        EvaluationPeriods: 2,
        ScalingAdjustment: 1,
      });
      await gl.send(new sdk.DeleteScalingPolicyCommand({ FleetId, Name: "keep-20" }));
      await gl.send(new sdk.DeleteScalingPolicyCommand({ FleetId, Name: "queue" }));
      expect((await gl.send(new sdk.DescribeScalingPoliciesCommand({ FleetId }))).ScalingPolicies).toEqual([]);
      await gl.send(new sdk.StartFleetActionsCommand({ FleetId, Actions: ["AUTO_SCALING"] }));
      expect(
        (await gl.send(new sdk.DescribeFleetAttributesCommand({ FleetIds: [FleetId] }))).FleetAttributes?.[0]
          ?.StoppedActions,
      ).toBeUndefined();
      const managed = await gl.send(
        new sdk.UpdateFleetCapacityCommand({
          FleetId,
          Location: "eu-west-1",
          ManagedCapacityConfiguration: { ZeroCapacityStrategy: "MANUAL" },
        }),
      );
      expect(managed.ManagedCapacityConfiguration).toEqual({ ZeroCapacityStrategy: "MANUAL" });
      expect(
        (await gl.send(new sdk.DescribeFleetLocationCapacityCommand({ FleetId, Location: "eu-west-1" }))).FleetCapacity
          ?.ManagedCapacityConfiguration,
      ).toEqual({ ZeroCapacityStrategy: "MANUAL" });
      expect((await gl.send(new sdk.UpdateFleetAttributesCommand({ FleetId, Description: "d" }))).FleetId).toBe(
        FleetId,
      );
      expect((await gl.send(new sdk.ListFleetsCommand({}))).FleetIds).toEqual([FleetId]);
      const instances = (await gl.send(new sdk.DescribeInstancesCommand({ FleetId }))).Instances ?? [];
      expect(instances).toHaveLength(3);
      expect(instances[0]?.CreationTime).toBeInstanceOf(Date);
      const access = await gl.send(new sdk.GetInstanceAccessCommand({ FleetId, InstanceId: instances[0]?.InstanceId }));
      expect(access.InstanceAccess?.Credentials?.Secret).toContain("BEGIN RSA PRIVATE KEY");

      const alias = (
        await gl.send(new sdk.CreateAliasCommand({ Name: "a", RoutingStrategy: { Type: "SIMPLE", FleetId } }))
      ).Alias;
      expect((await gl.send(new sdk.ResolveAliasCommand({ AliasId: alias?.AliasId }))).FleetId).toBe(FleetId);
      expect(
        (await gl.send(new sdk.UpdateAliasCommand({ AliasId: alias?.AliasId, Description: "x" }))).Alias?.Description,
      ).toBe("x");
      expect(
        (await gl.send(new sdk.DescribeAliasCommand({ AliasId: alias?.AliasId }))).Alias?.LastUpdatedTime,
      ).toBeInstanceOf(Date);
      expect((await gl.send(new sdk.ListAliasesCommand({}))).Aliases).toHaveLength(1);

      const queue = await gl.send(
        new sdk.CreateGameSessionQueueCommand({
          Name: "q",
          Destinations: [{ DestinationArn: alias?.AliasArn }],
          TimeoutInSeconds: 30,
        }),
      );
      expect(
        (await gl.send(new sdk.UpdateGameSessionQueueCommand({ Name: "q", TimeoutInSeconds: 60 }))).GameSessionQueue
          ?.TimeoutInSeconds,
      ).toBe(60);
      expect(
        (
          await gl.send(
            new sdk.DescribeGameSessionQueuesCommand({ Names: [queue.GameSessionQueue?.GameSessionQueueArn ?? ""] }),
          )
        ).GameSessionQueues,
      ).toHaveLength(1);
      await gl.send(
        new sdk.StartGameSessionPlacementCommand({
          PlacementId: "p1",
          GameSessionQueueName: "q",
          MaximumPlayerSessionCount: 3,
          DesiredPlayerSessions: [{ PlayerId: "x" }],
        }),
      );
      await gl.send(
        new sdk.StartGameSessionPlacementCommand({
          PlacementId: "p2",
          GameSessionQueueName: "q",
          MaximumPlayerSessionCount: 3,
        }),
      );
      expect(
        (await gl.send(new sdk.StopGameSessionPlacementCommand({ PlacementId: "p2" }))).GameSessionPlacement?.Status,
      ).toBe("CANCELLED");
      await h.advance(100);
      const placed = (await gl.send(new sdk.DescribeGameSessionPlacementCommand({ PlacementId: "p1" })))
        .GameSessionPlacement;
      expect(placed).toMatchObject({
        Status: "FULFILLED",
        StartTime: expect.any(Date),
        EndTime: expect.any(Date),
        Port: expect.any(Number),
      });

      const gs = (
        await gl.send(
          new sdk.CreateGameSessionCommand({
            FleetId,
            MaximumPlayerSessionCount: 4,
            GameProperties: [{ Key: "mode", Value: "duel" }],
          }),
        )
      ).GameSession;
      await h.advance(100);
      const GameSessionId = gs?.GameSessionId ?? "";
      expect(
        (await gl.send(new sdk.CreatePlayerSessionCommand({ GameSessionId, PlayerId: "a" }))).PlayerSession?.Status,
      ).toBe("RESERVED");
      expect(
        (await gl.send(new sdk.CreatePlayerSessionsCommand({ GameSessionId, PlayerIds: ["b", "c"] }))).PlayerSessions,
      ).toHaveLength(2);
      expect((await gl.send(new sdk.DescribePlayerSessionsCommand({ GameSessionId }))).PlayerSessions).toHaveLength(3);
      expect((await gl.send(new sdk.UpdateGameSessionCommand({ GameSessionId, Name: "n" }))).GameSession?.Name).toBe(
        "n",
      );
      const search = await gl.send(
        new sdk.SearchGameSessionsCommand({
          FleetId,
          FilterExpression: "gameSessionProperties.mode = 'duel'",
          SortExpression: "creationTimeMillis ASC",
        }),
      );
      expect(search.GameSessions?.map((s) => s.GameSessionId)).toEqual([GameSessionId]);
      expect((await gl.send(new sdk.DescribeGameSessionsCommand({ FleetId }))).GameSessions).toHaveLength(2);
      expect(
        (await gl.send(new sdk.DescribeGameSessionDetailsCommand({ GameSessionId }))).GameSessionDetails?.[0]
          ?.ProtectionPolicy,
      ).toBe("NoProtection");
      expect(
        (await gl.send(new sdk.DescribeFleetUtilizationCommand({ FleetIds: [FleetId] }))).FleetUtilization?.[0]
          ?.ActiveGameSessionCount,
      ).toBe(2);
      expect(
        (await gl.send(new sdk.TerminateGameSessionCommand({ GameSessionId, TerminationMode: "FORCE_TERMINATE" })))
          .GameSession?.Status,
      ).toBe("TERMINATED");

      await gl.send(new sdk.TagResourceCommand({ ResourceARN: FleetArn, Tags: [{ Key: "k", Value: "v" }] }));
      await gl.send(new sdk.UntagResourceCommand({ ResourceARN: build.Build?.BuildArn, TagKeys: ["t"] }));
      expect((await gl.send(new sdk.ListTagsForResourceCommand({ ResourceARN: FleetArn }))).Tags).toEqual([
        { Key: "k", Value: "v" },
      ]);
      expect((await gl.send(new sdk.DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections).toEqual([]);

      await gl.send(new sdk.DeleteGameSessionQueueCommand({ Name: "q" }));
      await gl.send(new sdk.DeleteAliasCommand({ AliasId: alias?.AliasId }));
      await gl.send(new sdk.DeleteFleetCommand({ FleetId }));
      await gl.send(new sdk.DeleteBuildCommand({ BuildId }));
      await h.advance(100);
      expect((await gl.send(new sdk.ListFleetsCommand({}))).FleetIds).toEqual([]);
    });

    it("runs locations, Anywhere computes, player gateway, connection details and game session logs end to end", async () => {
      const aws = await gl.send(new sdk.ListLocationsCommand({ Filters: ["AWS"] }));
      const home = aws.Locations?.find((l) => l.LocationName === "us-east-1");
      expect(home?.PingBeacon?.UDPEndpoint).toEqual({ Domain: "127.0.0.1", Port: expect.any(Number) });
      expect(aws.Locations?.every((l) => (l.PingBeacon?.UDPEndpoint?.Port ?? 0) > 0)).toBe(true);
      const LocationName = `custom-lab-${protocol}`;
      const created = await gl.send(new sdk.CreateLocationCommand({ LocationName }));
      expect(created.Location).toMatchObject({
        LocationName,
        LocationArn: `arn:aws:gamelift:us-east-1:123456789012:location/${LocationName}`,
      });
      await expect(
        gl.send(
          new sdk.CreateFleetCommand({
            Name: "nowhere",
            ComputeType: "ANYWHERE",
            Locations: [{ Location: "custom-missing" }],
          }),
        ),
      ).rejects.toBeInstanceOf(sdk.NotFoundException);
      const anywhere = (
        await gl.send(
          new sdk.CreateFleetCommand({
            Name: "lab",
            ComputeType: "ANYWHERE",
            Locations: [{ Location: LocationName }],
            AnywhereConfiguration: { Cost: "0.5" },
          }),
        )
      ).FleetAttributes;
      const FleetId = anywhere?.FleetId ?? "";
      expect(anywhere).toMatchObject({
        ComputeType: "ANYWHERE",
        Status: "ACTIVE",
        AnywhereConfiguration: { Cost: "0.5" },
      });
      const reg = await gl.send(
        new sdk.RegisterComputeCommand({
          FleetId,
          ComputeName: "box-1",
          IpAddress: "127.0.0.1",
          Location: LocationName,
        }),
      );
      expect(reg.Compute).toMatchObject({
        ComputeName: "box-1",
        ComputeStatus: "ACTIVE",
        Location: LocationName,
        CreationTime: expect.any(Date),
      });
      expect(
        (await gl.send(new sdk.DescribeComputeCommand({ FleetId, ComputeName: "box-1" }))).Compute?.IpAddress,
      ).toBe("127.0.0.1");
      expect(
        (await gl.send(new sdk.ListComputeCommand({ FleetId, Location: LocationName }))).ComputeList?.map(
          (c) => c.ComputeName,
        ),
      ).toEqual(["box-1"]);
      const token = await gl.send(new sdk.GetComputeAuthTokenCommand({ FleetId, ComputeName: "box-1" }));
      expect(token.AuthToken).toMatch(/^\S{20,}$/);
      expect(token.ExpirationTimestamp?.getTime()).toBe(h.clock.now() + 15 * 60_000);
      expect(
        (await gl.send(new sdk.GetComputeAccessCommand({ FleetId, ComputeName: "box-1" }))).Credentials,
      ).toMatchObject({ AccessKeyId: expect.any(String), SessionToken: expect.any(String) });
      // The registered compute hosts game sessions like an instance.
      const gs = (
        await gl.send(
          new sdk.CreateGameSessionCommand({ FleetId, MaximumPlayerSessionCount: 2, Location: LocationName }),
        )
      ).GameSession;
      expect(gs).toMatchObject({ IpAddress: "127.0.0.1", ComputeName: "box-1", Location: LocationName });
      await h.advance(100);
      const GameSessionId = gs?.GameSessionId ?? "";
      await gl.send(new sdk.CreatePlayerSessionCommand({ GameSessionId, PlayerId: "p1" }));
      const direct = await gl.send(new sdk.GetPlayerConnectionDetailsCommand({ GameSessionId, PlayerIds: ["p1"] }));
      expect(direct.PlayerConnectionDetails).toEqual([
        { PlayerId: "p1", Endpoints: [{ IpAddress: "127.0.0.1", Port: gs?.Port }] },
      ]);
      await gl.send(new sdk.TerminateGameSessionCommand({ GameSessionId, TerminationMode: "FORCE_TERMINATE" }));
      const { PreSignedUrl = "" } = await gl.send(new sdk.GetGameSessionLogUrlCommand({ GameSessionId }));
      expect(PreSignedUrl.startsWith(`${h.emulator.url}/local/game-session-logs/`)).toBe(true);
      const log = await fetch(PreSignedUrl);
      expect(log.status).toBe(200);
      expect(await log.text()).toContain(`game session ${GameSessionId} created`);
      await gl.send(new sdk.DeregisterComputeCommand({ FleetId, ComputeName: "box-1" }));
      expect((await gl.send(new sdk.ListComputeCommand({ FleetId }))).ComputeList).toEqual([]);
      await expect(gl.send(new sdk.DeleteLocationCommand({ LocationName }))).rejects.toMatchObject({
        name: "InvalidRequestException",
      });
      await gl.send(new sdk.DeleteFleetCommand({ FleetId }));
      await h.advance(100);
      await gl.send(new sdk.DeleteLocationCommand({ LocationName }));
      expect((await gl.send(new sdk.ListLocationsCommand({ Filters: ["CUSTOM"] }))).Locations).toEqual([]);

      // Player gateway on an EC2 fleet: stored, echoed, and a token per player.
      const pg = (
        await gl.send(
          new sdk.CreateFleetCommand({
            Name: "pg",
            EC2InstanceType: "c5.large",
            PlayerGatewayMode: "ENABLED",
            PlayerGatewayConfiguration: { GameServerIpProtocolSupported: "IPv4" },
            InstanceRoleArn: "arn:aws:iam::123456789012:role/game",
            InstanceRoleCredentialsProvider: "SHARED_CREDENTIAL_FILE",
          }),
        )
      ).FleetAttributes;
      expect(pg).toMatchObject({
        PlayerGatewayMode: "ENABLED",
        PlayerGatewayConfiguration: { GameServerIpProtocolSupported: "IPv4" },
        InstanceRoleCredentialsProvider: "SHARED_CREDENTIAL_FILE",
      });
      const pgFleet = pg?.FleetId ?? "";
      const cap = await gl.send(
        new sdk.UpdateFleetCapacityCommand({
          FleetId: pgFleet,
          ManagedCapacityConfiguration: { ZeroCapacityStrategy: "MANUAL" },
        }),
      );
      expect(cap.ManagedCapacityConfiguration).toEqual({ ZeroCapacityStrategy: "MANUAL" });
      await h.advance(3000, 500);
      const viaGateway = (
        await gl.send(new sdk.CreateGameSessionCommand({ FleetId: pgFleet, MaximumPlayerSessionCount: 2 }))
      ).GameSession;
      expect(viaGateway?.PlayerGatewayStatus).toBe("ENABLED");
      const details = await gl.send(
        new sdk.GetPlayerConnectionDetailsCommand({
          GameSessionId: viaGateway?.GameSessionId,
          PlayerIds: ["p1", "p2"],
        }),
      );
      expect(
        details.PlayerConnectionDetails?.map((d) => [
          d.PlayerId,
          typeof d.PlayerGatewayToken,
          d.Expiration instanceof Date,
        ]),
      ).toEqual([
        ["p1", "string", true],
        ["p2", "string", true],
      ]);
      expect(
        (await gl.send(new sdk.DescribeFleetLocationAttributesCommand({ FleetId: pgFleet }))).LocationAttributes?.[0]
          ?.LocationState?.PlayerGatewayStatus,
      ).toBe("ENABLED");
      await gl.send(new sdk.DeleteFleetCommand({ FleetId: pgFleet }));
      await h.advance(100);
    });

    it("covered every platform operation, in this protocol only", () => {
      expect(platformOps.filter((op) => !seen.has(op))).toEqual([]);
      expect([...contentTypes]).toEqual([protocol === "json" ? "application/x-amz-json-1.1" : "application/cbor"]);
    });

    it("returns modeled errors as SDK exception classes", async () => {
      const err = await gl.send(new sdk.DescribeBuildCommand({ BuildId: "build-nope" })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(sdk.NotFoundException);
      expect(err).toMatchObject({ message: "Build build-nope not found.", $metadata: { httpStatusCode: 400 } });
    });
  },
);
