import { describe, expect, it } from "vitest";
import {
  FilterPolicyError,
  matchesFilterPolicy,
  parseFilterPolicy,
  type MessageAttributes,
} from "../../src/sns/filterPolicy.js";
import { applyAttribute, defaultAttributes } from "../../src/sns/subscriptionAttributes.js";
import { SnsError } from "../../src/sns/errors.js";

const str = (StringValue: string) => ({ DataType: "String", StringValue });
const num = (StringValue: string) => ({ DataType: "Number", StringValue });

/** A ticket event's attributes as the dispatcher publishes them. */
const ticket: MessageAttributes = {
  type: str("TicketCompleted"),
  configurationName: str("matchplace-ci-arena"),
  players: num("4"),
};

describe("filter policy on message attributes", () => {
  it.each<[string, Record<string, unknown>, MessageAttributes, boolean]>([
    ["exact string", { type: ["TicketCompleted"] }, ticket, true],
    ["one of several strings", { type: ["TicketFailed", "TicketCompleted"] }, ticket, true],
    ["another string", { type: ["TicketFailed"] }, ticket, false],
    ["every key must match (AND)", { type: ["TicketCompleted"], configurationName: ["other"] }, ticket, false],
    ["a missing attribute fails a value condition", { queueName: ["arena"] }, ticket, false],
    ["prefix", { type: [{ prefix: "Ticket" }] }, ticket, true],
    ["prefix that does not match", { type: [{ prefix: "Placement" }] }, ticket, false],
    ["suffix", { configurationName: [{ suffix: "-arena" }] }, ticket, true],
    ["equals-ignore-case", { type: [{ "equals-ignore-case": "ticketcompleted" }] }, ticket, true],
    ["anything-but a value", { type: [{ "anything-but": "TicketFailed" }] }, ticket, true],
    [
      "anything-but the value itself",
      { type: [{ "anything-but": ["TicketCompleted", "TicketFailed"] }] },
      ticket,
      false,
    ],
    ["anything-but a prefix", { type: [{ "anything-but": { prefix: "Ticket" } }] }, ticket, false],
    ["anything-but never matches a missing attribute", { queueName: [{ "anything-but": "x" }] }, ticket, false],
    ["exists: true", { type: [{ exists: true }] }, ticket, true],
    ["exists: true on a missing attribute", { queueName: [{ exists: true }] }, ticket, false],
    ["exists: false on a missing attribute", { queueName: [{ exists: false }] }, ticket, true],
    ["exists: false on a present attribute", { type: [{ exists: false }] }, ticket, false],
    ["numeric exact", { players: [4] }, ticket, true],
    ["numeric range", { players: [{ numeric: [">", 2, "<=", 4] }] }, ticket, true],
    ["numeric range excluding it", { players: [{ numeric: [">=", 5] }] }, ticket, false],
    ["a number condition never matches a String attribute", { type: [4] }, { type: str("4") }, false],
    [
      "String.Array: any element",
      { tags: ["ranked"] },
      { tags: { DataType: "String.Array", StringValue: '["casual","ranked"]' } },
      true,
    ],
    [
      "Binary attributes are not matched",
      { blob: [{ exists: true }] },
      { blob: { DataType: "Binary", BinaryValue: "AAE=" } },
      false,
    ],
    [
      "$or of two policies",
      { $or: [{ type: ["TicketFailed"] }, { configurationName: [{ prefix: "matchplace" }] }] },
      ticket,
      true,
    ],
  ])("%s", (_name, policy, attributes, expected) => {
    expect(
      matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy)), "MessageAttributes", { attributes, body: "{}" }),
    ).toBe(expected);
  });

  it("lets every message through without a policy, or with {}", () => {
    expect(matchesFilterPolicy(undefined, "MessageAttributes", { attributes: {}, body: "x" })).toBe(true);
    expect(parseFilterPolicy("{}")).toBeUndefined();
    expect(parseFilterPolicy("")).toBeUndefined();
  });
});

describe("filter policy on the message body", () => {
  const body = JSON.stringify({
    source: "aws.gamelift",
    detail: { type: "MatchmakingSucceeded", tickets: [{ ticketId: "t1" }], gameSessionInfo: { port: 7777 } },
  });
  it.each<[string, Record<string, unknown>, string, boolean]>([
    ["top-level exact", { source: ["aws.gamelift"] }, body, true],
    ["nested exact", { detail: { type: ["MatchmakingSucceeded"] } }, body, true],
    ["nested mismatch", { detail: { type: ["MatchmakingFailed"] } }, body, false],
    ["through an array of objects", { detail: { tickets: { ticketId: ["t1"] } } }, body, true],
    ["nested numeric", { detail: { gameSessionInfo: { port: [{ numeric: [">", 7000] }] } } }, body, true],
    ["nested exists: false under a missing object", { detail: { placement: { id: [{ exists: false }] } } }, body, true],
    ["a body that is not JSON matches nothing", { source: [{ exists: false }] }, "plain text", false],
  ])("%s", (_name, policy, message, expected) => {
    expect(
      matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy), "MessageBody"), "MessageBody", {
        attributes: {},
        body: message,
      }),
    ).toBe(expected);
  });
});

describe("filter policy validation", () => {
  it.each([
    ["not JSON", "{", /parse JSON/],
    ["not an object", "[1]", /JSON object/],
    ["a bare value", '{"type":"TicketCompleted"}', /Match value/],
    ["an empty array", '{"type":[]}', /Empty arrays/],
    ["an unknown operator", '{"type":[{"wildcard":"x"}]}', /Unrecognized match type/],
    ["a bad numeric", '{"n":[{"numeric":[">"]}]}', /numeric/],
    ["nesting on attributes", '{"detail":{"type":["x"]}}', /Match value/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseFilterPolicy(text)).toThrow(FilterPolicyError);
    expect(() => parseFilterPolicy(text)).toThrow(message);
  });

  it("accepts nesting once the scope is MessageBody, whatever order the attributes come in", () => {
    const nested = '{"detail":{"type":["x"]}}';
    expect(() => applyAttribute(defaultAttributes(), "FilterPolicy", nested)).toThrow(SnsError);
    const body = applyAttribute(defaultAttributes(), "FilterPolicyScope", "MessageBody");
    expect(applyAttribute(body, "FilterPolicy", nested)).toMatchObject({
      filterPolicyScope: "MessageBody",
      filterPolicyText: nested,
    });
  });

  it("rejects unknown subscription attributes and bad values as InvalidParameter", () => {
    for (const [name, value] of [
      ["Colour", "red"],
      ["RawMessageDelivery", "yes"],
      ["FilterPolicyScope", "Body"],
    ] as const) {
      expect(() => applyAttribute(defaultAttributes(), name, value)).toThrow(
        expect.objectContaining({ code: "InvalidParameter" }),
      );
    }
  });
});
