import { z } from "zod";

/** Member schemas shared by operations, with GameLift's bounds and patterns. */

/** Fleet id or ARN, 1..512. */
export const fleetIdOrArn = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/);
/** Build id or ARN. */
export const buildIdOrArn = z
  .string()
  .min(1)
  .max(512)
  .regex(/^build-\S+|^arn:.*:build\/build-\S+/);
/** Script id or ARN. */
export const scriptIdOrArn = z
  .string()
  .min(1)
  .max(512)
  .regex(/^script-\S+|^arn:.*:script\/script-\S+/);
/** Alias id or ARN. */
export const aliasIdOrArn = z
  .string()
  .min(1)
  .max(512)
  .regex(/^alias-\S+|^arn:.*:alias\/alias-\S+/);
/** Queue name or ARN, 1..256. */
export const queueNameOrArn = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9-]+|^arn:.*:gamesessionqueue\/[a-zA-Z0-9-]+/);
/** A game session id (its ARN), 1..512. */
export const gameSessionId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-zA-Z0-9:/-]+$/);
/** A name with at least one non-blank character, 1..1024. */
export const nonBlank = (max = 1024) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^.*\S.*$/s);
/** Any string within bounds. */
export const text = (min: number, max: number) => z.string().min(min).max(max);
/** A location name, `^[A-Za-z0-9\-]+$` 1..64. */
export const location = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
/** A non-negative integer. */
export const wholeNumber = z.number().int().min(0);
/** `Limit` of list and describe operations. */
export const limit = z.number().int().min(1);
/** `NextToken` of list and describe operations. */
export const nextToken = z.string().min(1).max(1024);
/** GameLift tags. */
export const tags = z.array(z.object({ Key: text(1, 128), Value: text(0, 256) })).max(200);
/** Game properties, at most 16. */
export const gameProperties = z.array(z.object({ Key: text(0, 32), Value: text(0, 96) })).max(16);
/** Player latency reports. */
export const playerLatencies = z.array(
  z.object({
    PlayerId: text(1, 1024).optional(),
    RegionIdentifier: text(1, 1024).optional(),
    LatencyInMilliseconds: z.number().min(0).optional(),
  }),
);
/** A storage location in S3. */
export const s3Location = z.object({
  Bucket: text(1, 1024).optional(),
  Key: text(1, 1024).optional(),
  RoleArn: text(1, 256).optional(),
  ObjectVersion: text(1, 1024).optional(),
});
/** An input timestamp: a Date (CBOR tag 1) or epoch seconds (JSON). */
export const timestamp = z.union([z.date(), z.number().transform((s) => new Date(s * 1000))]);
/** A blob: bytes (CBOR) or base64 text (JSON). */
export const blob = z.union([
  z.instanceof(Uint8Array).transform((b) => Buffer.from(b)),
  z.string().transform((s) => Buffer.from(s, "base64")),
]);
/** Operating systems of builds and fleets. */
export const operatingSystem = z.enum([
  "WINDOWS_2012",
  "AMAZON_LINUX",
  "AMAZON_LINUX_2",
  "WINDOWS_2016",
  "AMAZON_LINUX_2023",
  "WINDOWS_2022",
]);
