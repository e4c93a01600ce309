import { z } from "zod";
import { buildArn } from "../../arns.js";
import { issueUploadCredentials } from "../../engines/builds/uploadCredentials.js";
import { collections } from "../../engines/state/collections.js";
import type { BuildRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { operatingSystem, s3Location, tags, text } from "../shapes.js";
import { applyTags } from "../tagging.js";
import type { EmulatorContext } from "../../engines/context.js";
import { buildView } from "../views/resources.js";
import { uploadReply } from "./uploadReply.js";

/** The bucket uploads go to: the local S3's, else the name it would have. */
function uploadBucket(ctx: EmulatorContext): string {
  return ctx.settings?.s3?.bucket ?? `gamelift-builds-${ctx.region}-${ctx.accountId}`;
}

/**
 * CreateBuild. With the caller's own StorageLocation the build turns READY on the next tick;
 * otherwise it returns upload credentials and a location in the local S3, and turns READY once
 * the object is there.
 */
export const CreateBuild = defineOperation(
  z.object({
    Name: text(1, 1024).optional(),
    Version: text(1, 1024).optional(),
    StorageLocation: s3Location.optional(),
    OperatingSystem: operatingSystem.optional(),
    Tags: tags.optional(),
    ServerSdkVersion: z
      .string()
      .max(128)
      .regex(/^\d+\.\d+\.\d+$/)
      .optional(),
  }),
  (req, ctx) => {
    const own = req.StorageLocation;
    if (own && (!own.Bucket || !own.Key))
      throw new InvalidRequestException("StorageLocation needs a Bucket and a Key.");
    if (own?.Bucket?.includes(".")) throw new InvalidRequestException("Bucket names with dots are not supported.");
    const buildId = `build-${ctx.ids.uuid()}`;
    const build: BuildRecord = {
      BuildId: buildId,
      BuildArn: buildArn(ctx, buildId),
      Name: req.Name,
      Version: req.Version,
      Status: "INITIALIZED",
      SizeOnDisk: 0,
      OperatingSystem: req.OperatingSystem,
      CreationTime: ctx.clock.now(),
      ServerSdkVersion: req.ServerSdkVersion ?? "4.0.2",
      StorageLocation: own
        ? { Bucket: own.Bucket ?? "", Key: own.Key ?? "", RoleArn: own.RoleArn, ObjectVersion: own.ObjectVersion }
        : { Bucket: uploadBucket(ctx), Key: `${ctx.accountId}/${buildId}` },
      ownStorage: own !== undefined,
    };
    applyTags(ctx, build.BuildArn, req.Tags);
    collections(ctx.store).builds.put(buildId, build);
    if (own) return { Build: buildView(build) };
    return { Build: buildView(build), ...uploadReply(build, issueUploadCredentials(ctx, build)) };
  },
);
