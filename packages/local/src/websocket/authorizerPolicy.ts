import type { AuthorizerContext } from "./events.js";

/** What API Gateway makes of a Lambda authorizer's answer. */
export type AuthorizerVerdict =
  | { readonly effect: "Allow"; readonly principalId: string; readonly context: AuthorizerContext }
  | { readonly effect: "Deny" }
  /** A malformed answer: API Gateway answers the client 500. */
  | { readonly effect: "Invalid"; readonly why: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** IAM's wildcards: `*` any run of characters, `?` one character. */
function globMatches(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(value);
}

/**
 * Evaluates an authorizer's IAM policy for `execute-api:Invoke` on `methodArn` like IAM does: an explicit
 * Deny wins, else an Allow grants, else it is denied. The `context` map may hold only strings, numbers and
 * booleans (API Gateway rejects objects and arrays).
 *
 * @example
 * readAuthorizerResult({ principalId: "alice", policyDocument: { Version: "2012-10-17",
 *   Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: arn }] }, context: { playerId: "alice" } }, arn);
 * // → { effect: "Allow", principalId: "alice", context: { playerId: "alice" } }
 */
export function readAuthorizerResult(result: unknown, methodArn: string): AuthorizerVerdict {
  if (!isObject(result)) return { effect: "Invalid", why: "the authorizer returned no policy" };
  const doc = result.policyDocument;
  if (!isObject(doc)) return { effect: "Invalid", why: "policyDocument is missing" };
  const context: Record<string, string | number | boolean | null> = {};
  if (result.context !== undefined && result.context !== null) {
    if (!isObject(result.context)) return { effect: "Invalid", why: "context is not a map" };
    for (const [k, v] of Object.entries(result.context)) {
      if (v !== null && typeof v === "object") return { effect: "Invalid", why: `context.${k} is an object or array` };
      context[k] = v as string | number | boolean | null;
    }
  }
  let allowed = false;
  for (const statement of list(doc.Statement)) {
    if (!isObject(statement)) return { effect: "Invalid", why: "a Statement is not an object" };
    const actionMatches = list(statement.Action).some(
      (a) => typeof a === "string" && globMatches(a, "execute-api:Invoke"),
    );
    const resourceMatches = list(statement.Resource).some((r) => typeof r === "string" && globMatches(r, methodArn));
    if (!actionMatches || !resourceMatches) continue;
    if (statement.Effect === "Deny") return { effect: "Deny" };
    if (statement.Effect === "Allow") allowed = true;
  }
  if (!allowed) return { effect: "Deny" };
  return {
    effect: "Allow",
    principalId: typeof result.principalId === "string" ? result.principalId : String(result.principalId ?? ""),
    context,
  };
}
