import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context } from "aws-lambda";
import { inject } from "vitest";
import { createDocumentClient, createTable, PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";

export const CONFIG_ARN = "arn:aws:gamelift:eu-west-1:111122223333:matchmakingconfiguration/arena";
export const QUEUE_ARN = "arn:aws:gamelift:eu-west-1:111122223333:gamesessionqueue/arena";
export const GS_ARN = "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gsess-1";

/** The identity of the stage these fixtures come from (what the `EventsTrust` link carries). */
export const TRUST = {
  account: "111122223333",
  region: "eu-west-1",
  resources: [CONFIG_ARN, QUEUE_ARN],
  fleetIds: ["fleet-1"],
} as const;

/** A fresh table on the run's DynamoDB Local, with the env a handler module reads at import. */
export async function tableForHandler(
  prefix: string,
): Promise<{ tickets: TicketRepository; placements: PlacementRepository; tableName: string; endpoint: string }> {
  const endpoint = inject("dynamodbEndpoint");
  const raw = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const tableName = `${prefix}-${randomUUID()}`;
  await createTable(raw, tableName);
  process.env["SST_RESOURCE_Table"] = JSON.stringify({ name: tableName });
  process.env["SST_RESOURCE_EventsTrust"] = JSON.stringify(TRUST);
  process.env["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint;
  process.env["AWS_REGION"] = "us-east-1";
  process.env["AWS_ACCESS_KEY_ID"] = "local";
  process.env["AWS_SECRET_ACCESS_KEY"] = "local";
  process.env["POWERTOOLS_METRICS_DISABLED"] = "true";
  process.env["POWERTOOLS_LOG_LEVEL"] = "SILENT";
  const doc = createDocumentClient({ client: raw });
  return {
    tickets: new TicketRepository({ client: doc, tableName }),
    placements: new PlacementRepository({ client: doc, tableName }),
    tableName,
    endpoint,
  };
}

/** A fake Lambda context. */
export function lambdaContext(name = "consumer"): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:us-east-1:111122223333:function:${name}`,
    memoryLimitInMB: "256",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: "test",
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type Player = { playerId: string; team?: string; playerSessionId?: string; accepted?: boolean };

/** A FlexMatch envelope as GameLift publishes it. */
export function flexMatch(
  type: string,
  tickets: { ticketId: string; players: Player[] }[],
  o: { id: string; time: number; extra?: Record<string, unknown>; session?: Record<string, unknown> },
): Record<string, unknown> {
  return {
    version: "0",
    id: o.id,
    "detail-type": "GameLift Matchmaking Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(o.time).toISOString(),
    region: "eu-west-1",
    resources: [CONFIG_ARN],
    detail: {
      type,
      tickets: tickets.map((t) => ({ ...t, startTime: new Date(1_000).toISOString() })),
      gameSessionInfo: { players: tickets.flatMap((t) => t.players), ...(o.session ?? {}) },
      ...(o.extra ?? {}),
    },
  };
}

/** A placement envelope; `port` is a string, as documented. */
export function placement(
  type: string,
  placementId: string,
  o: { id: string; time: number; players?: { playerId: string; playerSessionId: string }[] },
): Record<string, unknown> {
  return {
    version: "0",
    id: o.id,
    "detail-type": "GameLift Queue Placement Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(o.time).toISOString(),
    region: "eu-west-1",
    resources: [QUEUE_ARN],
    detail: {
      type,
      placementId,
      startTime: new Date(1_000).toISOString(),
      ...(type === "PlacementFulfilled"
        ? {
            gameSessionArn: GS_ARN,
            gameSessionRegion: "eu-west-1",
            ipAddress: "10.0.0.9",
            dnsName: "gs.example",
            port: "7001",
            placedPlayerSessions: o.players ?? [],
          }
        : {}),
    },
  };
}

/** The Lambda SNS event: `Records[].Sns.Message` is the envelope JSON string. */
export function sns(...messages: (Record<string, unknown> | string)[]): Record<string, unknown> {
  return {
    Records: messages.map((m, i) => ({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      EventSubscriptionArn: "arn:aws:sns:eu-west-1:111122223333:events:sub",
      Sns: {
        Type: "Notification",
        MessageId: `m-${i}-${randomUUID()}`,
        TopicArn: "arn:aws:sns:eu-west-1:111122223333:events",
        Subject: null,
        Message: typeof m === "string" ? m : JSON.stringify(m),
        Timestamp: new Date().toISOString(),
        SignatureVersion: "1",
        Signature: "sig",
        SigningCertUrl: "https://sns.example/cert.pem",
        UnsubscribeUrl: "https://sns.example/unsubscribe",
        MessageAttributes: {},
      },
    })),
  };
}

/** Stores tickets as the API does before StartMatchmaking (events never create a ticket we did not store). */
export async function storeTickets(
  tickets: TicketRepository,
  list: readonly { ticketId: string; players: readonly { playerId: string }[] }[],
): Promise<void> {
  for (const t of list) {
    await tickets.create({
      ticketId: t.ticketId,
      configurationName: "arena",
      playerIds: t.players.map((p) => p.playerId),
      players: {},
      createdAt: 500,
    });
  }
}
