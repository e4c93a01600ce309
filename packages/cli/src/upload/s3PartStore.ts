import { createHash } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { CliError } from "../errors.js";
import type { PartStore } from "./types.js";

function md5(body: Uint8Array): string {
  return createHash("md5").update(body).digest("base64");
}

/**
 * A {@link PartStore} over one S3 client. Every body carries Content-MD5, so S3 rejects a part that
 * was damaged on the way.
 */
export function s3PartStore(s3: S3Client): PartStore {
  return {
    async putObject(location, body) {
      await s3.send(
        new PutObjectCommand({ Bucket: location.bucket, Key: location.key, Body: body, ContentMD5: md5(body) }),
      );
    },
    async createMultipartUpload(location) {
      const out = await s3.send(new CreateMultipartUploadCommand({ Bucket: location.bucket, Key: location.key }));
      if (out.UploadId === undefined) throw new CliError("S3 CreateMultipartUpload returned no UploadId");
      return out.UploadId;
    },
    async uploadPart(location, uploadId, partNumber, body) {
      const out = await s3.send(
        new UploadPartCommand({
          Bucket: location.bucket,
          Key: location.key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: body,
          ContentLength: body.byteLength,
          ContentMD5: md5(body),
        }),
      );
      if (out.ETag === undefined) throw new CliError(`S3 UploadPart ${partNumber} returned no ETag`);
      return out.ETag;
    },
    async completeMultipartUpload(location, uploadId, parts) {
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: location.bucket,
          Key: location.key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      );
    },
    async abortMultipartUpload(location, uploadId) {
      await s3.send(
        new AbortMultipartUploadCommand({ Bucket: location.bucket, Key: location.key, UploadId: uploadId }),
      );
    },
  };
}
