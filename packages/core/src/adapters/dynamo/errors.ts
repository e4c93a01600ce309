/** Base class of the DynamoDB adapter's errors. */
export class StoreError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** `create` found an item with the same key already stored. */
export class ItemExistsError extends StoreError {
  public readonly kind: "TICKET" | "PLACEMENT";
  public readonly id: string;
  public constructor(kind: "TICKET" | "PLACEMENT", id: string, options?: { cause?: unknown }) {
    super(`${kind.toLowerCase()} ${id} already exists`, options);
    this.name = "ItemExistsError";
    this.kind = kind;
    this.id = id;
  }
}

/** True for the SDK's conditional-check failure (by name, so core never imports SDK error types). */
export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === "ConditionalCheckFailedException";
}
