/**
 * Read helpers over a mocked run: a function's Lambda resource, role and IAM statements.
 */
import type { MockResource } from "./mocks.js";
import type { InfraRun } from "./runInfra.js";

/** One statement of an IAM policy document (as rendered by the mocks). */
export interface IamStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Principal?: Record<string, string[]>;
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string[]>>;
}

/** Statements of a policy JSON string. */
export function statements(policy: string): IamStatement[] {
  return (JSON.parse(policy) as { Statement: IamStatement[] }).Statement;
}

/** The `aws:lambda/function:Function` of an `sst.aws.Function` named `functionId`. */
export function lambdaOf(run: InfraRun, functionId: string): MockResource {
  return run.get("aws:lambda/function:Function", `${functionId}Function`);
}

/** The inline IAM statements of a function's role (empty when it has none). */
export function roleStatements(run: InfraRun, functionId: string): IamStatement[] {
  const role = run.get("aws:iam/role:Role", `${functionId}Role`);
  const inline = (role.inputs.inlinePolicies ?? []) as { policy: string }[];
  return inline.flatMap((p) => statements(p.policy));
}

/** Every action a function's role allows, e.g. `gamelift:StartMatchmaking`. */
export function allowedActions(run: InfraRun, functionId: string): string[] {
  return roleStatements(run, functionId)
    .filter((s) => s.Effect === "Allow")
    .flatMap((s) => s.Action);
}

/** The one resource of a type; throws when there are none or several. */
export function only(run: InfraRun, type: string): MockResource {
  const found = run.ofType(type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
