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
