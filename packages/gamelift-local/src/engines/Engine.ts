import type { EmulatorContext } from "./context.js";

/**
 * A piece of the emulator that moves state forward over time (fleet activation, placements, ...).
 * `tick` is called with the context; it reads the current time from `ctx.clock.now()`.
 */
export interface Engine {
  tick(ctx: EmulatorContext): void | Promise<void>;
}
