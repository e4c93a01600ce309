import { InvalidRequestException } from "../errors.js";

/** One page of a list and the token for the next, as list/describe operations return them. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Pages a stable list by `Limit`/`NextToken`. Tokens are opaque offsets; a token that does not
 * come from this list is an `InvalidRequestException`.
 */
export function paginate<T>(
  all: readonly T[],
  limit: number | undefined,
  token: string | undefined,
  maxLimit = 100,
): Page<T> {
  let start = 0;
  if (token !== undefined) {
    const m = /^offset-(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (!m?.[1]) throw new InvalidRequestException("Invalid NextToken.");
    start = Number(m[1]);
  }
  const size = Math.min(limit ?? maxLimit, maxLimit);
  const items = all.slice(start, start + size);
  const next = start + size;
  return next < all.length ? { items, nextToken: Buffer.from(`offset-${next}`).toString("base64url") } : { items };
}
