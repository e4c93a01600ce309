import type { Logger } from "@aws-lambda-powertools/logger";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import { startStreamPoller, type StreamPoller } from "../streams/StreamPoller.js";
import type { DashboardBus } from "./DashboardBus.js";
import type { PlacementView, TicketView } from "./types.js";

/** Options for {@link startStreamFeed}. */
export interface StreamFeedOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
  readonly bus: DashboardBus;
  readonly logger: Logger;
  /** Pause between empty reads (default 200 ms: a person watches, no need to race the dispatcher). */
  readonly pollIntervalMs?: number;
}

interface StoredConnection {
  readonly ipAddress?: string;
  readonly port?: number;
}

/** The stored item's fields the dashboard reads (core's `Ticket` / `Placement`, as written). */
interface StoredItem {
  readonly pk: string;
  readonly status?: string;
  readonly ticketId?: string;
  readonly placementId?: string;
  readonly queueName?: string;
  readonly playerIds?: string[];
  readonly players?: Record<string, { team?: string }>;
  readonly matchId?: string;
  readonly reason?: string;
  readonly connection?: StoredConnection;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

/**
 * A second reader of the table's stream (next to the realtime dispatcher's), with a plain function as
 * its handler: every ticket and placement write becomes a bus event. It reads, never writes.
 */
export function startStreamFeed(o: StreamFeedOptions): Promise<StreamPoller> {
  const handler = async (event: unknown): Promise<void> => {
    for (const record of (event as { Records: DynamoDBRecord[] }).Records) {
      const image = record.dynamodb?.NewImage;
      if (!image) continue;
      const item = unmarshall(image as Record<string, AttributeValue>) as StoredItem;
      const at = Date.now();
      if (item.pk.startsWith("TICKET#")) o.bus.publish({ kind: "ticket", at, ticket: ticketView(item) });
      else if (item.pk.startsWith("PLACEMENT#"))
        o.bus.publish({ kind: "placement", at, placement: placementView(item) });
    }
  };
  return startStreamPoller({
    endpoint: o.endpoint,
    region: o.region,
    tableName: o.tableName,
    handler: Object.defineProperty(handler, "name", { value: "dashboard-feed" }),
    filters: ["TICKET#", "PLACEMENT#"].map((prefix) => ({
      eventName: ["INSERT", "MODIFY"],
      dynamodb: { Keys: { pk: { S: [{ prefix }] } } },
    })),
    batchSize: 100,
    maxRetryAttempts: 0,
    pollIntervalMs: o.pollIntervalMs ?? 200,
    logger: o.logger,
  });
}

function address(c: StoredConnection | undefined): string | undefined {
  return c?.ipAddress ? `${c.ipAddress}:${c.port ?? ""}` : undefined;
}

function ticketView(item: StoredItem): TicketView {
  const teams: Record<string, string> = {};
  for (const [playerId, p] of Object.entries(item.players ?? {})) if (p.team) teams[playerId] = p.team;
  const gameSession = address(item.connection);
  return {
    ticketId: item.ticketId ?? item.pk.slice("TICKET#".length),
    status: item.status ?? "",
    playerIds: item.playerIds ?? [],
    teams,
    ...(item.matchId ? { matchId: item.matchId } : {}),
    ...(item.reason ? { reason: item.reason } : {}),
    ...(gameSession ? { gameSession } : {}),
    createdAt: item.createdAt ?? 0,
    updatedAt: item.updatedAt ?? 0,
  };
}

function placementView(item: StoredItem): PlacementView {
  const gameSession = address(item.connection);
  return {
    placementId: item.placementId ?? item.pk.slice("PLACEMENT#".length),
    queueName: item.queueName ?? "",
    status: item.status ?? "",
    playerIds: item.playerIds ?? [],
    ...(gameSession ? { gameSession } : {}),
    ...(item.reason ? { reason: item.reason } : {}),
    updatedAt: item.updatedAt ?? 0,
  };
}
