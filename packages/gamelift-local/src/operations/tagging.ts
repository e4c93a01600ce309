import { collections } from "../engines/state/collections.js";
import type { Tag } from "../engines/state/records.js";
import { TaggingFailedException } from "../errors.js";
import type { EmulatorContext } from "../engines/context.js";

/** Adds or overwrites tags on a resource ARN (idempotent); more than 200 is `TaggingFailedException`. */
export function applyTags(ctx: EmulatorContext, arn: string, tags: readonly Tag[] | undefined): void {
  if (!tags?.length) return;
  const store = collections(ctx.store).tags;
  const byKey = new Map((store.get(arn) ?? []).map((t) => [t.Key, t.Value]));
  for (const t of tags) byKey.set(t.Key, t.Value);
  if (byKey.size > 200) throw new TaggingFailedException("A resource can have at most 200 tags.");
  store.put(
    arn,
    [...byKey].map(([Key, Value]) => ({ Key, Value })),
  );
}

/** Removes every tag of a deleted resource. */
export function dropTags(ctx: EmulatorContext, arn: string): void {
  collections(ctx.store).tags.delete(arn);
}
