import type { AliasRecord, BuildRecord, QueueRecord, ScriptRecord } from "../../engines/state/records.js";

/** Build of the API. */
export function buildView(b: BuildRecord): Record<string, unknown> {
  return {
    BuildId: b.BuildId,
    BuildArn: b.BuildArn,
    Name: b.Name,
    Version: b.Version,
    Status: b.Status,
    SizeOnDisk: b.SizeOnDisk,
    OperatingSystem: b.OperatingSystem,
    CreationTime: new Date(b.CreationTime),
    ServerSdkVersion: b.ServerSdkVersion,
  };
}

/** Script of the API. */
export function scriptView(s: ScriptRecord): Record<string, unknown> {
  return {
    ScriptId: s.ScriptId,
    ScriptArn: s.ScriptArn,
    Name: s.Name,
    Version: s.Version,
    SizeOnDisk: s.SizeOnDisk,
    CreationTime: new Date(s.CreationTime),
    StorageLocation: s.StorageLocation,
    NodeJsVersion: s.NodeJsVersion,
  };
}

/** Alias of the API. */
export function aliasView(a: AliasRecord): Record<string, unknown> {
  return {
    AliasId: a.AliasId,
    Name: a.Name,
    AliasArn: a.AliasArn,
    Description: a.Description,
    RoutingStrategy: a.RoutingStrategy,
    CreationTime: new Date(a.CreationTime),
    LastUpdatedTime: new Date(a.LastUpdatedTime),
  };
}

/** GameSessionQueue of the API. */
export function queueView(q: QueueRecord): Record<string, unknown> {
  return { ...q };
}
