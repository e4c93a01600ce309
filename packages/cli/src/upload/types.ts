import type { StorageLocation, UploadCredentials } from "../types.js";

/** One finished part of a multipart upload. */
export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

/**
 * The S3 calls an upload needs, bound to one set of credentials. A new set of credentials gets a
 * new `PartStore` (see {@link PartStoreFactory}); the multipart upload id stays valid across them.
 */
export interface PartStore {
  putObject(location: StorageLocation, body: Uint8Array): Promise<void>;
  createMultipartUpload(location: StorageLocation): Promise<string>;
  /** @returns the part's ETag. */
  uploadPart(location: StorageLocation, uploadId: string, partNumber: number, body: Uint8Array): Promise<string>;
  completeMultipartUpload(location: StorageLocation, uploadId: string, parts: readonly CompletedPart[]): Promise<void>;
  abortMultipartUpload(location: StorageLocation, uploadId: string): Promise<void>;
}

/** Makes the `PartStore` for a set of credentials. */
export type PartStoreFactory = (credentials: UploadCredentials) => PartStore;

/** Random-access bytes to upload (a file). */
export interface UploadSource {
  readonly size: number;
  /** Reads `length` bytes at `offset`; called again when a part is redone. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Fresh credentials and the location they are for (RequestUploadCredentials). */
export interface CredentialGrant {
  readonly credentials: UploadCredentials;
  readonly location: StorageLocation;
}

/** Progress after each finished part. */
export interface UploadProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly partsDone: number;
  readonly partsTotal: number;
}

/** Told when the credentials were refused and replaced. */
export interface RefreshEvent {
  /** The refusal's error code, e.g. `ExpiredToken`. */
  readonly reason: string;
  /** The part that failed (undefined for create/complete/put). */
  readonly partNumber: number | undefined;
  readonly partsDone: number;
  readonly partsTotal: number;
}

/** What the upload did. */
export interface UploadSummary {
  readonly bytes: number;
  /** 1 for a single PutObject. */
  readonly parts: number;
  /** Times the credentials were replaced. */
  readonly refreshes: number;
  /** Part uploads that were attempted more than once (the failed ones). */
  readonly partsRedone: number;
}
