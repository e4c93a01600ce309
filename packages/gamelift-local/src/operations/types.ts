import type { EmulatorContext } from "../engines/context.js";

/**
 * One GameLift API operation. Input is the decoded request body (model member names, PascalCase);
 * timestamps in the output are `Date` objects (the protocol layer encodes them per protocol).
 * Failures are thrown as `GameLiftError` subclasses from `../errors.js`.
 */
export type Operation<C extends EmulatorContext = EmulatorContext> = (
  input: Record<string, unknown>,
  ctx: C,
) => Record<string, unknown> | Promise<Record<string, unknown>>;
