import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import type { ConnectionNotifierPort, PostOutcome } from "../../domain/realtime/ports.js";

/** Options of {@link ConnectionNotifier}. */
export interface ConnectionNotifierOptions {
  /** The WebSocket API's management endpoint (`https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`; locally the gateway's). */
  readonly endpoint: string;
  /** Reuse this client (tests). */
  readonly client?: ApiGatewayManagementApiClient;
  readonly region?: string;
  /** Socket timeout per attempt (default 3000 ms). */
  readonly requestTimeoutMs?: number;
}

/**
 * Posts messages to WebSocket connections through API Gateway's `@connections` API. Throttling and
 * 5xx are retried by the SDK (standard retry, bounded timeouts); a closed connection is `"gone"`.
 * @example
 * const notifier = new ConnectionNotifier({ endpoint: Resource.Realtime.managementEndpoint });
 * if ((await notifier.post(connectionId, { type: "pong" })) === "gone") await connections.remove(playerId, connectionId);
 */
export class ConnectionNotifier implements ConnectionNotifierPort {
  readonly #client: ApiGatewayManagementApiClient;

  public constructor(options: ConnectionNotifierOptions) {
    this.#client =
      options.client ??
      new ApiGatewayManagementApiClient({
        endpoint: options.endpoint,
        region: options.region ?? process.env["AWS_REGION"] ?? "us-east-1",
        maxAttempts: 3,
        retryMode: "standard",
        requestHandler: {
          requestTimeout: options.requestTimeoutMs ?? 3000,
          connectionTimeout: 1000,
          throwOnRequestTimeout: true,
        },
      });
  }

  /** Sends one JSON message. */
  public async post(connectionId: string, message: unknown): Promise<PostOutcome> {
    try {
      await this.#client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: new TextEncoder().encode(JSON.stringify(message)),
        }),
      );
      return "sent";
    } catch (err) {
      if (isGone(err)) return "gone";
      throw err;
    }
  }

  /** Closes a connection; a connection already gone is fine. */
  public async close(connectionId: string): Promise<void> {
    try {
      await this.#client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }
}

function isGone(err: unknown): boolean {
  return err instanceof GoneException || (err as { name?: string }).name === "GoneException";
}
