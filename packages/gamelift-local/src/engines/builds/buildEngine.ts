import type { Engine } from "../Engine.js";
import { collections } from "../state/collections.js";

/**
 * Turns INITIALIZED builds READY: a build in the caller's own bucket at once (GameLift fetches
 * it; SizeOnDisk stays 0); an uploaded one once its upload has completed through the S3 proxy
 * and the object exists. The size is the completed upload's, never a half-written file's.
 */
export const buildEngine: Engine = {
  async tick(ctx) {
    for (const build of collections(ctx.store).builds.values()) {
      if (build.Status !== "INITIALIZED") continue;
      if (build.ownStorage) {
        build.Status = "READY";
        continue;
      }
      const s3 = ctx.settings?.s3;
      if (!s3 || !build.uploadCompleted || build.StorageLocation.Bucket !== s3.bucket) continue;
      const stored = await s3.headObject(build.StorageLocation.Key);
      if (stored !== undefined) Object.assign(build, { Status: "READY", SizeOnDisk: build.uploadedSize ?? stored });
    }
  },
};
