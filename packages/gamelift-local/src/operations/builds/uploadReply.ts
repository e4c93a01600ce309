import type { BuildRecord, UploadCredentialRecord } from "../../engines/state/records.js";

/** `{UploadCredentials, StorageLocation}` as CreateBuild and RequestUploadCredentials return them (no expiry field). */
export function uploadReply(build: BuildRecord, cred: UploadCredentialRecord): Record<string, unknown> {
  return {
    UploadCredentials: {
      AccessKeyId: cred.AccessKeyId,
      SecretAccessKey: cred.SecretAccessKey,
      SessionToken: cred.SessionToken,
    },
    StorageLocation: {
      Bucket: build.StorageLocation.Bucket,
      Key: build.StorageLocation.Key,
      RoleArn: build.StorageLocation.RoleArn,
    },
  };
}
