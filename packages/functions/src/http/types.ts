import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from "aws-lambda";

/**
 * The API Gateway v2 (payload format 2.0) event as it flows through the middlewares, which attach
 * what they decode. A handler only reads the attachments, never the raw strings.
 */
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer & {
  /** Set by `jsonBody`: the parsed JSON body; `{}` when the body is empty. */
  jsonBody?: unknown;
  /** Set by `validation`: the schema-checked inputs. */
  input?: { body: unknown; params: unknown; query: unknown };
  /** Set by `callerIdentity`: the JWT `sub`. */
  playerId?: string;
  /** Set by `iamCaller` on IAM routes: the SigV4 signer. */
  iamCaller?: IamCaller;
};

/** A game server's SigV4 identity, from `requestContext.authorizer.iam` (API Gateway payload 2.0). */
export interface IamCaller {
  readonly accessKey: string;
  /** e.g. `arn:aws:sts::<account>:assumed-role/<fleet role>/<session>`. */
  readonly userArn: string;
  readonly accountId: string;
  readonly userId: string;
}

/** The decoded request a route function receives. */
export interface RouteRequest<TBody, TParams, TQuery> {
  readonly body: TBody;
  readonly params: TParams;
  readonly query: TQuery;
  /** The caller (JWT `sub`); empty string on routes without auth. */
  readonly playerId: string;
  /** Lower-cased request headers. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The SigV4 caller on IAM routes; `undefined` elsewhere. */
  readonly iamCaller: IamCaller | undefined;
  readonly event: HttpEvent;
  readonly context: Context;
}
