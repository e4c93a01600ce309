import type { Operation } from "../types.js";
import { operationInputs } from "./constraints.generated.js";
import { validateRequest } from "./validate.js";

/** Puts the service model's request validation in front of every operation the model defines. */
export function withModelValidation(ops: Record<string, Operation>): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      name,
      name in operationInputs
        ? (((input, ctx) => {
            validateRequest(name, input);
            return op(input, ctx);
          }) satisfies Operation)
        : op,
    ]),
  );
}
