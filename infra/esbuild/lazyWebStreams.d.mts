/** Stands in for `node:stream/web`'s `ReadableStream` in @middy/core's bundle: `instanceof` only. */
export declare const ReadableStream: { [Symbol.hasInstance](value: unknown): boolean };
