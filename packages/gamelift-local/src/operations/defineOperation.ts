import type { z } from "zod";
import { InvalidRequestException } from "../errors.js";
import type { Operation } from "./types.js";
import type { EmulatorContext } from "../engines/context.js";

type Issue = z.core.$ZodIssue;

/** `FleetId` → `fleetId`, the way GameLift names members in validation messages. */
function memberPath(path: readonly PropertyKey[]): string {
  // GameLift counts list members from 1 ("serverProcesses.1.member.launchPath").
  return path
    .map((p) => (typeof p === "number" ? `${p + 1}.member` : String(p)))
    .map((p) => p.charAt(0).toLowerCase() + p.slice(1))
    .join(".");
}

function patternSource(pattern: string): string {
  const m = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return m?.[1] ?? pattern;
}

function constraint(issue: Issue): string {
  switch (issue.code) {
    case "invalid_format":
      return `Member must satisfy regular expression pattern: ${patternSource(issue.format === "regex" && "pattern" in issue ? String(issue.pattern) : issue.format)}`;
    case "too_small":
      return issue.origin === "number"
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "number"
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "Member must not be null"
        : `Member must be of type ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** The failing value as GameLift shows it: `'x'`, or `null` when missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = input;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  if (v === undefined || v === null) return "null";
  return `'${Array.isArray(v) ? `[${v.map(String).join(", ")}]` : typeof v === "object" ? JSON.stringify(v) : String(v)}'`;
}

/** Formats zod issues the way GameLift reports member validation failures. */
function validationMessage(issues: readonly Issue[], input?: unknown): string {
  const parts = issues.map(
    (i) => `Value ${valueAt(input, i.path)} at '${memberPath(i.path)}' failed to satisfy constraint: ${constraint(i)}`,
  );
  const n = parts.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}

/** Parses an operation input, throwing `InvalidRequestException` naming the failing members. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new InvalidRequestException(validationMessage(r.error.issues, input));
  return r.data;
}

/**
 * Declares an operation by its input schema: the handler receives the parsed, typed input.
 * @example
 * export const DescribeBuild = defineOperation(z.object({ BuildId: buildIdOrArn }), (input, ctx) => ({ Build: ... }));
 */
export function defineOperation<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, ctx: EmulatorContext) => Record<string, unknown> | Promise<Record<string, unknown>>,
): Operation {
  return (input, ctx) => handler(parseInput(schema, input), ctx);
}
