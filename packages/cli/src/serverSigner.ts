import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** SigV4 credentials of a game server (on AWS: the fleet role's; locally: `serverCredentials` of local.json). */
export interface ServerSigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** SHA-256 / HMAC-SHA-256 in smithy's `HashConstructor` shape, from node:crypto. */
class Sha256 {
  readonly #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  public constructor(secret?: string | Uint8Array | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  public update(data: string | Uint8Array | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(bytes(data));
  }
  public digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
}

function bytes(d: string | Uint8Array | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof d === "string") return Buffer.from(d, "utf8");
  if (d instanceof ArrayBuffer) return Buffer.from(d);
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

/**
 * POSTs JSON to a game-server route (`/v1/server/...`) signed with SigV4 for `execute-api`, as a game
 * server on a GameLift fleet would with its role's credentials.
 * @example await signedPost(api, creds, "us-east-1", `/v1/server/game-sessions/${encodeURIComponent(arn)}/end`, {});
 */
export async function signedPost(
  baseUrl: string,
  credentials: ServerSigningCredentials,
  region: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  const signer = new SignatureV4({ credentials, region, service: "execute-api", sha256: Sha256 });
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: { host: url.host, "content-type": "application/json" },
    body: payload,
  });
  const res = await fetch(url, { method: "POST", headers: signed.headers as Record<string, string>, body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
