/**
 * `npm run dlq:redrive` — replays dead-lettered GameLift events.
 *
 *   npm run dlq:redrive                                   # local stage: reads .matchplace/local.json
 *   npm run dlq:redrive -- --queue-url <url> --table <t> --trust <trust.json>
 *                                                         # AWS: SQS DLQ folded straight into the table
 *   options: --max <n> (default 1000), --local-json <path>
 *
 * `--trust` is the stage's `EventsTrust` (account, region, resources, fleetIds; the deployed
 * function gets it linked): every replayed message is re-vetted before it is folded.
 *
 * Locally the stage's SNS keeps the dead letters; they are replayed through its subscription (the
 * consumer handler), as an SNS DLQ redrive does. On AWS the core redrive reads the SQS DLQ, folds
 * each message with the consumer's fold and deletes what it folded (poison stays). The deployed
 * `DeadLetterRedrive` function does the same from inside AWS.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseEventTrust, redriveDeadLetters, systemClock } from "@matchplace/core";
import { createDocumentClient, PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { SqsDeadLetterSource } from "./SqsDeadLetterSource.js";

/** Parsed command line. */
export interface RedriveArgs {
  readonly queueUrl?: string;
  readonly table?: string;
  /** Path of the stage's EventsTrust JSON (required with `queueUrl`). */
  readonly trust?: string;
  readonly max: number;
  readonly localJson: string;
}

/** Parses `--queue-url`, `--table`, `--trust`, `--max`, `--local-json` (env `MATCHPLACE_DLQ_URL` / `MATCHPLACE_TABLE` / `MATCHPLACE_TRUST` too). */
export function parseRedriveArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RedriveArgs {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const max = Number(get("--max") ?? "1000");
  if (!Number.isInteger(max) || max <= 0) throw new Error("--max must be a positive integer");
  const queueUrl = get("--queue-url") ?? env["MATCHPLACE_DLQ_URL"];
  const table = get("--table") ?? env["MATCHPLACE_TABLE"];
  const trust = get("--trust") ?? env["MATCHPLACE_TRUST"];
  return {
    ...(queueUrl ? { queueUrl } : {}),
    ...(table ? { table } : {}),
    ...(trust ? { trust } : {}),
    max,
    localJson: get("--local-json") ?? resolve(".matchplace/local.json"),
  };
}

/** Replays the local stage's dead letters through its SNS subscription; returns how many. */
export async function redriveLocal(
  localJsonPath: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ dlq: number; redriven: number }> {
  let sns: string;
  try {
    sns = String((JSON.parse(readFileSync(localJsonPath, "utf8")) as { sns?: unknown }).sns ?? "");
  } catch (err) {
    throw new Error(
      `no local stage found (${localJsonPath}); start it with npm start, or pass --queue-url and --table`,
      { cause: err },
    );
  }
  if (!sns) throw new Error(`${localJsonPath} has no "sns" endpoint`);
  const listed = (await (await fetchImpl(`${sns}/local/dlq`)).json()) as { messages?: unknown[] };
  const res = await fetchImpl(`${sns}/local/dlq/redrive`, { method: "POST" });
  if (!res.ok) throw new Error(`local redrive failed: HTTP ${res.status}`);
  const body = (await res.json()) as { redriven?: number };
  return { dlq: listed.messages?.length ?? 0, redriven: body.redriven ?? 0 };
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseRedriveArgs(argv);
  if (args.queueUrl) {
    if (!args.table) throw new Error("--table is required with --queue-url");
    if (!args.trust) throw new Error("--trust <EventsTrust JSON file> is required with --queue-url");
    const trust = parseEventTrust(JSON.parse(readFileSync(args.trust, "utf8")) as unknown);
    const client = createDocumentClient();
    const report = await redriveDeadLetters(
      {
        source: new SqsDeadLetterSource({ queueUrl: args.queueUrl }),
        tickets: new TicketRepository({ client, tableName: args.table }),
        placements: new PlacementRepository({ client, tableName: args.table }),
        clock: systemClock,
        trust,
      },
      { maxMessages: args.max },
    );
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.failed > 0 ? 1 : 0;
  }
  const local = await redriveLocal(args.localJson);
  process.stdout.write(`${JSON.stringify(local)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`dlq:redrive: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
