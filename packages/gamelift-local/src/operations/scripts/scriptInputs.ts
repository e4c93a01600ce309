import { z } from "zod";
import type { ScriptRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { blob, s3Location } from "../shapes.js";
import type { EmulatorContext } from "../../engines/context.js";

/** The content members of CreateScript / UpdateScript. */
export const scriptContentInput = z.object({ StorageLocation: s3Location.optional(), ZipFile: blob.optional() });

/**
 * Applies a ZipFile or StorageLocation to a script: a zip is kept (by size) at a GameLift-owned
 * location; the caller's own location is recorded as given.
 */
export function applyScriptContent(
  ctx: EmulatorContext,
  script: ScriptRecord,
  input: z.output<typeof scriptContentInput>,
): void {
  if (input.ZipFile && input.StorageLocation)
    throw new InvalidRequestException("Specify either ZipFile or StorageLocation, not both.");
  if (input.ZipFile) {
    if (input.ZipFile.length > 5_000_000) throw new InvalidRequestException("ZipFile must be at most 5,000,000 bytes.");
    script.SizeOnDisk = input.ZipFile.length;
    script.StorageLocation = {
      Bucket: ctx.settings?.s3?.bucket ?? `gamelift-builds-${ctx.region}-${ctx.accountId}`,
      Key: `${ctx.accountId}/${script.ScriptId}`,
    };
  } else if (input.StorageLocation) {
    const { Bucket, Key, RoleArn, ObjectVersion } = input.StorageLocation;
    if (!Bucket || !Key) throw new InvalidRequestException("StorageLocation needs a Bucket and a Key.");
    script.SizeOnDisk = 0;
    script.StorageLocation = { Bucket, Key, RoleArn, ObjectVersion };
  }
}
