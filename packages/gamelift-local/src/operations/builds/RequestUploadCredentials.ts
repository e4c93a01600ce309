import { z } from "zod";
import { issueUploadCredentials } from "../../engines/builds/uploadCredentials.js";
import { defineOperation } from "../defineOperation.js";
import { requireBuild } from "../lookup.js";
import { buildIdOrArn } from "../shapes.js";
import { uploadReply } from "./uploadReply.js";

/** RequestUploadCredentials: a fresh credential set for this build's S3 location only. */
export const RequestUploadCredentials = defineOperation(z.object({ BuildId: buildIdOrArn }), (req, ctx) => {
  const build = requireBuild(ctx, req.BuildId);
  return uploadReply(build, issueUploadCredentials(ctx, build));
});
