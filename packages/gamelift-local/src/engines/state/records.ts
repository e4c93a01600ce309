/**
 * The records the engines keep in the store (the platform's first, then FlexMatch's). Plain JSON, so
 * that `--persist` snapshots them: times are epoch milliseconds, member names follow the GameLift
 * model where a record mirrors an API shape. `collections.ts` names the collection each one lives in.
 */

/** `{Key, Value}` as in GameLift's GameProperty. */
export interface GameProperty {
  Key: string;
  Value: string;
}

/** `{Key, Value}` as in GameLift's Tag. */
export interface Tag {
  Key: string;
  Value: string;
}

/** Fleet statuses, in the order a new fleet goes through them. */
export const fleetStatusOrder = ["NEW", "DOWNLOADING", "VALIDATING", "BUILDING", "ACTIVATING", "ACTIVE"] as const;

/** A fleet status. */
export type FleetStatus = (typeof fleetStatusOrder)[number] | "DELETING" | "ERROR" | "TERMINATED";

/** Instance counts of one fleet location. */
export interface LocationCapacity {
  Location: string;
  Desired: number;
  Minimum: number;
  Maximum: number;
  Status: FleetStatus;
  /** When the location entered its status; absent = the fleet's `statusSince`. */
  statusSince?: number;
  /** Actions stopped by StopFleetActions (only `AUTO_SCALING` exists). */
  StoppedActions?: "AUTO_SCALING"[];
  /** UpdateFleetCapacity's ManagedCapacityConfiguration, as given. */
  ManagedCapacityConfiguration?: ManagedCapacityConfiguration;
  /** Last time the location had game session activity (a live session or a waiting placement). */
  lastActivity?: number;
}

/** Scale to and from zero (UpdateFleetCapacity). */
interface ManagedCapacityConfiguration {
  ZeroCapacityStrategy: "MANUAL" | "SCALE_TO_AND_FROM_ZERO";
  ScaleInAfterInactivityMinutes?: number;
}

/** The metrics a scaling policy can watch. */
export const scalingMetrics = [
  "ActivatingGameSessions",
  "ActiveGameSessions",
  "ActiveInstances",
  "AvailableGameSessions",
  "AvailablePlayerSessions",
  "CurrentPlayerSessions",
  "IdleInstances",
  "PercentAvailableGameSessions",
  "PercentIdleInstances",
  "QueueDepth",
  "WaitTime",
  "ConcurrentActivatableGameSessions",
] as const;

/** A scaling metric name. */
export type ScalingMetric = (typeof scalingMetrics)[number];

/** A fleet scaling policy (PutScalingPolicy); unique by fleet and name. */
export interface ScalingPolicyRecord {
  FleetId: string;
  FleetArn: string;
  Name: string;
  Status: "ACTIVE";
  PolicyType: "RuleBased" | "TargetBased";
  MetricName: ScalingMetric;
  TargetConfiguration?: { TargetValue: number };
  ScalingAdjustment?: number;
  ScalingAdjustmentType?: "ChangeInCapacity" | "ExactCapacity" | "PercentChangeInCapacity";
  Threshold?: number;
  ComparisonOperator?:
    | "GreaterThanOrEqualToThreshold"
    | "GreaterThanThreshold"
    | "LessThanThreshold"
    | "LessThanOrEqualToThreshold";
  EvaluationPeriods?: number;
  /** Consecutive evaluations (per location) a rule-based policy's condition held. */
  breaches: Record<string, number>;
}

/** A fleet event, as DescribeFleetEvents returns it. */
export interface FleetEventRecord {
  EventId: string;
  ResourceId: string;
  EventCode: string;
  Message: string;
  EventTime: number;
}

/** One server process line of a runtime configuration. */
interface ServerProcess {
  LaunchPath: string;
  Parameters?: string;
  ConcurrentExecutions: number;
}

/** Fleet runtime configuration. */
export interface RuntimeConfiguration {
  ServerProcesses?: ServerProcess[];
  MaxConcurrentGameSessionActivations?: number;
  GameSessionActivationTimeoutSeconds?: number;
}

/** Inbound port permission. */
export interface IpPermission {
  FromPort: number;
  ToPort: number;
  IpRange: string;
  Protocol: "TCP" | "UDP";
}

/** A fleet (EC2 or Anywhere). */
export interface FleetRecord {
  FleetId: string;
  FleetArn: string;
  Name: string;
  Description?: string;
  FleetType: "ON_DEMAND" | "SPOT";
  ComputeType: "EC2" | "ANYWHERE";
  InstanceType?: string;
  BuildId?: string;
  BuildArn?: string;
  ScriptId?: string;
  ScriptArn?: string;
  OperatingSystem?: string;
  Status: FleetStatus;
  /** When the fleet entered its current status. */
  statusSince: number;
  CreationTime: number;
  TerminationTime?: number;
  ServerLaunchPath?: string;
  ServerLaunchParameters?: string;
  LogPaths?: string[];
  NewGameSessionProtectionPolicy: "NoProtection" | "FullProtection";
  ResourceCreationLimitPolicy?: { NewGameSessionsPerCreator?: number; PolicyPeriodInMinutes?: number };
  MetricGroups: string[];
  RuntimeConfiguration: RuntimeConfiguration;
  InboundPermissions: IpPermission[];
  /** Home location first. */
  locations: LocationCapacity[];
  CertificateConfiguration?: { CertificateType: "DISABLED" | "GENERATED" };
  InstanceRoleArn?: string;
  PeerVpcAwsAccountId?: string;
  PeerVpcId?: string;
  /** Echoed as given (validated against the model). */
  AnywhereConfiguration?: { Cost: string };
  InstanceRoleCredentialsProvider?: "SHARED_CREDENTIAL_FILE";
  PlayerGatewayMode?: "DISABLED" | "ENABLED" | "REQUIRED";
  PlayerGatewayConfiguration?: { GameServerIpProtocolSupported?: "IPv4" | "DUAL_STACK" };
}

/** A custom location (`custom-...`), where Anywhere fleets host. */
export interface LocationRecord {
  LocationName: string;
  LocationArn: string;
  CreationTime: number;
}

/** What makes an instance record a compute registered to an Anywhere fleet (RegisterCompute). */
interface RegisteredCompute {
  ComputeName: string;
  ComputeArn: string;
  CertificatePath?: string;
  /** Auth tokens handed out by GetComputeAuthToken, newest last; a Server SDK 5 process presents one. */
  authTokens: { token: string; expiresAt: number }[];
}

/** A fleet instance. */
export interface InstanceRecord {
  InstanceId: string;
  FleetId: string;
  Location: string;
  Status: "PENDING" | "ACTIVE" | "TERMINATING";
  CreationTime: number;
  IpAddress: string;
  DnsName: string;
  OperatingSystem?: string;
  Type?: string;
  /** Linux: PEM RSA private key; Windows: password. Made on first GetInstanceAccess. */
  secret?: string;
  /** Set on a compute registered to an Anywhere fleet (its key is `<fleetId>/<ComputeName>`); it hosts game sessions like an instance. */
  compute?: RegisteredCompute;
  /** When a PENDING instance turns ACTIVE (the scale-out delay). */
  activateAt?: number;
}

/** Game session statuses. */
type GameSessionStatus = "ACTIVATING" | "ACTIVE" | "TERMINATING" | "TERMINATED" | "ERROR";

/** A game session. `GameSessionId` is its ARN. */
export interface GameSessionRecord {
  GameSessionId: string;
  Name?: string;
  FleetId: string;
  FleetArn: string;
  Location: string;
  InstanceId: string;
  CreationTime: number;
  TerminationTime?: number;
  MaximumPlayerSessionCount: number;
  Status: GameSessionStatus;
  StatusReason?: "INTERRUPTED" | "TRIGGERED_ON_PROCESS_TERMINATE" | "FORCE_TERMINATED";
  GameProperties: GameProperty[];
  IpAddress: string;
  DnsName: string;
  Port: number;
  PlayerSessionCreationPolicy: "ACCEPT_ALL" | "DENY_ALL";
  ProtectionPolicy: "NoProtection" | "FullProtection";
  CreatorId?: string;
  GameSessionData?: string;
  MatchmakerData?: string;
  /** When an ACTIVATING session turns ACTIVE. */
  activateAt: number;
  /** The IdempotencyToken it was created with, if any. */
  idempotencyToken?: string;
  /**
   * Ids of the player sessions made in this game session (every one goes through
   * `reservePlayerSessions`), so ending a session or counting its players need not scan every
   * player session. Absent in snapshots written before it existed: then they scan.
   */
  playerSessionIds?: string[];
  /** When the emulated game server ends the match (drawn when it turns ACTIVE; absent = never). */
  endAt?: number;
}

/** Player session statuses. */
type PlayerSessionStatus = "RESERVED" | "ACTIVE" | "COMPLETED" | "TIMEDOUT";

/** A player session. */
export interface PlayerSessionRecord {
  PlayerSessionId: string;
  PlayerId: string;
  GameSessionId: string;
  FleetId: string;
  FleetArn: string;
  CreationTime: number;
  TerminationTime?: number;
  Status: PlayerSessionStatus;
  PlayerData?: string;
  /** When the emulated player leaves before the match ends (`null` = stays; absent = not drawn yet). */
  leaveAt?: number | null;
}

/** A player latency report in a placement request. */
export interface PlayerLatency {
  PlayerId?: string;
  RegionIdentifier?: string;
  LatencyInMilliseconds?: number;
}

/** A game session queue. */
export interface QueueRecord {
  Name: string;
  GameSessionQueueArn: string;
  TimeoutInSeconds: number;
  PlayerLatencyPolicies: { MaximumIndividualPlayerLatencyMilliseconds?: number; PolicyDurationSeconds?: number }[];
  Destinations: { DestinationArn: string }[];
  FilterConfiguration?: { AllowedLocations?: string[] };
  PriorityConfiguration?: { PriorityOrder?: string[]; LocationOrder?: string[] };
  CustomEventData?: string;
  NotificationTarget?: string;
}

/** Placement statuses. */
export type PlacementStatus = "PENDING" | "FULFILLED" | "CANCELLED" | "TIMED_OUT" | "FAILED";

/** A game session placement. */
export interface PlacementRecord {
  PlacementId: string;
  GameSessionQueueName: string;
  queueArn: string;
  Status: PlacementStatus;
  GameProperties: GameProperty[];
  MaximumPlayerSessionCount: number;
  GameSessionName?: string;
  PlayerLatencies: PlayerLatency[];
  DesiredPlayerSessions: { PlayerId?: string; PlayerData?: string }[];
  StartTime: number;
  EndTime?: number;
  GameSessionId?: string;
  GameSessionRegion?: string;
  IpAddress?: string;
  DnsName?: string;
  Port?: number;
  PlacedPlayerSessions?: { PlayerId: string; PlayerSessionId: string }[];
  GameSessionData?: string;
  MatchmakerData?: string;
  PriorityConfigurationOverride?: {
    LocationOrder: string[];
    PlacementFallbackStrategy?: "DEFAULT_AFTER_SINGLE_PASS" | "NONE";
  };
  /** Why it is still waiting: every candidate fleet location was full (emulator-only, for the events' `reason`). */
  waitingFor?: { reason: "FleetCapacityExceeded"; since: number; locations: string[] };
}

/** A build. */
export interface BuildRecord {
  BuildId: string;
  BuildArn: string;
  Name?: string;
  Version?: string;
  Status: "INITIALIZED" | "READY" | "FAILED";
  SizeOnDisk: number;
  OperatingSystem?: string;
  CreationTime: number;
  ServerSdkVersion: string;
  StorageLocation: { Bucket: string; Key: string; RoleArn?: string; ObjectVersion?: string };
  /** True when the caller gave its own bucket (GameLift fetches it; SizeOnDisk stays 0). */
  ownStorage: boolean;
  /** Set when the upload of the build's object completed through the S3 proxy. */
  uploadCompleted?: boolean;
  /** Bytes of that upload, when the proxy saw all of it (else the object's size is used). */
  uploadedSize?: number;
}

/** A Realtime script. */
export interface ScriptRecord {
  ScriptId: string;
  ScriptArn: string;
  Name?: string;
  Version?: string;
  SizeOnDisk: number;
  CreationTime: number;
  NodeJsVersion: string;
  StorageLocation?: { Bucket: string; Key: string; RoleArn?: string; ObjectVersion?: string };
}

/** An alias. */
export interface AliasRecord {
  AliasId: string;
  AliasArn: string;
  Name: string;
  Description?: string;
  RoutingStrategy: { Type: "SIMPLE" | "TERMINAL"; FleetId?: string; Message?: string };
  CreationTime: number;
  LastUpdatedTime: number;
}

/** Temporary upload credentials, scoped to one bucket + key prefix. */
export interface UploadCredentialRecord {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  BuildId: string;
  Bucket: string;
  KeyPrefix: string;
  ExpiresAt: number;
}

// FlexMatch: rule sets, configurations, tickets, matches and the game sessions FlexMatch made.

/** A player attribute value as GameLift sends it: exactly one of S, N, SL, SDM. */
export interface AttributeValue {
  S?: string;
  N?: number;
  SL?: string[];
  SDM?: Record<string, number>;
}

/** A player on a ticket (the API's `Player`). `Team` is set once matched, or given on backfill. */
export interface PlayerRecord {
  PlayerId: string;
  PlayerAttributes?: Record<string, AttributeValue>;
  Team?: string;
  LatencyInMs?: Record<string, number>;
}

/** Ticket statuses, in GameLift's spelling. */
export type TicketStatus =
  | "QUEUED"
  | "SEARCHING"
  | "REQUIRES_ACCEPTANCE"
  | "PLACING"
  | "COMPLETED"
  | "FAILED"
  | "CANCELLED"
  | "TIMED_OUT";

/** Statuses a ticket never leaves. */
export const terminalStatuses: readonly TicketStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"];

/** Where the players of a WITH_QUEUE match connect. */
interface ConnectionInfo {
  GameSessionArn: string;
  IpAddress: string;
  DnsName: string;
  Port: number;
  MatchedPlayerSessions: { PlayerId: string; PlayerSessionId: string }[];
}

/** A matchmaking or backfill ticket. */
export interface TicketRecord {
  ticketId: string;
  configurationName: string;
  configurationArn: string;
  status: TicketStatus;
  statusReason?: string;
  statusMessage?: string;
  startTime: number;
  endTime?: number;
  players: PlayerRecord[];
  /** The match this ticket is (or last was) part of. */
  matchId?: string;
  connectionInfo?: ConnectionInfo;
  /** Present on backfill tickets. */
  backfill?: { gameSessionArn?: string; auto: boolean };
}

/** A rule set as stored (the body is kept verbatim, as GameLift returns it). */
export interface RuleSetRecord {
  RuleSetName: string;
  RuleSetArn: string;
  RuleSetBody: string;
  CreationTime: number;
}

/** A matchmaking configuration in the API's shape (times in epoch ms). */
export interface ConfigurationRecord {
  Name: string;
  ConfigurationArn: string;
  Description?: string;
  GameSessionQueueArns: string[];
  RequestTimeoutSeconds: number;
  AcceptanceTimeoutSeconds?: number;
  AcceptanceRequired: boolean;
  RuleSetName: string;
  RuleSetArn: string;
  NotificationTarget?: string;
  AdditionalPlayerCount: number;
  CustomEventData?: string;
  CreationTime: number;
  GameProperties: GameProperty[];
  GameSessionData?: string;
  BackfillMode?: "AUTOMATIC" | "MANUAL";
  FlexMatchMode: "STANDALONE" | "WITH_QUEUE";
}

/** One player's place in a match. */
interface MatchPlayer {
  playerId: string;
  ticketId: string;
}

/** A match team. */
interface MatchTeam {
  name: string;
  players: MatchPlayer[];
}

/** A rule's pass/fail counts, as reported in events. */
export interface RuleMetric {
  ruleName: string;
  passedCount: number;
  failedCount: number;
}

/** Match statuses: the proposal's life, from creation to an outcome. */
type MatchStatus = "REQUIRES_ACCEPTANCE" | "PLACING" | "COMPLETED" | "FAILED" | "ABANDONED";

/** A proposed match (a new game, or new players for a backfilled game). */
export interface MatchRecord {
  matchId: string;
  configurationName: string;
  ticketIds: string[];
  teams: MatchTeam[];
  status: MatchStatus;
  createdAt: number;
  ruleEvaluationMetrics: RuleMetric[];
  location?: string;
  /** Players that must answer (backfill: new players only) and their answers. */
  acceptance?: { deadline: number; answers: Record<string, boolean>; required: string[] };
  placementId?: string;
  /** The backfill ticket in this match, if it fills an existing game. */
  backfillTicketId?: string;
  /** The auto-backfill ticket id written into this match's MatchmakerData, if any. */
  autoBackfillTicketId?: string;
}

/** A game session that FlexMatch made (WITH_QUEUE), so later backfills can rebuild its MatchmakerData. */
export interface MatchedSessionRecord {
  gameSessionArn: string;
  configurationName: string;
  matchId: string;
  teams: { name: string; players: PlayerRecord[] }[];
  /** Players FlexMatch fills the game up to: Σ team maxPlayers less the AdditionalPlayerCount slots kept open. */
  maxPlayers: number;
  autoBackfillTicketId: string | null;
  /** Set once StopMatchmaking ends auto-backfill for this session. */
  autoBackfillStopped?: boolean;
}
