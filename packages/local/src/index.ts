export { startLocalStage, defaultPorts, localJsonPath } from "./stage.js";
export type { LocalStage, LocalStageOptions, StageEndpoints } from "./stage.js";
export { startDynamoDbLocal } from "./dynamodb/DynamoDbLocal.js";
export { LocalIssuer } from "./auth/LocalIssuer.js";
export { LocalSns } from "./sns/LocalSns.js";
export { parseFaults } from "./sns/faults.js";
export type { DeliveryFaults } from "./sns/faults.js";
