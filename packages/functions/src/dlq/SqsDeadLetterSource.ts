import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { DeadLetter, DeadLetterSource } from "@matchplace/core";

/** Options of {@link SqsDeadLetterSource}. */
export interface SqsDeadLetterSourceOptions {
  readonly queueUrl: string;
  readonly client?: SQSClient;
  /** Seconds a received message stays hidden (default 60): failures are not re-received in the same run. */
  readonly visibilityTimeoutSeconds?: number;
}

/** The events dead-letter queue on SQS, as a core {@link DeadLetterSource}. */
export class SqsDeadLetterSource implements DeadLetterSource {
  readonly #client: SQSClient;
  readonly #queueUrl: string;
  readonly #visibility: number;

  public constructor(options: SqsDeadLetterSourceOptions) {
    this.#client =
      options.client ??
      new SQSClient({ maxAttempts: 4, requestHandler: { requestTimeout: 25_000, connectionTimeout: 1_000 } });
    this.#queueUrl = options.queueUrl;
    this.#visibility = options.visibilityTimeoutSeconds ?? 60;
  }

  public async receive(max: number): Promise<DeadLetter[]> {
    const out = await this.#client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#queueUrl,
        MaxNumberOfMessages: Math.min(10, Math.max(1, max)),
        WaitTimeSeconds: 1,
        VisibilityTimeout: this.#visibility,
      }),
    );
    return (out.Messages ?? []).flatMap((m) =>
      m.ReceiptHandle ? [{ handle: m.ReceiptHandle, body: m.Body ?? "" }] : [],
    );
  }

  public async remove(handles: readonly string[]): Promise<void> {
    for (let i = 0; i < handles.length; i += 10) {
      const batch = handles.slice(i, i + 10);
      const out = await this.#client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.#queueUrl,
          Entries: batch.map((h, j) => ({ Id: String(j), ReceiptHandle: h })),
        }),
      );
      if ((out.Failed ?? []).length > 0) throw new Error(`could not delete ${String(out.Failed?.length)} dead letters`);
    }
  }
}
