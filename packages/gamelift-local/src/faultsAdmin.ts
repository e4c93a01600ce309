import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSwitch } from "./faults.js";

/**
 * `GET /local/faults` shows the knobs; `PUT /local/faults {"throttle":0.2}` changes some of them.
 * Not part of GameLift's API: the emulator's own control surface, next to it on the same port.
 */
export function faultsAdmin(faults: FaultSwitch, req: IncomingMessage, res: ServerResponse): void {
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.url !== "/local/faults") {
    reply(404, { error: { code: "NOT_FOUND", message: `no local route ${req.url ?? ""}` } });
    return;
  }
  if (req.method === "GET") {
    reply(200, faults.get());
    return;
  }
  if (req.method !== "PUT" && req.method !== "POST") {
    reply(405, { error: { code: "METHOD_NOT_ALLOWED", message: "GET or PUT" } });
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    try {
      const update = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as unknown;
      if (!update || typeof update !== "object" || Array.isArray(update))
        throw new RangeError("body must be a JSON object");
      reply(200, faults.set(update as Record<string, unknown>));
    } catch (err) {
      reply(400, { error: { code: "INVALID_FAULTS", message: err instanceof Error ? err.message : String(err) } });
    }
  });
}
