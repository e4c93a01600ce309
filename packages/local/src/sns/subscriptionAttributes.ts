/**
 * A subscription's settable attributes (Subscribe `Attributes`, Get/SetSubscriptionAttributes) and
 * how SNS reports them. Pure: no I/O.
 */
import { SnsError } from "./errors.js";
import { FilterPolicyError, parseFilterPolicy, type FilterPolicy, type FilterPolicyScope } from "./filterPolicy.js";

/** What a subscription's attributes decide, parsed. */
export interface SubscriptionSettings {
  /** The policy as set (reported back verbatim). */
  readonly filterPolicyText?: string;
  readonly filterPolicy?: FilterPolicy;
  readonly filterPolicyScope: FilterPolicyScope;
  readonly rawMessageDelivery: boolean;
  /** Attributes stored and reported but not acted on locally (DeliveryPolicy, RedrivePolicy, ...). */
  readonly other: Readonly<Record<string, string>>;
}

/** Attributes SNS accepts that the local SNS stores without acting on them. */
const STORED_ONLY = new Set(["DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy"]);

/** A subscription's settings before any attribute is set. */
export function defaultAttributes(): SubscriptionSettings {
  return { filterPolicyScope: "MessageAttributes", rawMessageDelivery: false, other: {} };
}

function policy(text: string, scope: FilterPolicyScope): FilterPolicy | undefined {
  try {
    return parseFilterPolicy(text, scope);
  } catch (err) {
    if (err instanceof FilterPolicyError) throw new SnsError("InvalidParameter", err.message);
    throw err;
  }
}

/**
 * Sets one attribute; throws `InvalidParameter` for an unknown name or a bad value, as SNS does.
 * @example applyAttribute(defaultAttributes(), "FilterPolicy", '{"type":["TicketCompleted"]}')
 */
export function applyAttribute(settings: SubscriptionSettings, name: string, value: string): SubscriptionSettings {
  switch (name) {
    case "FilterPolicy": {
      const parsed = policy(value, settings.filterPolicyScope);
      const rest: SubscriptionSettings = {
        filterPolicyScope: settings.filterPolicyScope,
        rawMessageDelivery: settings.rawMessageDelivery,
        other: settings.other,
      };
      return parsed ? { ...rest, filterPolicy: parsed, filterPolicyText: value } : rest;
    }
    case "FilterPolicyScope": {
      if (value !== "MessageAttributes" && value !== "MessageBody") {
        throw new SnsError(
          "InvalidParameter",
          "Invalid parameter: FilterPolicyScope: Invalid value [" +
            value +
            "]. Please use either MessageBody or MessageAttributes",
        );
      }
      // The same policy may mean something else (or be invalid) in the other scope.
      const parsed = settings.filterPolicyText === undefined ? undefined : policy(settings.filterPolicyText, value);
      return { ...settings, filterPolicyScope: value, ...(parsed ? { filterPolicy: parsed } : {}) };
    }
    case "RawMessageDelivery": {
      const v = value.toLowerCase();
      if (v !== "true" && v !== "false")
        throw new SnsError(
          "InvalidParameter",
          `Invalid parameter: RawMessageDelivery: Invalid value [${value}]. Must be true or false.`,
        );
      return { ...settings, rawMessageDelivery: v === "true" };
    }
    default:
      if (!STORED_ONLY.has(name)) throw new SnsError("InvalidParameter", `Invalid parameter: AttributeName`);
      return { ...settings, other: { ...settings.other, [name]: value } };
  }
}

/** GetSubscriptionAttributes' answer. */
export function renderSubscriptionAttributes(
  sub: {
    readonly arn: string;
    readonly topicArn: string;
    readonly protocol: string;
    readonly endpoint: string;
    readonly pendingConfirmation: boolean;
  },
  settings: SubscriptionSettings,
  accountId: string,
): Record<string, string> {
  return {
    SubscriptionArn: sub.arn,
    TopicArn: sub.topicArn,
    Owner: accountId,
    Protocol: sub.protocol,
    Endpoint: sub.endpoint,
    PendingConfirmation: String(sub.pendingConfirmation),
    ConfirmationWasAuthenticated: String(!sub.pendingConfirmation),
    RawMessageDelivery: String(settings.rawMessageDelivery),
    ...(settings.filterPolicyText !== undefined
      ? { FilterPolicy: settings.filterPolicyText, FilterPolicyScope: settings.filterPolicyScope }
      : {}),
    ...settings.other,
  };
}
