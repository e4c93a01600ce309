/**
 * The SNS Query API (what `aws sns ... --endpoint-url` and `@aws-sdk/client-sns`, whose SNS
 * protocol is awsQuery, send): form-encoded `Action=...` parameters in, SNS's XML out.
 */
import { randomUUID } from "node:crypto";
import type { LocalSns } from "./LocalSns.js";
import { SnsError } from "./errors.js";
import type { MessageAttributes, MessageAttributeValue } from "./filterPolicy.js";

const NS = "http://sns.amazonaws.com/doc/2010-03-31/";
const MAX_MESSAGE_BYTES = 262_144;

const esc = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function ok(action: string, result?: string): [number, string] {
  const id = randomUUID();
  const body = result === undefined ? "" : `<${action}Result>${result}</${action}Result>`;
  return [
    200,
    `<?xml version="1.0"?>\n<${action}Response xmlns="${NS}">${body}<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${action}Response>`,
  ];
}

function fail(status: number, code: string, message: string): [number, string] {
  return [
    status,
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  ];
}

const entries = (attributes: Record<string, string>): string =>
  `<Attributes>${Object.entries(attributes)
    .map(([k, v]) => `<entry><key>${esc(k)}</key><value>${esc(v)}</value></entry>`)
    .join("")}</Attributes>`;

/** `Prefix.entry.N.<key>` / `.<value>` pairs of a Query map parameter, in N order. */
function queryMap(params: URLSearchParams, prefix: string, keyName: string, valueName: string): Map<string, string> {
  const found = new Map<string, string>();
  for (let n = 1; params.has(`${prefix}.entry.${n}.${keyName}`); n++) {
    found.set(
      params.get(`${prefix}.entry.${n}.${keyName}`) ?? "",
      params.get(`${prefix}.entry.${n}.${valueName}`) ?? "",
    );
  }
  return found;
}

/** Publish's `MessageAttributes.entry.N.Name` / `.Value.DataType` / `.Value.StringValue` / `.Value.BinaryValue`. */
function parseMessageAttributes(params: URLSearchParams): MessageAttributes {
  const attributes: Record<string, MessageAttributeValue> = {};
  for (let n = 1; params.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const at = `MessageAttributes.entry.${n}`;
    const name = params.get(`${at}.Name`) ?? "";
    const dataType = params.get(`${at}.Value.DataType`) ?? "";
    const stringValue = params.get(`${at}.Value.StringValue`);
    const binaryValue = params.get(`${at}.Value.BinaryValue`);
    const base = dataType.split(".")[0];
    if (!["String", "Number", "Binary"].includes(base ?? "")) {
      throw new SnsError(
        "ParameterValueInvalid",
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    if (base === "Binary" ? binaryValue === null : stringValue === null || stringValue === "") {
      throw new SnsError(
        "ParameterValueInvalid",
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`,
      );
    }
    if (base === "Number" && !Number.isFinite(Number(stringValue))) {
      throw new SnsError("ParameterValueInvalid", `Could not cast message attribute '${name}' value to number.`);
    }
    if (dataType === "String.Array") {
      let list: unknown;
      try {
        list = JSON.parse(stringValue ?? "");
      } catch {
        list = undefined;
      }
      if (!Array.isArray(list))
        throw new SnsError(
          "ParameterValueInvalid",
          `The message attribute '${name}' with type 'String.Array' must use field 'String' with a JSON array.`,
        );
    }
    attributes[name] =
      base === "Binary"
        ? { DataType: dataType, BinaryValue: binaryValue ?? "" }
        : { DataType: dataType, StringValue: stringValue ?? "" };
  }
  return attributes;
}

function listSubscriptions(sns: LocalSns, action: string, topicArn?: string): [number, string] {
  const members = sns
    .subscriptions(topicArn)
    .map(
      (s) =>
        `<member><SubscriptionArn>${esc(s.pendingConfirmation ? "PendingConfirmation" : s.arn)}</SubscriptionArn><Owner>${esc(s.arn.split(":")[4] ?? "")}</Owner>` +
        `<Protocol>${s.protocol}</Protocol><Endpoint>${esc(s.endpoint)}</Endpoint><TopicArn>${esc(s.topicArn)}</TopicArn></member>`,
    );
  return ok(action, `<Subscriptions>${members.join("")}</Subscriptions>`);
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === "")
    throw new SnsError("InvalidParameter", `Invalid parameter: ${name} Reason: no value for required parameter`);
  return value;
}

function action(sns: LocalSns, params: URLSearchParams): [number, string] {
  const name = params.get("Action") ?? "";
  const topicArn = params.get("TopicArn") ?? "";
  const topicMustExist = (): void => {
    if (!sns.hasTopic(topicArn)) throw new SnsError("NotFound", "Topic does not exist", 404);
  };
  switch (name) {
    case "CreateTopic": {
      const topic = params.get("Name") ?? "";
      if (!/^[A-Za-z0-9_-]{1,256}$/.test(topic)) return fail(400, "InvalidParameter", "Invalid parameter: Topic Name");
      return ok(name, `<TopicArn>${esc(sns.createTopic(topic))}</TopicArn>`);
    }
    case "ListTopics":
      return ok(
        name,
        `<Topics>${sns
          .topicArns()
          .map((a) => `<member><TopicArn>${esc(a)}</TopicArn></member>`)
          .join("")}</Topics>`,
      );
    case "GetTopicAttributes": {
      topicMustExist();
      const subs = sns.subscriptions(topicArn);
      const confirmed = subs.filter((s) => !s.pendingConfirmation).length;
      return ok(
        name,
        entries({
          TopicArn: topicArn,
          SubscriptionsConfirmed: String(confirmed),
          SubscriptionsPending: String(subs.length - confirmed),
          SubscriptionsDeleted: "0",
        }),
      );
    }
    case "ListSubscriptionsByTopic":
      topicMustExist();
      return listSubscriptions(sns, name, topicArn);
    case "ListSubscriptions":
      return listSubscriptions(sns, name);
    case "Subscribe": {
      topicMustExist();
      const protocol = required(params, "Protocol").toLowerCase();
      if (protocol !== "http" && protocol !== "https") {
        return fail(
          400,
          "InvalidParameter",
          `Invalid parameter: Protocol: the local SNS delivers to http and https endpoints (got ${protocol})`,
        );
      }
      const attributes = Object.fromEntries(queryMap(params, "Attributes", "key", "value"));
      const sub = sns.subscribeEndpoint(topicArn, protocol, required(params, "Endpoint"), attributes);
      const returnArn = params.get("ReturnSubscriptionArn") === "true";
      return ok(
        name,
        `<SubscriptionArn>${esc(sub.pendingConfirmation && !returnArn ? "pending confirmation" : sub.arn)}</SubscriptionArn>`,
      );
    }
    case "ConfirmSubscription":
      topicMustExist();
      return ok(
        name,
        `<SubscriptionArn>${esc(sns.confirmSubscription(topicArn, required(params, "Token")))}</SubscriptionArn>`,
      );
    case "Unsubscribe":
      sns.unsubscribe(required(params, "SubscriptionArn"));
      return ok(name);
    case "GetSubscriptionAttributes":
      return ok(name, entries(sns.subscriptionAttributes(required(params, "SubscriptionArn"))));
    case "SetSubscriptionAttributes":
      sns.setSubscriptionAttribute(
        required(params, "SubscriptionArn"),
        required(params, "AttributeName"),
        params.get("AttributeValue") ?? "",
      );
      return ok(name);
    case "Publish": {
      if (!topicArn)
        return fail(
          400,
          "InvalidParameter",
          "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
        );
      topicMustExist();
      const message = params.get("Message");
      if (message === null || message.length === 0)
        return fail(400, "InvalidParameter", "Invalid parameter: Empty message");
      const messageAttributes = parseMessageAttributes(params);
      if (Buffer.byteLength(message) + Buffer.byteLength(JSON.stringify(messageAttributes)) > MAX_MESSAGE_BYTES) {
        return fail(400, "InvalidParameter", "Invalid parameter: Message too long");
      }
      const subject = params.get("Subject");
      const id = sns.publish(topicArn, message, { ...(subject !== null ? { subject } : {}), messageAttributes });
      return ok(name, `<MessageId>${id}</MessageId>`);
    }
    default:
      return fail(400, "InvalidAction", `The action ${name || "(none)"} is not valid for this endpoint.`);
  }
}

/** One SNS Query-protocol action: `[status, xml]`. */
export function snsAction(sns: LocalSns, params: URLSearchParams): [number, string] {
  try {
    return action(sns, params);
  } catch (err) {
    if (err instanceof SnsError) return fail(err.status, err.code, err.message);
    throw err;
  }
}
