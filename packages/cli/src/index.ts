export { runCli } from "./cli.js";
export { parseCommandLine, usage } from "./args.js";
export type { CommandName, ParsedCommandLine, OptionValues } from "./args.js";
export { ExitCode } from "./constants.js";
export type { ExitCodeValue } from "./constants.js";
export { CliError, UsageError, NotFoundError, WrongStateError, RefusedError, InterruptedError } from "./errors.js";
export { resolveConnection, readLocalConfig, findLocalConfig } from "./connection.js";
export type { ConnectionOptions, LocalStageConfig } from "./connection.js";
export { ResumableUpload, choosePartSize } from "./upload/ResumableUpload.js";
export type { ResumableUploadOptions } from "./upload/ResumableUpload.js";
export { s3PartStore } from "./upload/s3PartStore.js";
export type {
  PartStore,
  PartStoreFactory,
  UploadSource,
  CredentialGrant,
  UploadProgress,
  UploadSummary,
  RefreshEvent,
} from "./upload/types.js";
export { writePrivateKey, privateKeyMode } from "./pem.js";
export { renderTable } from "./table.js";
export type { Column } from "./table.js";
export type { CliIo, Connection, InterruptSource, UploadCredentials, StorageLocation } from "./types.js";
export { runSimulation } from "./simulate/simulation.js";
export type { RunSimulationOptions, SimulationReport } from "./simulate/simulation.js";
export { simulateRun } from "./simulate/driver.js";
export type { SimulateRunOptions } from "./simulate/driver.js";
export { generateArrivals } from "./simulate/arrivals.js";
export type { Arrival, SimPlayer } from "./simulate/arrivals.js";
export { parsePopulation, loadPopulation, PopulationError } from "./simulate/population/load.js";
export { autoPopulation } from "./simulate/population/auto.js";
export type { Population } from "./simulate/population/schema.js";
export { resolveRuleSet } from "./simulate/ruleSetSource.js";
export type { RuleSetSource } from "./simulate/ruleSetSource.js";
export { renderHtml } from "./simulate/report/html.js";
export type { RunReport } from "./simulate/report/summary.js";
export type { RunObservation, RunProgress, SimulatedMatch, TicketOutcome } from "./simulate/types.js";
export { signedPost, type ServerSigningCredentials } from "./serverSigner.js";
