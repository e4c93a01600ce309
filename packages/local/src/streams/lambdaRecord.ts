import type { AttributeValue as SdkAttributeValue, _Record as SdkRecord } from "@aws-sdk/client-dynamodb-streams";
import type { AttributeValue, DynamoDBRecord } from "aws-lambda";

/**
 * Turns a record from DynamoDB Streams' GetRecords (as the SDK parses it) into the record Lambda hands
 * an event-source-mapped function: the same fields in the JSON wire form (binary values base64,
 * `ApproximateCreationDateTime` in epoch seconds) plus `eventSourceARN`.
 *
 * @example
 * const event = { Records: out.Records.map((r) => toLambdaRecord(r, streamArn, "us-east-1")) };
 */
export function toLambdaRecord(r: SdkRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  const dynamodb: NonNullable<DynamoDBRecord["dynamodb"]> = {};
  if (d.ApproximateCreationDateTime)
    dynamodb.ApproximateCreationDateTime = Math.floor(d.ApproximateCreationDateTime.getTime() / 1000);
  if (d.Keys) dynamodb.Keys = toWireMap(d.Keys);
  if (d.NewImage) dynamodb.NewImage = toWireMap(d.NewImage);
  if (d.OldImage) dynamodb.OldImage = toWireMap(d.OldImage);
  if (d.SequenceNumber !== undefined) dynamodb.SequenceNumber = d.SequenceNumber;
  if (d.SizeBytes !== undefined) dynamodb.SizeBytes = d.SizeBytes;
  if (d.StreamViewType !== undefined) dynamodb.StreamViewType = d.StreamViewType;
  const out: DynamoDBRecord = {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? "1.1",
    eventSource: r.eventSource ?? "aws:dynamodb",
    // Lambda names the region of the stream, not of the GetRecords call.
    awsRegion: region,
    dynamodb,
    eventSourceARN: streamArn,
  };
  // TTL deletions carry `userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" }`.
  if (r.userIdentity) out.userIdentity = { type: r.userIdentity.Type, principalId: r.userIdentity.PrincipalId };
  return out;
}

function toWireMap(m: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(m)) out[k] = toWire(v);
  return out;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString("base64");

/** The SDK's AttributeValue union (binary as bytes) → the JSON wire form Lambda sends (binary as base64). Never throws. */
function toWire(v: SdkAttributeValue): AttributeValue {
  if (v.S !== undefined) return { S: v.S };
  if (v.N !== undefined) return { N: v.N };
  if (v.BOOL !== undefined) return { BOOL: v.BOOL };
  if (v.NULL !== undefined) return { NULL: v.NULL };
  if (v.B !== undefined) return { B: b64(v.B) };
  if (v.SS !== undefined) return { SS: [...v.SS] };
  if (v.NS !== undefined) return { NS: [...v.NS] };
  if (v.BS !== undefined) return { BS: v.BS.map(b64) };
  if (v.L !== undefined) return { L: v.L.map(toWire) };
  if (v.M !== undefined) return { M: toWireMap(v.M) };
  // The SDK parses `{"M":{}}` (an empty map) into `{}`: the only wire value that reads back as no member.
  if (v.$unknown === undefined) return { M: {} };
  // A member newer than this SDK: pass it on as the wire had it rather than stall the shard.
  const [name, value] = v.$unknown;
  return { [name]: value } as unknown as AttributeValue;
}
