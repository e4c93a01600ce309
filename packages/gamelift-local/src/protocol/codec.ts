import { Encoder } from "cbor-x";

/** The wire protocols the emulator serves; a reply goes out in its request's protocol. */
export type Protocol = "json" | "cbor";

const cbor = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false, pack: false });

/** Deep copy without `undefined` members, mapping leaves with `leaf` (dates, blobs). */
function clean(value: unknown, leaf: (v: Date | Uint8Array) => unknown): unknown {
  if (value instanceof Date || value instanceof Uint8Array) return leaf(value);
  if (Array.isArray(value)) return value.map((v) => clean(v, leaf));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v, leaf);
    return out;
  }
  return value;
}

/** Serializes an operation's output or error body in one protocol. */
export function encodeBody(protocol: Protocol, value: Record<string, unknown>): Buffer {
  if (protocol === "json") {
    const json = clean(value, (v) => (v instanceof Date ? v.getTime() / 1000 : Buffer.from(v).toString("base64")));
    return Buffer.from(JSON.stringify(json), "utf8");
  }
  // cbor-x writes a Date as tag 1 around epoch seconds, which is what RPC v2 CBOR wants.
  return Buffer.from(cbor.encode(clean(value, (v) => v)));
}

/** Parses a request body; an empty body is `{}`. Throws on malformed input. */
export function decodeBody(protocol: Protocol, body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const value: unknown = protocol === "json" ? JSON.parse(body.toString("utf8")) : cbor.decode(body);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError("request body is not an object");
  return value as Record<string, unknown>;
}

/** The response content type of a protocol. */
export function contentType(protocol: Protocol): string {
  return protocol === "json" ? "application/x-amz-json-1.1" : "application/cbor";
}
