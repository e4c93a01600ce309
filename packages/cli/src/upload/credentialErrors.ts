/** S3 error codes that mean "these credentials are no longer (or never were) good for this". */
const refusalCodes = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "TokenRefreshRequired",
  "InvalidToken",
  "AccessDenied",
  "InvalidAccessKeyId",
]);

/**
 * The error code when `err` is S3 refusing the request's credentials, else undefined.
 * Reads the SDK's `name` and `Code`.
 */
export function credentialRefusalCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const record = err as { name?: unknown; Code?: unknown };
  for (const code of [record.Code, record.name]) {
    if (typeof code === "string" && refusalCodes.has(code)) return code;
  }
  return undefined;
}
