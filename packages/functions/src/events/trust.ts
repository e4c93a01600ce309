import { Resource } from "sst";
import { parseEventTrust, type EventTrust } from "@matchplace/core";
import { MissingLinkError } from "./linked.js";

/**
 * This stage's identity for vetting GameLift events, from the `EventsTrust` link (infra/trust.ts;
 * the local stage sets `SST_RESOURCE_EventsTrust` from its seeded emulator). Fails closed: a missing
 * or malformed link throws at cold start, so no event is ever folded unvetted.
 */
export function linkedTrust(): EventTrust {
  let value: unknown;
  try {
    value = (Resource as unknown as Record<string, unknown>)["EventsTrust"];
  } catch (err) {
    throw new MissingLinkError("EventsTrust", "account", { cause: err });
  }
  if (value === undefined) throw new MissingLinkError("EventsTrust", "account");
  // SST adds a `type` member to linked resources; the trust schema is strict about the rest.
  const { type: _type, ...fields } = value as Record<string, unknown>;
  return parseEventTrust(fields);
}
