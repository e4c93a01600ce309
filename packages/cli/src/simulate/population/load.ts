import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { populationSchema, type Population } from "./schema.js";

/** A population file that does not parse or validate; `issues` name each field path. */
export class PopulationError extends Error {
  public readonly issues: readonly string[];

  public constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`${source}: invalid population\n${issues.map((i) => `  - ${i}`).join("\n")}`, options);
    this.name = "PopulationError";
    this.issues = issues;
  }
}

/** `attributes.skill.distribution.stddev` style paths, with list indexes in brackets. */
function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${String(part)}`;
  return out === "" ? "(root)" : out;
}

/** Readable messages, one per zod issue, each naming its field. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === "invalid_union" && "errors" in issue) {
      // A discriminated union with an unknown `kind`/`type` reports that; otherwise show the first branch.
      const first = issue.errors[0];
      if (first && first.length > 0)
        return describeIssues(first.map((i) => ({ ...i, path: [...issue.path, ...i.path] })))[0] ?? "";
    }
    return `${pathOf(issue.path)}: ${issue.message}`;
  });
}

/**
 * Validates a parsed population document.
 * @throws PopulationError naming every bad field.
 */
export function parsePopulation(document: unknown, source = "population"): Population {
  const result = populationSchema.safeParse(document);
  if (!result.success) throw new PopulationError(source, describeIssues(result.error.issues));
  return result.data;
}

/**
 * Reads and validates a population JSON file.
 * @throws PopulationError for unreadable files, bad JSON or invalid fields.
 * @example const population = await loadPopulation("infra/gamelift/populations/arena-evening.json");
 */
export async function loadPopulation(path: string): Promise<Population> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new PopulationError(path, [`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`], {
      cause: err,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new PopulationError(path, [`not JSON: ${err instanceof Error ? err.message : String(err)}`], { cause: err });
  }
  return parsePopulation(document, path);
}
