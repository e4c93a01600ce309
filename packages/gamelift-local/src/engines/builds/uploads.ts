import type { EmulatorContext } from "../../operations/types.js";
import { collections } from "../state/collections.js";

/**
 * Notes that an upload of `bucket/key` completed (a PutObject or CompleteMultipartUpload answered
 * 200) with `size` bytes. The build whose storage location it is turns READY on the next tick.
 * Objects that are no build's location are ignored.
 */
export function recordUpload(ctx: EmulatorContext, bucket: string, key: string, size: number): void {
  for (const build of collections(ctx.store).builds.values()) {
    if (!build.ownStorage && build.StorageLocation.Bucket === bucket && build.StorageLocation.Key === key) build.uploadedSize = size;
  }
}
