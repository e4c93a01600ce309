import type { FlexMatchEventType, PlacementEventType } from "../../../src/domain/events/types.js";

/** Configuration ARN used by fixtures (with account, as GameLift sends it). */
export const CONFIG_ARN = "arn:aws:gamelift:eu-west-1:111122223333:matchmakingconfiguration/arena.ranked";
/** Queue ARN used by fixtures. */
export const QUEUE_ARN = "arn:aws:gamelift:eu-west-1:111122223333:gamesessionqueue/arena-eu";
/** A game-session ARN with the real, empty account. */
export const GS_ARN =
  "arn:aws:gamelift:eu-west-1::gamesession/fleet-5d9c1b7e-2f3a-4e8b-9c6d-0a1b2c3d4e5f/gsess-81f04c2d";

/** One ticket in a fixture event. */
export interface FixtureTicket {
  readonly ticketId: string;
  readonly players: readonly { playerId: string; team?: string; playerSessionId?: string; accepted?: boolean }[];
}

/** Builds a FlexMatch envelope as GameLift publishes it. */
export function flexMatchEnvelope(
  type: FlexMatchEventType | string,
  tickets: readonly FixtureTicket[],
  opts: { id: string; time: number; extra?: Record<string, unknown>; session?: Record<string, unknown> },
): Record<string, unknown> {
  return {
    version: "0",
    id: opts.id,
    "detail-type": "GameLift Matchmaking Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(opts.time).toISOString(),
    region: "eu-west-1",
    resources: [CONFIG_ARN],
    detail: {
      type,
      tickets: tickets.map((t) => ({
        ticketId: t.ticketId,
        startTime: new Date(1_000).toISOString(),
        players: t.players,
      })),
      gameSessionInfo: { players: tickets.flatMap((t) => t.players), ...(opts.session ?? {}) },
      ...(opts.extra ?? {}),
    },
  };
}

/** Builds a queue placement envelope (port as a string, as documented). */
export function placementEnvelope(
  type: PlacementEventType | string,
  placementId: string,
  opts: { id: string; time: number; players?: readonly { playerId: string; playerSessionId: string }[] },
): Record<string, unknown> {
  const fulfilled = type === "PlacementFulfilled";
  return {
    version: "0",
    id: opts.id,
    "detail-type": "GameLift Queue Placement Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(opts.time).toISOString(),
    region: "eu-west-1",
    resources: [QUEUE_ARN],
    detail: {
      type,
      placementId,
      startTime: new Date(1_000).toISOString(),
      endTime: new Date(opts.time).toISOString(),
      ...(fulfilled
        ? {
            gameSessionArn: GS_ARN,
            gameSessionRegion: "eu-west-1",
            ipAddress: "10.0.0.7",
            dnsName: "ec2-10-0-0-7.compute.amazonaws.com",
            port: "7777",
            placedPlayerSessions: opts.players ?? [],
          }
        : {}),
    },
  };
}

/** Wraps envelopes as the Lambda SNS event (`Records[].Sns.Message` = the envelope JSON string). */
export function snsEvent(...envelopes: readonly (Record<string, unknown> | string)[]): Record<string, unknown> {
  return {
    Records: envelopes.map((e, i) => ({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      EventSubscriptionArn: "arn:aws:sns:eu-west-1:111122223333:events:sub",
      Sns: {
        Type: "Notification",
        MessageId: `msg-${i}`,
        TopicArn: "arn:aws:sns:eu-west-1:111122223333:events",
        Subject: null,
        Message: typeof e === "string" ? e : JSON.stringify(e),
        Timestamp: new Date(0).toISOString(),
        SignatureVersion: "1",
        Signature: "x",
        SigningCertUrl: "https://sns.example/cert.pem",
        UnsubscribeUrl: "https://sns.example/unsub",
        MessageAttributes: {},
      },
    })),
  };
}
