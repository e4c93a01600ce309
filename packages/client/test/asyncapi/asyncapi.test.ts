import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  asyncApiPath,
  buildAsyncApiDocument,
  exampleFilterPolicy,
  renderAsyncApi,
} from "../../src/asyncapi/generate.js";
import { MATCH_EVENT_TYPES, serverMessage } from "../../src/schemas/index.js";

type Json = Record<string, unknown>;
const doc = buildAsyncApiDocument() as Json & {
  channels: Record<string, { messages: Record<string, { $ref: string }> }>;
  operations: Record<
    string,
    {
      action: string;
      channel: { $ref: string };
      messages: { $ref: string }[];
      reply?: { channel: { $ref: string }; messages: { $ref: string }[] };
    }
  >;
  components: {
    schemas: Record<string, Json>;
    messages: Record<
      string,
      { name: string; payload: { $ref: string }; headers?: { properties: Record<string, { enum?: string[] }> } }
    >;
  };
};

/** Resolves a local JSON pointer (`#/a/b~1c`) in the document, or undefined. */
function resolve(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node !== null && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("AsyncAPI document", () => {
  it("is up to date in docs/asyncapi.json (run `npm run asyncapi`)", () => {
    expect(readFileSync(asyncApiPath, "utf8")).toBe(renderAsyncApi());
  });

  it("is AsyncAPI 3.0.0 whose every $ref resolves inside the document", () => {
    const refs = refsIn(doc);
    expect(doc.asyncapi).toBe("3.0.0");
    expect(doc).toMatchObject({ info: { title: expect.any(String), version: expect.any(String) } });
    expect(refs.length).toBeGreaterThan(30);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
  });

  it("has every operation name messages of its own channel, replies included", () => {
    for (const [id, op] of Object.entries(doc.operations)) {
      expect(["send", "receive"], id).toContain(op.action);
      for (const m of [...op.messages, ...(op.reply?.messages ?? [])]) {
        const channel =
          m.$ref.startsWith(`${op.channel.$ref}/messages/`) ||
          m.$ref.startsWith(`${op.reply?.channel.$ref ?? "-"}/messages/`);
        expect(channel, `${id}: ${m.$ref}`).toBe(true);
      }
    }
  });

  it("describes every message the server sends on the WebSocket, by its `type`", () => {
    const sent = Object.values(doc.channels["realtime"]?.messages ?? {}).map(
      (m) => (resolve(m.$ref) as { name: string }).name,
    );
    const types = serverMessage().def.options.map((o) => o.shape.type.def.values[0]);
    for (const type of types) expect(sent).toContain(type);
    expect(sent).toEqual(expect.arrayContaining(["ping", "resync"]));
  });

  it("generates payloads from the zod schemas: a pushed ticket carries a required version", () => {
    const ticket = doc.components.schemas["Ticket"] as { required: string[] };
    expect(doc.components.messages["TicketUpdatedMessage"]?.payload).toEqual({
      $ref: "#/components/schemas/TicketUpdatedMessage",
    });
    expect(ticket.required).toContain("version");
  });

  it("lists the MatchEvents attributes subscribers filter on, and a filter policy using real values", () => {
    const headers = ["TicketMatchEvent", "PlacementMatchEvent", "MatchResultRecordedEvent"].map(
      (id) => doc.components.messages[id]?.headers?.properties ?? {},
    );
    const types = headers.flatMap((h) => h["type"]?.enum ?? []);
    expect(types.sort()).toEqual([...MATCH_EVENT_TYPES].sort());
    expect(Object.keys(headers[0] ?? {})).toContain("configurationName");
    expect(Object.keys(headers[1] ?? {})).toContain("queueName");
    for (const type of exampleFilterPolicy.type) expect(MATCH_EVENT_TYPES).toContain(type);
  });
});
