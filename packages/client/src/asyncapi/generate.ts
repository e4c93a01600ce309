/**
 * Writes docs/asyncapi.json (`npm run asyncapi`): the AsyncAPI 3.0 document of the realtime
 * WebSocket API and the outbound MatchEvents SNS topic, with payload schemas generated from the zod
 * schemas in `../schemas` (realtime.ts, matchEvents.ts). A test fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import {
  PLACEMENT_EVENT_TYPES,
  RESULT_EVENT_TYPES,
  TICKET_EVENT_TYPES,
  clientMessage,
  matchResultRecordedEvent,
  errorMessage,
  matchEvent,
  partyUpdatedMessage,
  pingAction,
  placementMatchEvent,
  placementUpdatedMessage,
  pongMessage,
  resyncAction,
  resyncMessage,
  serverMessage,
  ticketMatchEvent,
  ticketUpdatedMessage,
} from "../schemas/index.js";

type Json = Record<string, unknown>;

/** Where the committed document lives. */
export const asyncApiPath = fileURLToPath(new URL("../../../../docs/asyncapi.json", import.meta.url));

const schemaRef = "#/components/schemas/";

function idOf(schema: z.core.$ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== "string") throw new Error("message schemas must carry .meta({ id })");
  return id;
}

/**
 * Every schema with a `.meta({ id })` as JSON Schema draft-07 (AsyncAPI's default schema format),
 * keeping those reachable from `roots`. Input shapes: what a receiver's zod parser accepts, so
 * additive fields stay compatible.
 */
function schemasFor(roots: z.core.$ZodType[]): Record<string, Json> {
  const out = z.toJSONSchema(z.globalRegistry, {
    target: "draft-7",
    io: "input",
    uri: (id) => `${schemaRef}${id}`,
    unrepresentable: "any",
  });
  const all: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    all[id] = rest;
  }
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const m of JSON.stringify(all[id]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) visit(m[1] ?? "");
  };
  for (const r of roots) visit(idOf(r));
  return Object.fromEntries([...seen].sort().map((id) => [id, all[id] as Json]));
}

interface MessageSpec {
  readonly schema: z.core.$ZodType;
  readonly name: string;
  readonly summary: string;
  readonly headers?: Json;
}

/** The realtime channel's messages, keyed by their name in the channel. */
const realtimeMessages: Record<string, MessageSpec> = {
  ping: {
    schema: pingAction(),
    name: "ping",
    summary:
      "Client → server keepalive; answered with `pong`. Send one every few minutes: API Gateway closes a connection idle for 10 minutes.",
  },
  resync: {
    schema: resyncAction(),
    name: "resync",
    summary:
      "Client → server: send me what is mine now; answered with a `resync` message. Send it after every (re)connect.",
  },
  pong: { schema: pongMessage(), name: "pong", summary: "The answer to `ping`, with the server's clock." },
  resyncResult: {
    schema: resyncMessage(),
    name: "resync",
    summary: "The answer to `resync`: the player's latest ticket, latest placement and party (null when none).",
  },
  ticketUpdated: {
    schema: ticketUpdatedMessage(),
    name: "ticket.updated",
    summary:
      "A ticket of the player changed; the body of GET /v1/matchmaking/{ticketId}. Keep the highest `version` per ticket: pushes may repeat or arrive out of order.",
  },
  placementUpdated: {
    schema: placementUpdatedMessage(),
    name: "placement.updated",
    summary: "A placement of the player changed; the body of GET /v1/placements/{placementId}, with `version`.",
  },
  partyUpdated: {
    schema: partyUpdatedMessage(),
    name: "party.updated",
    summary: "The player's party changed; the body of GET /v1/parties/{partyId}, with `version`.",
  },
  error: {
    schema: errorMessage(),
    name: "error",
    summary:
      "A client message the server could not take (malformed JSON, unknown action, too large). The connection stays open.",
  },
};

const attribute = (description: string, values?: readonly string[]): Json => ({
  type: "string",
  description,
  ...(values ? { enum: [...values] } : {}),
});

/** The MatchEvents topic's messages: body plus SNS message attributes (as `headers`). */
const matchEventMessages: Record<string, MessageSpec> = {
  ticketMatchEvent: {
    schema: ticketMatchEvent(),
    name: "TicketMatchEvent",
    summary: "A ticket changed status. At-least-once: deduplicate on `id`.",
    headers: {
      type: "object",
      description: "SNS message attributes (DataType String), for subscription filter policies.",
      required: ["type", "configurationName"],
      properties: {
        type: attribute("The body's `type`", TICKET_EVENT_TYPES),
        configurationName: attribute("The matchmaking configuration's name"),
      },
    },
  },
  placementMatchEvent: {
    schema: placementMatchEvent(),
    name: "PlacementMatchEvent",
    summary: "A placement changed status. At-least-once: deduplicate on `id`.",
    headers: {
      type: "object",
      description: "SNS message attributes (DataType String), for subscription filter policies.",
      required: ["type", "queueName"],
      properties: {
        type: attribute("The body's `type`", PLACEMENT_EVENT_TYPES),
        queueName: attribute("The game session queue's name"),
      },
    },
  },
  matchResultRecordedEvent: {
    schema: matchResultRecordedEvent(),
    name: "MatchResultRecordedEvent",
    summary:
      "A game server's result was recorded; old and new rating per player. Published by the results route (again on an identical retry): deduplicate on `id`.",
    headers: {
      type: "object",
      description: "SNS message attributes (DataType String), for subscription filter policies.",
      required: ["type", "configurationName"],
      properties: {
        type: attribute("The body's `type`", RESULT_EVENT_TYPES),
        configurationName: attribute("The rating pool: the matchmaking configuration's name"),
      },
    },
  },
};

/** The example subscription filter policy shown on the publish operation (a test checks its values). */
export const exampleFilterPolicy = {
  type: ["TicketCompleted", "TicketFailed", "TicketTimedOut"],
  configurationName: ["arena"],
} as const;

function messageComponent(spec: MessageSpec): Json {
  return {
    name: spec.name,
    title: idOf(spec.schema),
    summary: spec.summary,
    contentType: "application/json",
    ...(spec.headers ? { headers: spec.headers } : {}),
    payload: { $ref: `${schemaRef}${idOf(spec.schema)}` },
  };
}

const channelMessages = (specs: Record<string, MessageSpec>): Json =>
  Object.fromEntries(
    Object.entries(specs).map(([key, spec]) => [key, { $ref: `#/components/messages/${idOf(spec.schema)}` }]),
  );

const realtimeRef = (key: string): Json => ({ $ref: `#/channels/realtime/messages/${key}` });

function operation(
  action: "send" | "receive",
  channel: string,
  summary: string,
  messages: string[],
  extra: Json = {},
): Json {
  return {
    action,
    channel: { $ref: `#/channels/${channel}` },
    summary,
    messages: messages.map((m) => ({ $ref: `#/channels/${channel}/messages/${m}` })),
    ...extra,
  };
}

/**
 * The AsyncAPI 3.0 document. Operations are the backend's: it receives `ping`/`resync` and sends
 * the rest. Deterministic: regenerating unchanged schemas yields identical JSON.
 * @example writeFileSync("docs/asyncapi.json", renderAsyncApi());
 */
export function buildAsyncApiDocument(): Json {
  const specs = [...Object.values(realtimeMessages), ...Object.values(matchEventMessages)];
  return {
    asyncapi: "3.0.0",
    info: {
      title: "matchplace realtime and match events",
      version: "1.0.0",
      description:
        "Two channels. `realtime`: a player's WebSocket (API Gateway WebSocket API) on which the backend pushes that player's ticket, placement and party changes; bodies are exactly the REST API's GET bodies (packages/client/openapi.json), each with a `version` that grows with every visible change. `matchEvents`: an SNS topic with one message per ticket or placement transition, for a studio's own services. Operations are described from the backend's side. Generated from the zod schemas in packages/client/src/schemas by `npm run asyncapi`.",
    },
    defaultContentType: "application/json",
    servers: {
      websocket: {
        host: "{apiId}.execute-api.{region}.amazonaws.com",
        pathname: "/{stage}",
        protocol: "wss",
        description:
          "The stage's WebSocket API (stack output `realtimeUrl`; locally `websocket` in .matchplace/local.json, plain ws://). A connection lives at most 2 hours and closes after 10 idle minutes; messages are at most 128 KB.",
        variables: {
          apiId: { description: "API Gateway API id" },
          region: { default: "us-east-1" },
          stage: { description: "API Gateway stage" },
        },
        security: [{ $ref: "#/components/securitySchemes/token" }],
      },
      sns: {
        host: "sns.{region}.amazonaws.com",
        protocol: "sns",
        description:
          "Amazon SNS in the stage's account and region (locally the stage's SNS endpoint, `sns` in .matchplace/local.json).",
        variables: { region: { default: "us-east-1" } },
      },
    },
    channels: {
      realtime: {
        address: null,
        title: "A player's realtime connection",
        description:
          "Connect to the server URL with `?token=<the player's JWT>` (browsers cannot set handshake headers). A handshake without a valid token is refused with 401 (missing) or 403 (denied); do not retry those. After every (re)connect send `resync`: pushes sent while the socket was down are not replayed.",
        servers: [{ $ref: "#/servers/websocket" }],
        messages: channelMessages(realtimeMessages),
        bindings: {
          ws: {
            method: "GET",
            query: {
              type: "object",
              required: ["token"],
              properties: {
                token: {
                  type: "string",
                  description: "The player's JWT, the same one the REST API takes as a bearer token",
                },
              },
            },
            bindingVersion: "0.1.0",
          },
        },
      },
      matchEvents: {
        address: "{matchEventsTopicArn}",
        title: "MatchEvents",
        description:
          "One message per visible ticket or placement transition, published by the stream dispatcher, and one per recorded match result (`MatchResultRecorded`), published by the results route. Delivery is at-least-once and unordered: deduplicate on `id`, order by `version`. Unless a subscription uses raw message delivery, subscribers get the body as the `Message` string of an SNS notification envelope, with the attributes in `MessageAttributes`.",
        servers: [{ $ref: "#/servers/sns" }],
        parameters: {
          matchEventsTopicArn: {
            description:
              "The topic's ARN: stack output `matchEventsTopicArn`; locally `topics.matchEvents` in .matchplace/local.json",
          },
        },
        messages: channelMessages(matchEventMessages),
        bindings: { sns: { name: "MatchEvents", bindingVersion: "0.1.0" } },
      },
    },
    operations: {
      ping: operation("receive", "realtime", "A client keeps its connection alive.", ["ping"], {
        reply: { channel: { $ref: "#/channels/realtime" }, messages: [realtimeRef("pong")] },
      }),
      resync: operation("receive", "realtime", "A client asks for its current state.", ["resync"], {
        reply: { channel: { $ref: "#/channels/realtime" }, messages: [realtimeRef("resyncResult")] },
      }),
      pushTicket: operation("send", "realtime", "Push a ticket change to each of its players' connections.", [
        "ticketUpdated",
      ]),
      pushPlacement: operation("send", "realtime", "Push a placement change to each of its players' connections.", [
        "placementUpdated",
      ]),
      pushParty: operation("send", "realtime", "Push a party change to each member's connections.", ["partyUpdated"]),
      rejectMessage: operation("send", "realtime", "Tell a client its message was not taken.", ["error"]),
      publishMatchResult: operation(
        "send",
        "matchEvents",
        "Publish a recorded match result with the players' old and new ratings.",
        ["matchResultRecordedEvent"],
      ),
      publishMatchEvent: operation(
        "send",
        "matchEvents",
        "Publish a ticket or placement transition.",
        ["ticketMatchEvent", "placementMatchEvent"],
        {
          bindings: {
            sns: {
              consumers: [
                {
                  protocol: "sqs",
                  endpoint: { name: "rewards" },
                  displayName: "Example subscription: a rewards service that only wants ended arena tickets",
                  filterPolicy: exampleFilterPolicy,
                  filterPolicyScope: "MessageAttributes",
                  rawMessageDelivery: true,
                },
              ],
              bindingVersion: "0.1.0",
            },
          },
        },
      ),
    },
    components: {
      schemas: schemasFor([...specs.map((s) => s.schema), clientMessage(), serverMessage(), matchEvent()]),
      messages: Object.fromEntries(specs.map((s) => [idOf(s.schema), messageComponent(s)])),
      securitySchemes: {
        token: {
          type: "httpApiKey",
          name: "token",
          in: "query",
          description: "The player's JWT; checked once, by a Lambda REQUEST authorizer on $connect.",
        },
      },
    },
  };
}

/** The document as committed (2-space JSON with a trailing newline). */
export function renderAsyncApi(): string {
  return `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(asyncApiPath, renderAsyncApi());
  process.stdout.write(`wrote ${asyncApiPath}\n`);
}
