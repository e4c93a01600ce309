import type { EmulatorContext } from "../context.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import type { BuildRecord, UploadCredentialRecord } from "../state/records.js";

/** Letters and digits from the id source (the emulator never calls Math.random). */
function randomChars(ctx: EmulatorContext, length: number, upper = false): string {
  let out = "";
  while (out.length < length) out += ctx.ids.uuid().replace(/-/g, "");
  out = out.slice(0, length);
  return upper ? out.toUpperCase() : out;
}

/**
 * Issues fresh temporary credentials that may write only this build's S3 key (prefix), for
 * `uploadCredentialsTtlMs`. Earlier credentials of the build stay valid until they expire.
 */
export function issueUploadCredentials(ctx: EmulatorContext, build: BuildRecord): UploadCredentialRecord {
  const record: UploadCredentialRecord = {
    AccessKeyId: `ASIA${randomChars(ctx, 16, true)}`,
    SecretAccessKey: randomChars(ctx, 40),
    SessionToken: `IQoJb3JpZ2luX2VjE${randomChars(ctx, 120)}`,
    BuildId: build.BuildId,
    Bucket: build.StorageLocation.Bucket,
    KeyPrefix: build.StorageLocation.Key,
    ExpiresAt: ctx.clock.now() + settingsOf(ctx).uploadCredentialsTtlMs,
  };
  const store = collections(ctx.store).uploadCredentials;
  // Expired sets are kept a day (so S3 can still answer ExpiredToken), then dropped.
  for (const c of store.values()) if (c.ExpiresAt < ctx.clock.now() - 86_400_000) store.delete(c.AccessKeyId);
  return store.put(record.AccessKeyId, record);
}

/** What the S3 proxy knows about a request. */
export interface UploadRequest {
  readonly accessKeyId?: string;
  readonly sessionToken?: string;
  readonly bucket?: string;
  readonly key?: string;
}

/** An S3 error reply. */
export interface S3Denial {
  readonly status: number;
  readonly code: "AccessDenied" | "ExpiredToken" | "InvalidAccessKeyId" | "InvalidToken";
  readonly message: string;
}

/**
 * Decides whether an S3 request may go through: credentials must exist, carry their session
 * token, be unexpired, and name an object under their build's key. Returns the denial, or
 * `undefined` when allowed.
 */
export function authorizeUpload(ctx: EmulatorContext, req: UploadRequest): S3Denial | undefined {
  if (!req.accessKeyId) return { status: 403, code: "AccessDenied", message: "Anonymous access is not allowed." };
  const cred = collections(ctx.store).uploadCredentials.get(req.accessKeyId);
  if (!cred)
    return {
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  if (req.sessionToken !== cred.SessionToken)
    return { status: 400, code: "InvalidToken", message: "The provided token is malformed or otherwise invalid." };
  if (ctx.clock.now() >= cred.ExpiresAt)
    return { status: 400, code: "ExpiredToken", message: "The provided token has expired." };
  if (
    req.bucket !== cred.Bucket ||
    !req.key ||
    !(req.key === cred.KeyPrefix || req.key.startsWith(`${cred.KeyPrefix}/`))
  ) {
    return { status: 403, code: "AccessDenied", message: "Access Denied" };
  }
  return undefined;
}
