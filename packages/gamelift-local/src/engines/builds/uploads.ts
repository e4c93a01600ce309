import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";

/**
 * Notes that an upload of `bucket/key` completed (a PutObject or CompleteMultipartUpload answered
 * 200) with `size` bytes (`undefined` when the proxy did not see every part, e.g. across a restart). The build whose storage location it is turns READY on the next tick.
 * Objects that are no build's location are ignored.
 */
export function recordUpload(ctx: EmulatorContext, bucket: string, key: string, size: number | undefined): void {
  for (const build of collections(ctx.store).builds.values()) {
    if (!build.ownStorage && build.StorageLocation.Bucket === bucket && build.StorageLocation.Key === key) {
      Object.assign(build, { uploadCompleted: true, uploadedSize: size });
    }
  }
}
