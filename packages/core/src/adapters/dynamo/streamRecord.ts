import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { ItemChange } from "../../domain/realtime/types.js";
import { partyFromItem } from "./partyItem.js";
import { placementFromItem } from "./placementItem.js";
import { ticketFromItem } from "./ticketItem.js";

/** The part of a DynamoDB Streams record the realtime dispatcher reads (`Records[].dynamodb`). */
export interface StreamImages {
  readonly Keys?: Record<string, unknown>;
  readonly NewImage?: Record<string, unknown>;
  readonly OldImage?: Record<string, unknown>;
}

/** A stream record that names a pushed item kind but cannot be read as one. */
export class UnreadableStreamRecordError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UnreadableStreamRecordError";
  }
}

const image = (raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
  raw === undefined ? undefined : unmarshall(raw as Record<string, AttributeValue>);

/**
 * Decodes a stream record of the single table into the change it describes: a ticket, placement or
 * party written (old and new image). `undefined` for other items and for deletions.
 * @throws UnreadableStreamRecordError for a pushed kind whose image is malformed (a poison record).
 */
export function itemChangeOf(record: StreamImages): ItemChange | undefined {
  const keys = image(record.Keys);
  const pk = typeof keys?.["pk"] === "string" ? keys["pk"] : "";
  const sk = typeof keys?.["sk"] === "string" ? keys["sk"] : "";
  const kind =
    pk.startsWith("TICKET#") && sk === "TICKET"
      ? "ticket"
      : pk.startsWith("PLACEMENT#") && sk === "PLACEMENT"
        ? "placement"
        : pk.startsWith("PARTY#") && sk === "PARTY"
          ? "party"
          : undefined;
  if (kind === undefined) return undefined;
  let after: Record<string, unknown> | undefined;
  let before: Record<string, unknown> | undefined;
  try {
    after = image(record.NewImage);
    before = image(record.OldImage);
  } catch (err) {
    throw new UnreadableStreamRecordError(
      `stream record of ${pk} has an image that is not in the AttributeValue form`,
      { cause: err },
    );
  }
  if (after === undefined) return undefined;
  switch (kind) {
    case "ticket": {
      const t = ticketFromItem(after);
      if (!Array.isArray(after["playerIds"]) || typeof after["ticketId"] !== "string")
        throw new UnreadableStreamRecordError(`ticket item ${pk} lacks ticketId or playerIds`);
      return { kind, after: t, ...(before === undefined ? {} : { before: ticketFromItem(before) }) };
    }
    case "placement": {
      if (!Array.isArray(after["playerIds"]) || typeof after["placementId"] !== "string")
        throw new UnreadableStreamRecordError(`placement item ${pk} lacks placementId or playerIds`);
      return {
        kind,
        after: placementFromItem(after),
        ...(before === undefined ? {} : { before: placementFromItem(before) }),
      };
    }
    case "party": {
      if (!Array.isArray(after["memberIds"]) || typeof after["partyId"] !== "string")
        throw new UnreadableStreamRecordError(`party item ${pk} lacks partyId or memberIds`);
      return { kind, after: partyFromItem(after), ...(before === undefined ? {} : { before: partyFromItem(before) }) };
    }
  }
}
