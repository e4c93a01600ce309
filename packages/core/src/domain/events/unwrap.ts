/** One message pulled out of a Lambda delivery, still undecoded. */
export interface RawMessage {
  /** How it arrived. */
  readonly via: "sns" | "eventbridge" | "sqs" | "raw";
  /** Transport message id (SNS MessageId / SQS messageId), when there is one. */
  readonly transportId?: string;
  /** The envelope: a JSON string (SNS `Message`) or an object (EventBridge). */
  readonly body: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Pulls the GameLift envelopes out of whatever carried them: a Lambda SNS event (`Records[].Sns`),
 * an EventBridge-direct envelope, an SNS notification JSON (`{Type:"Notification", Message}`, as
 * found in an SNS subscription DLQ), or an SQS event whose bodies are any of these (a Lambda
 * on-failure DLQ stores the original invocation event). Anything else comes back as one `raw`
 * message so decoding can report it as poison.
 */
export function unwrapDelivery(input: unknown, depth = 0): RawMessage[] {
  if (depth > 3) return [{ via: "raw", body: input }];
  if (typeof input === "string") {
    try {
      return unwrapDelivery(JSON.parse(input), depth + 1);
    } catch {
      return [{ via: "raw", body: input }];
    }
  }
  if (!isRecord(input)) return [{ via: "raw", body: input }];
  const records = input["Records"];
  if (Array.isArray(records)) {
    return records.flatMap((r: unknown): RawMessage[] => {
      if (isRecord(r) && isRecord(r["Sns"])) {
        const sns = r["Sns"];
        const id = typeof sns["MessageId"] === "string" ? sns["MessageId"] : undefined;
        return [{ via: "sns", ...(id ? { transportId: id } : {}), body: sns["Message"] }];
      }
      if (isRecord(r) && typeof r["body"] === "string") {
        const id = typeof r["messageId"] === "string" ? r["messageId"] : undefined;
        return unwrapDelivery(r["body"], depth + 1).map((m) => ({
          ...m,
          via: "sqs" as const,
          ...(id ? { transportId: id } : {}),
        }));
      }
      return [{ via: "raw", body: r }];
    });
  }
  if (typeof input["detail-type"] === "string") return [{ via: "eventbridge", body: input }];
  // A Lambda on-failure destination record: the original invocation event is `requestPayload`.
  if (isRecord(input["requestContext"]) && "requestPayload" in input)
    return unwrapDelivery(input["requestPayload"], depth + 1);
  if (input["Type"] === "Notification" && "Message" in input) {
    const id = typeof input["MessageId"] === "string" ? input["MessageId"] : undefined;
    return [{ via: "sns", ...(id ? { transportId: id } : {}), body: input["Message"] }];
  }
  return [{ via: "raw", body: input }];
}
