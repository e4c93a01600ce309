/** `compound` rule: a boolean statement over other rules' verdicts. */
import type { Statement } from "../types.js";

/**
 * Evaluates a statement given each referenced rule's verdict. `xor` holds when exactly one
 * argument holds.
 */
export function evaluateStatement(s: Statement, verdict: (rule: string) => boolean): boolean {
  switch (s.op) {
    case "rule":
      return verdict(s.rule);
    case "and":
      return s.args.every((a) => evaluateStatement(a, verdict));
    case "or":
      return s.args.some((a) => evaluateStatement(a, verdict));
    case "not":
      return !evaluateStatement(s.args[0], verdict);
    case "xor":
      return s.args.filter((a) => evaluateStatement(a, verdict)).length === 1;
  }
}
