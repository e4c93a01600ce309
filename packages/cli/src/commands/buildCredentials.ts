import { UsageError } from "../errors.js";
import type { OptionValues } from "../args.js";
import { checkBuildId, requestUploadCredentials } from "../gamelift.js";
import type { CommandContext } from "../types.js";

/** Quotes a value for POSIX shells. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `build credentials <build-id|arn>`: RequestUploadCredentials, printed as shell exports (for
 * `eval "$(matchplace build credentials …)"`) plus the bucket and key. These are the temporary,
 * build-scoped upload credentials; printing them is the command's purpose.
 */
export async function buildCredentials(
  ctx: CommandContext,
  positionals: readonly string[],
  _values: OptionValues,
): Promise<void> {
  if (positionals.length !== 1) throw new UsageError("build credentials takes one <build-id|arn> argument");
  const buildId = checkBuildId(positionals[0] ?? "");
  const connection = await ctx.connect();
  const { credentials, location } = await requestUploadCredentials(connection.gamelift, buildId);
  if (ctx.json) {
    ctx.io.stdout.write(
      `${JSON.stringify({ buildId, ...credentials, bucket: location.bucket, key: location.key }, null, 2)}\n`,
    );
    return;
  }
  const exports: Array<[string, string]> = [
    ["AWS_ACCESS_KEY_ID", credentials.accessKeyId],
    ["AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey],
    ...(credentials.sessionToken === undefined
      ? []
      : [["AWS_SESSION_TOKEN", credentials.sessionToken] as [string, string]]),
    ["GAMELIFT_BUILD_BUCKET", location.bucket],
    ["GAMELIFT_BUILD_KEY", location.key],
    ...(connection.s3Endpoint === undefined
      ? []
      : [["AWS_ENDPOINT_URL_S3", connection.s3Endpoint] as [string, string]]),
  ];
  ctx.io.stdout.write(
    [
      `# temporary upload credentials for ${buildId} (short-lived, this build's location only)`,
      ...exports.map(([name, value]) => `export ${name}=${shellQuote(value)}`),
      `# bucket: ${location.bucket}`,
      `# key:    ${location.key}`,
      `# upload: aws s3 cp build.zip "s3://$GAMELIFT_BUILD_BUCKET/$GAMELIFT_BUILD_KEY"`,
      "",
    ].join("\n"),
  );
}
