import { defaultConcurrency, defaultPartSize, maxPartCount, maxRefreshesPerPart, minPartSize } from "../constants.js";
import { CliError, InterruptedError } from "../errors.js";
import type { StorageLocation } from "../types.js";
import { credentialRefusalCode } from "./credentialErrors.js";
import type {
  CompletedPart,
  CredentialGrant,
  PartStore,
  PartStoreFactory,
  RefreshEvent,
  UploadProgress,
  UploadSource,
  UploadSummary,
} from "./types.js";

/** Options of {@link ResumableUpload}. */
export interface ResumableUploadOptions {
  readonly source: UploadSource;
  /** The first credentials and location (from CreateBuild or RequestUploadCredentials). */
  readonly grant: CredentialGrant;
  /** Asks for a fresh grant for the same build (RequestUploadCredentials). */
  readonly refresh: () => Promise<CredentialGrant>;
  readonly storeFor: PartStoreFactory;
  /** Default 8 MiB; raised when the file would need more than 10,000 parts. */
  readonly partSize?: number;
  /** Parts in flight at once. Default 4. */
  readonly concurrency?: number;
  /** Refreshes one step may trigger before the upload fails. Default 3. */
  readonly maxRefreshes?: number;
  readonly onProgress?: (progress: UploadProgress) => void;
  readonly onRefresh?: (event: RefreshEvent) => void;
  /** When aborted, no new part starts; the parts in flight finish, then the upload is aborted. */
  readonly signal?: AbortSignal;
}

/** Credentials in use, numbered so that concurrent failures trigger one refresh, not one each. */
interface Generation {
  readonly number: number;
  readonly store: PartStore;
}

/** The part size for a file: the wanted size, raised to fit S3's 10,000-part limit. */
export function choosePartSize(size: number, wanted: number = defaultPartSize): number {
  const needed = Math.ceil(size / maxPartCount);
  return Math.max(wanted, minPartSize, needed);
}

/**
 * Uploads one object to S3 with temporary credentials that may expire half way: a single PutObject
 * when it fits in one part, else a multipart upload. When S3 refuses the credentials (ExpiredToken,
 * AccessDenied, InvalidAccessKeyId), it asks for a fresh grant once (however many parts failed at
 * the same time), keeps the finished parts and redoes only the failed ones.
 * @example
 * const summary = await new ResumableUpload({ source, grant, refresh, storeFor }).run();
 */
export class ResumableUpload {
  readonly #options: ResumableUploadOptions;
  readonly #location: StorageLocation;
  readonly #partSize: number;
  readonly #done = new Map<number, string>();
  #generation: Generation;
  #pendingRefresh: Promise<void> | undefined;
  #refreshes = 0;
  #partsRedone = 0;
  #bytesDone = 0;

  public constructor(options: ResumableUploadOptions) {
    this.#options = options;
    this.#location = options.grant.location;
    this.#partSize = choosePartSize(options.source.size, options.partSize);
    this.#generation = { number: 0, store: options.storeFor(options.grant.credentials) };
  }

  /** Uploads the whole source. @throws the S3 error when it is not a credential refusal or refreshes run out. */
  public async run(): Promise<UploadSummary> {
    if (this.#options.signal?.aborted === true) throw new InterruptedError("upload interrupted before it started");
    const { size } = this.#options.source;
    const partsTotal = Math.max(1, Math.ceil(size / this.#partSize));
    if (partsTotal === 1) {
      await this.#withRefresh(undefined, partsTotal, async (store) => {
        await store.putObject(this.#location, await this.#options.source.read(0, size));
      });
      this.#report(size, 1, 1);
      return this.#summary(1);
    }
    const uploadId = await this.#withRefresh(undefined, partsTotal, (store) =>
      store.createMultipartUpload(this.#location),
    );
    try {
      await this.#uploadParts(uploadId, partsTotal);
      const parts: CompletedPart[] = [...this.#done]
        .sort(([a], [b]) => a - b)
        .map(([partNumber, etag]) => ({ partNumber, etag }));
      await this.#withRefresh(undefined, partsTotal, (store) =>
        store.completeMultipartUpload(this.#location, uploadId, parts),
      );
    } catch (err) {
      // Leave no orphaned parts behind; the original failure is what matters.
      await this.#generation.store.abortMultipartUpload(this.#location, uploadId).catch(() => undefined);
      throw err;
    }
    return this.#summary(partsTotal);
  }

  async #uploadParts(uploadId: string, partsTotal: number): Promise<void> {
    let next = 1;
    let failure: { err: unknown } | undefined;
    const worker = async (): Promise<void> => {
      while (failure === undefined && this.#options.signal?.aborted !== true && next <= partsTotal) {
        const partNumber = next++;
        const offset = (partNumber - 1) * this.#partSize;
        const length = Math.min(this.#partSize, this.#options.source.size - offset);
        try {
          const etag = await this.#withRefresh(partNumber, partsTotal, async (store) =>
            store.uploadPart(this.#location, uploadId, partNumber, await this.#options.source.read(offset, length)),
          );
          this.#done.set(partNumber, etag);
          this.#bytesDone += length;
          this.#report(this.#bytesDone, this.#done.size, partsTotal);
        } catch (err) {
          failure ??= { err };
        }
      }
    };
    const workers = Math.min(this.#options.concurrency ?? defaultConcurrency, partsTotal);
    await Promise.all(Array.from({ length: workers }, worker));
    if (failure !== undefined) throw failure.err;
    if (this.#done.size < partsTotal)
      throw new InterruptedError(
        `upload interrupted after ${this.#done.size} of ${partsTotal} parts; multipart upload aborted`,
      );
  }

  /** Runs one S3 step; on a credential refusal, refreshes (once per generation) and runs it again. */
  async #withRefresh<T>(
    partNumber: number | undefined,
    partsTotal: number,
    step: (store: PartStore) => Promise<T>,
  ): Promise<T> {
    const limit = this.#options.maxRefreshes ?? maxRefreshesPerPart;
    for (let attempt = 0; ; attempt++) {
      const generation = this.#generation;
      try {
        return await step(generation.store);
      } catch (err) {
        const code = credentialRefusalCode(err);
        if (code === undefined) throw err;
        if (attempt >= limit) {
          throw new CliError(
            `S3 still refuses the upload credentials (${code}) after ${limit} fresh sets; giving up`,
            undefined,
            {
              cause: err,
            },
          );
        }
        if (partNumber !== undefined && attempt === 0) this.#partsRedone++;
        await this.#refresh(generation, { reason: code, partNumber, partsDone: this.#done.size, partsTotal });
      }
    }
  }

  async #refresh(failed: Generation, event: RefreshEvent): Promise<void> {
    if (this.#generation !== failed) return; // another part already brought fresh credentials
    this.#pendingRefresh ??= (async () => {
      try {
        const grant = await this.#options.refresh();
        const { bucket, key } = grant.location;
        if (bucket !== this.#location.bucket || key !== this.#location.key) {
          throw new CliError(
            `fresh upload credentials are for s3://${bucket}/${key}, not s3://${this.#location.bucket}/${this.#location.key}; cannot resume`,
          );
        }
        this.#generation = { number: failed.number + 1, store: this.#options.storeFor(grant.credentials) };
        this.#refreshes++;
        this.#options.onRefresh?.(event);
      } finally {
        this.#pendingRefresh = undefined;
      }
    })();
    await this.#pendingRefresh;
  }

  #report(bytesDone: number, partsDone: number, partsTotal: number): void {
    this.#options.onProgress?.({ bytesDone, bytesTotal: this.#options.source.size, partsDone, partsTotal });
  }

  #summary(parts: number): UploadSummary {
    return { bytes: this.#options.source.size, parts, refreshes: this.#refreshes, partsRedone: this.#partsRedone };
  }
}
