import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** Credentials a local game server signs with, and the IAM identity API Gateway would report for them. */
export interface ServerCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** e.g. `arn:aws:iam::123456789012:user/matchplace-local-game-server`. */
  readonly userArn: string;
}

/** A request as received: method, raw (still encoded) path, raw query, lower-case headers, body bytes. */
export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** The verdict: the caller's identity, or why the request is refused. */
export type SigV4Verdict =
  | { readonly ok: true; readonly credential: ServerCredential }
  | { readonly ok: false; readonly reason: string };

/** Largest clock skew API Gateway accepts between `x-amz-date` and now. */
const MAX_SKEW_MS = 5 * 60 * 1000;

const authPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/** SHA-256 / HMAC-SHA-256 in smithy's `HashConstructor` shape, from node:crypto (what `@smithy/hash-node` does). */
export class NodeSha256 {
  readonly #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  public constructor(secret?: string | Uint8Array | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  public update(data: string | Uint8Array | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(toBuffer(data));
  }
  public digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
}

function toBuffer(d: string | Uint8Array | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof d === "string") return Buffer.from(d, "utf8");
  if (d instanceof ArrayBuffer) return Buffer.from(d);
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

function amzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const header = (h: SignedRequest["headers"], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
};

/**
 * Verifies an AWS Signature Version 4 request the way API Gateway's IAM authorization does, for the
 * local stage: the access key must be known, `x-amz-date` within 5 minutes of `now`, a declared
 * `x-amz-content-sha256` equal to the body's hash, and the signature — recomputed with the SDK's own
 * signer (`@smithy/signature-v4`) over the signed headers, path, query and body — equal in constant
 * time. Anything else is refused with a reason (never the expected signature).
 * @example const v = await verifySigV4(request, [credential], Date.now()); if (!v.ok) return forbidden(v.reason);
 */
export async function verifySigV4(
  request: SignedRequest,
  credentials: readonly ServerCredential[],
  now: number,
): Promise<SigV4Verdict> {
  const authorization = header(request.headers, "authorization");
  if (!authorization) return { ok: false, reason: "missing SigV4 Authorization header" };
  const m = authPattern.exec(authorization);
  if (!m) return { ok: false, reason: "Authorization is not an AWS4-HMAC-SHA256 signature" };
  const [, accessKeyId, scopeDate, region, service, signedList, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential) return { ok: false, reason: "unknown access key" };
  if (service !== "execute-api") return { ok: false, reason: "credential scope must name service execute-api" };
  const dateHeader = header(request.headers, "x-amz-date");
  const signedAt = dateHeader === undefined ? undefined : amzDate(dateHeader);
  if (signedAt === undefined || !dateHeader?.startsWith(scopeDate))
    return { ok: false, reason: "missing or malformed x-amz-date" };
  if (Math.abs(now - signedAt) > MAX_SKEW_MS)
    return { ok: false, reason: "signature expired (x-amz-date more than 5 minutes from now)" };
  const signedHeaders = signedList.split(";");
  if (!signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date"))
    return { ok: false, reason: "host and x-amz-date must be signed" };

  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const declared = header(request.headers, "x-amz-content-sha256");
  if (declared !== undefined && declared !== bodyHash)
    return { ok: false, reason: "x-amz-content-sha256 does not match the body" };

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of request.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: credential.secretAccessKey },
    region,
    service,
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: headers["host"] ?? "",
      path: request.path,
      query,
      headers,
      body: request.body,
    },
    { signingDate: new Date(signedAt), signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers["authorization"] ?? ""))?.[1] ?? "";
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(signature, "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: "signature does not match" };
  return { ok: true, credential };
}
