import type { IncomingHttpHeaders } from "node:http";
import type { Protocol } from "./codec.js";

/** Which protocol and operation an HTTP request is for, or `undefined` when it is for neither. */
export interface Route {
  readonly protocol: Protocol;
  readonly operation: string;
}

const cborPath = /^\/service\/GameLift\/operation\/([A-Za-z0-9]+)\/?$/;

/** Recognizes AWS JSON 1.1 (`POST /` + `X-Amz-Target`) and Smithy RPC v2 CBOR (`POST /service/...`). */
export function routeOf(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): Route | undefined {
  if (method !== "POST") return undefined;
  const path = (url ?? "/").split("?")[0] ?? "/";
  const cbor = cborPath.exec(path);
  if (cbor?.[1]) return { protocol: "cbor", operation: cbor[1] };
  const target = headers["x-amz-target"];
  if (path === "/" && typeof target === "string") {
    const [prefix, operation] = target.split(".");
    if (prefix === "GameLift" && operation) return { protocol: "json", operation };
    return { protocol: "json", operation: target };
  }
  if (path === "/") return { protocol: "json", operation: "" };
  return undefined;
}
