/// <reference path="./.sst/platform/config.d.ts" />

/**
 * matchplace on AWS. `npx sst deploy --stage <name>`; see docs/deploy.md.
 * Resources live in infra/, one file per concern.
 */
export default $config({
  app(input) {
    return {
      name: "matchplace",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      home: "aws",
    };
  },
  async run() {
    const { table } = await import("./infra/table.js");
    const { events } = await import("./infra/topics.js");
    const { matchmaking } = await import("./infra/matchmaking.js");
    const { api } = await import("./infra/api.js");
    const { userPool, userPoolClient } = await import("./infra/auth.js");
    await import("./infra/consumer.js");
    await import("./infra/schedule.js");
    const { realtimeApi, matchEvents } = await import("./infra/realtime.js");
    const { alarms } = await import("./infra/alarms.js");
    const { gameServerPolicy } = await import("./infra/gameServers.js");

    return {
      api: api.url,
      eventsTopicArn: events.arn,
      tableName: table.name,
      matchmakingConfigurationName: matchmaking.properties.configurationName,
      queueName: matchmaking.properties.queueName,
      alarmsTopicArn: alarms.arn,
      realtimeUrl: realtimeApi.url,
      matchEventsTopicArn: matchEvents.arn,
      gameServerPolicyArn: gameServerPolicy.arn,
      ...(userPool && userPoolClient ? { userPoolId: userPool.id, userPoolClientId: userPoolClient.id } : {}),
    };
  },
});
