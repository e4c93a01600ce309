/** HTTP conditional reads of the polled routes: the ETag of a view and If-None-Match (→ 304). */

/**
 * A strong ETag of a view (FNV-1a over its JSON): equal views, equal tags.
 * @example etagOf({ a: 1 }) // '"…"'
 */
export function etagOf(view: unknown): string {
  const text = JSON.stringify(view);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `"${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}"`;
}

/** True when an If-None-Match header matches `etag` (handles lists, `*` and weak tags). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = header.split(",").map((t) => t.trim().replace(/^W\//, ""));
  return tags.includes("*") || tags.includes(etag);
}
