/**
 * What a matchmaking profile is called in this stage. Only the handlers that name profiles import
 * this module, and only they are linked to the `Catalog` (`catalog: true` in their access in routes.ts), so no
 * other handler bundles or reads the catalog.
 */
import type { ConfigurationProfile, QueueProfile } from "@matchplace/core";
import { linkedCatalog } from "../edge.js";
import { stageNames } from "./services.js";

/**
 * The GameLift configuration name a profile resolves to in this stage: the default profile is the
 * stage's linked configuration (SST may rename it per stage), any other keeps its key.
 */
export function configurationNameOf(profile: ConfigurationProfile): string {
  return profile.key === linkedCatalog().defaultConfiguration.key ? stageNames().configurationName : profile.key;
}

/** The GameLift queue name a queue profile resolves to in this stage (the default: the linked queue). */
export function queueNameOf(profile: QueueProfile): string {
  return profile.key === linkedCatalog().defaultQueue.key ? stageNames().queueName : profile.key;
}
