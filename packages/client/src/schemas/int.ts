import * as z from "zod/mini";

/** An integer number: classic zod's `z.number().int()`, so the JSON Schema stays the same. */
export const int = (): z.ZodMiniNumber<number> => z.number().check(z.int());
