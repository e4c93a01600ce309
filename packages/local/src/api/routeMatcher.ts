/** A route as API Gateway HTTP APIs declare it: `GET /v1/matchmaking/{ticketId}`. */
export interface RouteSpec {
  readonly method: string;
  readonly path: string;
}

/** A compiled route: the spec plus what it matched. */
export interface RouteMatch<R extends RouteSpec> {
  readonly route: R;
  readonly pathParameters: Record<string, string>;
}

interface Compiled<R extends RouteSpec> {
  readonly route: R;
  readonly segments: readonly string[];
  /** Literal segments count more than parameters: API Gateway picks the most specific route. */
  readonly score: number;
}

/**
 * Matches request paths against API Gateway route keys, most specific first
 * (literal segments over `{param}`, `{param}` over greedy `{proxy+}`).
 */
export class RouteMatcher<R extends RouteSpec> {
  readonly #compiled: Compiled<R>[];

  public constructor(routes: readonly R[]) {
    this.#compiled = routes
      .map((route) => {
        const segments = route.path.split("/").filter(Boolean);
        const score = segments.reduce((s, seg) => s + (seg.endsWith("+}") ? 0 : seg.startsWith("{") ? 1 : 2), 0);
        return { route, segments, score };
      })
      .sort((a, b) => b.score - a.score || b.segments.length - a.segments.length);
  }

  /** The matching route, or `undefined`; `methodAllowed` tells a 404 from a 405-ish miss. */
  public match(method: string, path: string): RouteMatch<R> | undefined {
    const parts = path.split("/").filter(Boolean);
    for (const c of this.#compiled) {
      if (c.route.method !== method && c.route.method !== "ANY") continue;
      const params = matchSegments(c.segments, parts);
      if (params) return { route: c.route, pathParameters: params };
    }
    return undefined;
  }

  /** Whether any route (of any method) has this path: for CORS preflight. */
  public hasPath(path: string): boolean {
    const parts = path.split("/").filter(Boolean);
    return this.#compiled.some((c) => matchSegments(c.segments, parts) !== undefined);
  }
}

function matchSegments(segments: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (seg.startsWith("{") && seg.endsWith("+}")) {
      if (i >= parts.length) return undefined;
      params[seg.slice(1, -2)] = parts.slice(i).map(safeDecode).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.startsWith("{") && seg.endsWith("}")) params[seg.slice(1, -1)] = safeDecode(part);
    else if (seg !== part) return undefined;
  }
  return segments.length === parts.length ? params : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
