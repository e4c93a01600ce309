import type { Patch } from "../../domain/events/guard.js";
import { TERMINAL_RANK } from "../../domain/events/guard.js";
import { eventIdAttributeOf } from "./eventIdSlots.js";

/** The expression parts of one UpdateItem call. */
export interface UpdateParts {
  readonly UpdateExpression: string;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues: Record<string, unknown>;
}

/** Storage-only attributes added next to the patch. */
export interface StorageExtras {
  readonly pendingShard: string;
  /** TTL epoch seconds, used when the patch is terminal. */
  readonly expiresAt: number;
  /** Index keys derived from the event (e.g. `gameSessionKey`), set with the patch. */
  readonly indexKeys?: Readonly<Record<string, string>>;
}

/**
 * Turns a domain {@link Patch} into one conditional UpdateItem. The ConditionExpression is
 * `guardAllows` (domain/events/guard.ts) written for DynamoDB:
 *
 *   attribute_not_exists(pk)                         -- `attribute_exists(pk) AND (…)` when the event may not create
 *   OR ( [(attribute_not_exists(playersKey) OR playersKey = :pk) AND]        -- the event names players
 *        (attribute_not_exists(statusRank) OR statusRank < :term)
 *        [AND (attribute_not_exists(eventIdNN) OR eventIdNN <> :id)]         -- non-terminal with id (its slot)
 *        [AND (attribute_not_exists(eventAt) OR eventAt < :t
 *              OR (eventAt = :t AND statusRank <= :r))] )                    -- non-terminal only
 *
 * Placeholders are numbered (`:v0`…); equal scalars share one, so `:t`/`:r` above are the very
 * placeholders the SET clause writes to `eventAt`/`statusRank`.
 */
export function buildUpdate<T>(patch: Patch<T>, extras: StorageExtras): UpdateParts {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  const name = (attr: string): string => {
    const key = `#${attr.replace(/[^A-Za-z0-9_]/g, "_")}`;
    names[key] = attr;
    return key;
  };
  // Equal scalars share one placeholder (heardAt/updatedAt, the guard's rank/time in SET and
  // condition), which keeps the request and the expression DynamoDB parses small.
  const scalars = new Map<unknown, string>();
  const value = (v: unknown): string => {
    const scalar = typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    const known = scalar ? scalars.get(v) : undefined;
    if (known !== undefined) return known;
    const key = `:v${n}`;
    n += 1;
    values[key] = v;
    if (scalar) scalars.set(v, key);
    return key;
  };
  const setKeys = new Set<string>();
  for (const [k, v] of Object.entries(patch.set)) {
    if (v === undefined) continue;
    setKeys.add(k);
    sets.push(`${name(k)} = ${value(v)}`);
  }
  for (const [k, v] of Object.entries(patch.setIfNotExists)) {
    if (v === undefined || setKeys.has(k)) continue;
    const nk = name(k);
    sets.push(`${nk} = if_not_exists(${nk}, ${value(v)})`);
  }
  for (const k of patch.remove) if (!setKeys.has(k)) removes.push(name(k));
  for (const [k, v] of Object.entries(extras.indexKeys ?? {})) sets.push(`${name(k)} = ${value(v)}`);

  const g = patch.guard;
  sets.push(`${name("statusRank")} = ${value(g.rank)}`, `${name("eventAt")} = ${value(g.time)}`);
  if (g.eventId !== undefined) {
    sets.push(`${name(eventIdAttributeOf(g.eventId))} = ${value(g.eventId)}`);
  }
  if (g.playersKey !== undefined)
    sets.push(`${name("playersKey")} = if_not_exists(${name("playersKey")}, ${value(g.playersKey)})`);
  // An item an event may create could be junk: it expires unless it turns terminal first (which resets expiresAt).
  if (g.create !== false && !patch.terminal)
    sets.push(`${name("expiresAt")} = if_not_exists(${name("expiresAt")}, ${value(extras.expiresAt)})`);
  if (patch.terminal) {
    sets.push(`${name("expiresAt")} = ${value(extras.expiresAt)}`);
    removes.push(name("pendingShard"));
  } else {
    sets.push(`${name("pendingShard")} = ${value(extras.pendingShard)}`);
  }

  const pk = name("pk");
  const rank = name("statusRank");
  const clauses = [`(attribute_not_exists(${rank}) OR ${rank} < ${value(TERMINAL_RANK)})`];
  if (g.playersKey !== undefined) {
    const pks = name("playersKey");
    clauses.unshift(`(attribute_not_exists(${pks}) OR ${pks} = ${value(g.playersKey)})`);
  }
  if (g.rank < TERMINAL_RANK) {
    if (g.eventId !== undefined) {
      const slot = name(eventIdAttributeOf(g.eventId));
      clauses.push(`(attribute_not_exists(${slot}) OR ${slot} <> ${value(g.eventId)})`);
    }
    const at = name("eventAt");
    const t = value(g.time);
    clauses.push(`(attribute_not_exists(${at}) OR ${at} < ${t} OR (${at} = ${t} AND ${rank} <= ${value(g.rank)}))`);
  }
  // DynamoDB rejects redundant parentheses, so only wrap a conjunction.
  const open = clauses.length === 1 ? clauses.join("") : `(${clauses.join(" AND ")})`;
  // Every landed write is a change someone may see: the realtime channel orders messages by it.
  const add = `${name("version")} ${value(1)}`;
  return {
    UpdateExpression: `SET ${sets.join(", ")} ADD ${add}${removes.length > 0 ? ` REMOVE ${removes.join(", ")}` : ""}`,
    ConditionExpression:
      g.create === false ? `attribute_exists(${pk}) AND ${open}` : `attribute_not_exists(${pk}) OR ${open}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
