/** A message that cannot be decoded as a GameLift event (not JSON, or not the documented shape). */
export class PoisonMessageError extends Error {
  /** Why each poison message failed to decode. */
  public readonly reasons: readonly string[];
  public constructor(reasons: readonly string[]) {
    super(`${reasons.length} undecodable message(s): ${reasons.join(" | ").slice(0, 500)}`);
    this.name = "PoisonMessageError";
    this.reasons = reasons;
  }
}

/**
 * An event names other players than the stored ticket or placement: it did not come from GameLift
 * for this item. The consumer counts and acknowledges it; nothing was written.
 */
export class ForeignPlayersError extends Error {
  /** `ticket` or `placement`. */
  public readonly kind: "ticket" | "placement";
  /** The item's id. */
  public readonly id: string;
  public constructor(kind: "ticket" | "placement", id: string) {
    super(`the event names other players than ${kind} ${id.slice(0, 64)}`);
    this.name = "ForeignPlayersError";
    this.kind = kind;
    this.id = id;
  }
}
