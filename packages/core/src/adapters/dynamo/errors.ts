import { ConflictError } from "../../errors.js";

/** `create` found an item with the same key already stored (code `ALREADY_EXISTS`). */
export class ItemExistsError extends ConflictError {
  public readonly kind: "TICKET" | "PLACEMENT";
  public readonly id: string;
  public constructor(kind: "TICKET" | "PLACEMENT", id: string, options?: { cause?: unknown }) {
    super("ALREADY_EXISTS", `${kind.toLowerCase()} ${id} already exists`, {
      cause: options?.cause,
      details: { [kind === "TICKET" ? "ticketId" : "placementId"]: id },
    });
    this.name = "ItemExistsError";
    this.kind = kind;
    this.id = id;
  }
}

/** True for the SDK's conditional-check failure (by name, so core never imports SDK error types). */
export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === "ConditionalCheckFailedException";
}

/**
 * The `playersKey` of the item a failed conditional write saw (`ReturnValuesOnConditionCheckFailure:
 * ALL_OLD`), or `undefined` when the error carries no item or the item has no key.
 */
export function playersKeyOfFailedItem(err: unknown): string | undefined {
  const item = (err as { Item?: Record<string, { S?: unknown } | undefined> }).Item;
  const key = item?.["playersKey"]?.S;
  return typeof key === "string" ? key : undefined;
}
