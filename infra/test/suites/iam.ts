/**
 * Least privilege: assertions on every function role of a mocked run.
 */
import { describe, expect, it } from "vitest";
import { invoked } from "@matchplace/functions/routes";
import { handlerAccess, QUEUE_SCOPED_ACTIONS } from "../../handlers.js";
import { allowedActions, roleStatements } from "../harness/query.js";
import type { InfraRun } from "../harness/runInfra.js";

const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/** What SST grants a table's stream subscriber. */
const STREAM_READ = [
  "dynamodb:DescribeStream",
  "dynamodb:GetRecords",
  "dynamodb:GetShardIterator",
  "dynamodb:ListStreams",
];

/** GameLift actions a function's role allows, without the prefix. */
function gameLiftActions(run: InfraRun, functionId: string): string[] {
  return allowedActions(run, functionId)
    .filter((a) => a.startsWith("gamelift:"))
    .map((a) => a.slice("gamelift:".length))
    .sort();
}

/** GameLift commands a function's bundle imports (`StartMatchmakingCommand` → `StartMatchmaking`). */
function gameLiftCommands(run: InfraRun, functionId: string): string[] {
  const build = run.builds.find((b) => b.functionId === functionId)!;
  return (build.externalImports["@aws-sdk/client-gamelift"] ?? [])
    .filter((n) => n.endsWith("Command"))
    .map((n) => n.slice(0, -"Command".length));
}

/**
 * @param queueArns the game session queue ARNs StartGameSessionPlacement is scoped to
 */
export function iamSuite(get: () => InfraRun, expected: { queueArns: string[] }): void {
  const functions = () => get().builds.filter((b) => b.errors.length === 0);
  const idOf = (handler: string) => get().builds.find((b) => b.handler === handler)!.functionId;
  const built = (handler: string) => functions().some((b) => b.handler === handler);

  describe("IAM", () => {
    it("grants no wildcard action, and '*' resources only to GameLift actions that take no resource ARN", () => {
      const run = get();
      for (const { functionId } of functions()) {
        for (const s of roleStatements(run, functionId)) {
          expect(s.Effect).toBe("Allow");
          for (const action of s.Action) expect(action, functionId).not.toContain("*");
          if (s.Resource.includes("*")) {
            expect(
              s.Action.every((a) => a.startsWith("gamelift:") && !QUEUE_SCOPED_ACTIONS.has(a.slice(9) as never)),
              functionId,
            ).toBe(true);
          }
        }
      }
    });

    it("scopes table actions to the table and its indexes, stream reads to its stream, and SQS actions to the dead-letter queue", () => {
      const run = get();
      const { arn: table, streamArn } = run.ofType("aws:dynamodb/table:Table")[0]!.state as {
        arn: string;
        streamArn: string;
      };
      const dlq = run.get("aws:sqs/queue:Queue", "EventsDeadLetterQueue").state.arn as string;
      for (const { functionId } of functions()) {
        for (const s of roleStatements(run, functionId)) {
          if (s.Action.every((a) => STREAM_READ.includes(a))) expect(s.Resource, functionId).toEqual([streamArn]);
          else if (s.Action.some((a) => a.startsWith("dynamodb:")))
            expect(s.Resource.every((r) => r === table || r === `${table}/index/*`)).toBe(true);
          if (s.Action.some((a) => a.startsWith("sqs:"))) expect(s.Resource).toEqual([dlq]);
        }
      }
    });

    it("lets only Lambda assume a function role, which carries only the basic logging policy", () => {
      const run = get();
      for (const { functionId } of functions()) {
        const role = run.get("aws:iam/role:Role", `${functionId}Role`);
        expect(
          JSON.parse(role.inputs.assumeRolePolicy).Statement.map((s: { Principal: unknown }) => s.Principal),
        ).toEqual([{ Service: "lambda.amazonaws.com" }]);
        expect(role.inputs.managedPolicyArns).toEqual([
          "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        ]);
      }
    });

    it("grants each function exactly the GameLift actions declared for its handler", () => {
      for (const { functionId, handler } of functions()) {
        expect(gameLiftActions(get(), functionId), handler).toEqual([...handlerAccess[handler]!.gamelift].sort());
      }
    });

    it("grants only GameLift actions the handler's code can call, and every action any handler calls", () => {
      const run = get();
      const called = new Set<string>();
      const granted = new Set<string>();
      for (const { functionId, handler } of functions()) {
        const commands = gameLiftCommands(run, functionId);
        for (const c of commands) called.add(c);
        for (const a of gameLiftActions(run, functionId)) granted.add(a);
        for (const action of gameLiftActions(run, functionId)) expect(commands, handler).toContain(action);
      }
      expect([...called].filter((c) => !granted.has(c))).toEqual([]);
    });

    it("scopes StartGameSessionPlacement to the game session queue", () => {
      if (!built(fn("placements/start"))) return;
      const s = roleStatements(get(), idOf(fn("placements/start"))).find((x) =>
        x.Action.includes("gamelift:StartGameSessionPlacement"),
      )!;
      expect(s.Resource).toEqual(expected.queueArns);
    });

    it("lets read routes write nothing", () => {
      for (const handler of Object.keys(handlerAccess).filter((h) => handlerAccess[h]!.table === "read" && built(h))) {
        const writes = roleStatements(get(), idOf(handler)).filter((s) =>
          s.Action.some((a) => /Put|Update|Delete|Write|ConditionCheck/.test(a)),
        );
        expect(
          writes.map((s) => [s.Action, s.Condition]),
          handler,
        ).toEqual([]);
      }
    });

    it("gives health only what its dependency checks need, the consumer SendMessage to the DLQ and the redrive its drain actions", () => {
      if (built(fn("health/get"))) {
        expect(allowedActions(get(), idOf(fn("health/get"))).filter((a) => a.startsWith("gamelift:"))).toEqual([
          "gamelift:DescribeMatchmakingConfigurations",
        ]);
        expect(
          allowedActions(get(), idOf(fn("health/get"))).filter(
            (a) =>
              a.startsWith("dynamodb:") && !/^dynamodb:(Get|BatchGet|Query|Scan|DescribeTable|ConditionCheck)/.test(a),
          ),
        ).toEqual([]);
      }
      expect(allowedActions(get(), "EventsSubscriberConsumerFunction").filter((a) => a.startsWith("sqs:"))).toEqual([
        "sqs:SendMessage",
      ]);
      if (built(invoked.redrive.handler)) {
        expect(
          allowedActions(get(), idOf(invoked.redrive.handler))
            .filter((a) => a.startsWith("sqs:"))
            .sort(),
        ).toEqual(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]);
      }
    });
  });
}
