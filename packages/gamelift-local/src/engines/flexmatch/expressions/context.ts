/** The match view that property expressions and rules are evaluated against. */
import type { AttributeValue } from "../types.js";

/** A player being evaluated; `ticket` links party members together. */
export interface EvalPlayer {
  readonly kind: "player";
  readonly playerId: string;
  readonly ticket: EvalTicket;
  /** Declared attributes with defaults applied. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly latencyInMs?: Readonly<Record<string, number>>;
}

/** A ticket being evaluated; `cache` (created on first use) memoizes party-aggregated values. */
export interface EvalTicket {
  readonly ticketId: string;
  readonly players: EvalPlayer[];
  cache?: Map<string, PlayerValue>;
}

/** A team of a (possibly partial) match. `base` is the declared name before quantity numbering. */
export interface EvalTeam {
  readonly name: string;
  readonly base: string;
  readonly players: EvalPlayer[];
}

/** A (possibly partial) match. */
export interface MatchView {
  readonly teams: readonly EvalTeam[];
}

/** A string-number map value. */
interface MapValue {
  readonly kind: "map";
  readonly map: Readonly<Record<string, number>>;
}

/** One player's attribute value as seen by expressions. Lists are string lists. */
export type PlayerValue = number | string | string[] | MapValue | undefined;

/** Any value an expression produces. */
export type Value = number | string | MapValue | EvalPlayer | Value[];

/** How a party's values stand in for each member's value (the rule's `partyAggregation`). */
export type PartyAggregation = "min" | "max" | "avg" | "union" | "intersection";
