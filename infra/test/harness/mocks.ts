/**
 * Pulumi runtime mocks: record every resource with its inputs, give each the attributes AWS
 * would compute (ids, ARNs, URLs), and answer the provider functions the program calls, including
 * `aws:iam/getPolicyDocument`, rendered to IAM JSON so tests can assert on policies.
 */
export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** A resource the program registered. */
export interface MockResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly state: Record<string, any>;
}

/** A provider function call the program made. */
export interface MockCall {
  readonly token: string;
  readonly inputs: Record<string, any>;
}

interface PolicyStatementInput {
  sid?: string;
  effect?: string;
  actions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

/** Renders `getPolicyDocument` statements the way the AWS provider does. */
function renderPolicy(statements: PolicyStatementInput[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect ?? "Allow",
      // As the provider renders it: `type: "*"` (everyone) is the bare string "*".
      ...(s.principals
        ? {
            Principal: s.principals.some((p) => p.type === "*")
              ? "*"
              : Object.fromEntries(s.principals.map((p) => [p.type, p.identifiers])),
          }
        : {}),
      ...(s.actions ? { Action: s.actions } : {}),
      ...(s.resources ? { Resource: s.resources } : {}),
      ...(s.conditions && s.conditions.length > 0
        ? {
            Condition: s.conditions.reduce<Record<string, Record<string, string[]>>>((acc, c) => {
              acc[c.test] = { ...acc[c.test], [c.variable]: c.values };
              return acc;
            }, {}),
          }
        : {}),
    })),
  });
}

function computedState(type: string, name: string, inputs: Record<string, any>): Record<string, any> {
  const physical = (inputs.name as string | undefined) ?? `${name}-mock`;
  const [pkg, mod] = type.split(":");
  const service = mod?.split("/")[0] ?? pkg!;
  const common = { id: `${name}-id`, name: physical, arn: `arn:aws:${service}:${REGION}:${ACCOUNT}:${physical}` };
  switch (type) {
    case "aws:sqs/queue:Queue":
      return {
        ...common,
        arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${physical}`,
        url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${physical}`,
      };
    case "aws:sns/topic:Topic":
      return { ...common, arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${physical}` };
    case "aws:lambda/function:Function":
      return {
        ...common,
        arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${physical}`,
        invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${physical}/invocations`,
        qualifiedArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${physical}:$LATEST`,
        version: "$LATEST",
      };
    case "aws:iam/role:Role":
      return { ...common, arn: `arn:aws:iam::${ACCOUNT}:role/${physical}` };
    case "aws:dynamodb/table:Table": {
      const arn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${physical}`;
      return {
        ...common,
        arn,
        ...(inputs.streamEnabled ? { streamArn: `${arn}/stream/2026-01-01T00:00:00.000` } : {}),
      };
    }
    case "aws:apigatewayv2/api:Api": {
      const scheme = inputs.protocolType === "WEBSOCKET" ? "wss" : "https";
      return {
        ...common,
        apiEndpoint: `${scheme}://${name}-id.execute-api.${REGION}.amazonaws.com`,
        executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${name}-id`,
      };
    }
    case "aws:cloudformation/stack:Stack":
      return { ...common, outputs: {} };
    case "aws:cognito/userPool:UserPool":
      return {
        ...common,
        id: `${REGION}_mockpool`,
        arn: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_mockpool`,
      };
    default:
      return common;
  }
}

/** The mocks plus what they recorded. */
export interface Recorder {
  readonly resources: MockResource[];
  readonly calls: MockCall[];
  readonly mocks: {
    newResource(args: { type: string; name: string; inputs: Record<string, unknown> }): {
      id: string;
      state: Record<string, unknown>;
    };
    call(args: { token: string; inputs: Record<string, unknown> }): Record<string, unknown>;
  };
}

/** Creates mocks that record into arrays. */
export function createRecorder(): Recorder {
  const resources: MockResource[] = [];
  const calls: MockCall[] = [];
  return {
    resources,
    calls,
    mocks: {
      newResource({ type, name, inputs }) {
        const state = { ...computedState(type, name, inputs), ...inputs };
        resources.push({ type, name, inputs, state });
        return { id: state.id as string, state };
      },
      call({ token, inputs }) {
        calls.push({ token, inputs });
        switch (token) {
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/ci`, userId: "AIDAMOCK", id: ACCOUNT };
          case "aws:index/getRegion:getRegion":
            return {
              name: REGION,
              region: REGION,
              id: REGION,
              description: "US East (N. Virginia)",
              endpoint: `ec2.${REGION}.amazonaws.com`,
            };
          case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
          case "aws:iam/getPolicyDocument:getPolicyDocument":
            // The provider echoes its inputs (SST reads `statements` back) next to the rendered JSON.
            return {
              ...inputs,
              json: renderPolicy((inputs.statements ?? []) as Parameters<typeof renderPolicy>[0]),
              id: "policy",
            };
          default:
            return {};
        }
      },
    },
  };
}
