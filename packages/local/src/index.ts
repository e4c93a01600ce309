export { startDynamoDbLocal } from "./dynamodb/DynamoDbLocal.js";
