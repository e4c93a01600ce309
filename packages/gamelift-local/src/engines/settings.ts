import type { EmulatorContext, EmulatorSettings } from "./context.js";

/** Defaults: a fleet is ACTIVE about 2.5 s after CreateFleet. */
const defaultSettings: EmulatorSettings = {
  fleetStatusDurationsMs: { NEW: 500, DOWNLOADING: 500, VALIDATING: 500, BUILDING: 500, ACTIVATING: 500 },
  gameSessionActivationMs: 0,
  playerSessionTimeoutMs: 60_000,
  uploadCredentialsTtlMs: 15 * 60_000,
  instanceActivationMs: 0,
  scalingIntervalMs: 60_000,
};

/** The context's settings merged over the defaults. */
export function settingsOf(ctx: EmulatorContext): EmulatorSettings {
  return { ...defaultSettings, ...ctx.settings };
}
