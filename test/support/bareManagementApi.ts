/** Reference bundle of the bare API Gateway Management API client (one PostToConnection): the allowance of handlers that post to WebSocket connections. */
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";

const client = new ApiGatewayManagementApiClient({});

export const handler = (event: { id: string; data: string }) =>
  client.send(new PostToConnectionCommand({ ConnectionId: event.id, Data: event.data }));
