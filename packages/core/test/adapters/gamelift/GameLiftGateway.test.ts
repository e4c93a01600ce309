/**
 * The gateway and its calls against the real emulator over HTTP. Faults are injected as emulator operations that
 * answer with GameLift's own error shapes on the wire (no SDK mocks): the SDK parses them exactly as
 * it would AWS's.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GameLiftError, startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ThrottledError, UnavailableError } from "../../../src/errors.js";
import { createGameLiftClient } from "../../../src/adapters/gamelift/client.js";
import {
  bindGameLift,
  callAcceptMatch,
  callStartMatchmaking,
  callStopGameSessionPlacement,
  callStopMatchmaking,
  gameLiftPort,
  toAttributeValue,
} from "../../../src/adapters/gamelift/calls.js";
import { GameLiftGateway } from "../../../src/adapters/gamelift/GameLiftGateway.js";

type Fault = () => never;
let fault: Fault | undefined;
const faulty = (): Record<string, unknown> => {
  if (fault) fault();
  return {};
};

let emulator: GameLiftEmulator;
let gateway: GameLiftGateway;
let calls = 0;
const credentials = { accessKeyId: "x", secretAccessKey: "x" };

beforeAll(async () => {
  emulator = await startGameLiftEmulator({
    port: 0,
    tickIntervalMs: 0,
    extraOperations: {
      StartMatchmaking: () => {
        calls += 1;
        return faulty();
      },
      StopMatchmaking: faulty,
      AcceptMatch: faulty,
      StartGameSessionPlacement: faulty,
      StopGameSessionPlacement: faulty,
    },
  });
  gateway = new GameLiftGateway({
    client: createGameLiftClient({
      endpoint: emulator.url,
      region: "us-east-1",
      maxAttempts: 2,
      retryMode: "standard",
      config: { credentials },
    }),
  });
});
afterAll(async () => emulator.close());

const startOnce = (): Promise<unknown> =>
  callStartMatchmaking(gateway, {
    ticketId: "t-1",
    configurationName: "arena",
    players: [{ playerId: "p", attributes: {} }],
  });

describe("GameLiftGateway error mapping", () => {
  it("maps ThrottlingException to ThrottledError after the SDK retried it", async () => {
    calls = 0;
    fault = () => {
      throw new GameLiftError("ThrottlingException", "Rate exceeded");
    };
    await expect(startOnce()).rejects.toBeInstanceOf(ThrottledError);
    expect(calls).toBe(2);
  });

  it("maps InternalServiceException (500) to UnavailableError", async () => {
    fault = () => {
      throw new GameLiftError("InternalServiceException", "boom", 500);
    };
    await expect(startOnce()).rejects.toBeInstanceOf(UnavailableError);
  });

  it("maps StopMatchmaking's InvalidRequestException (PLACING) to ConflictError TICKET_PLACING", async () => {
    fault = () => {
      throw new GameLiftError(
        "InvalidRequestException",
        "Matchmaking ticket is in PLACING status and cannot be canceled.",
      );
    };
    await expect(callStopMatchmaking(gateway, "t-1")).rejects.toMatchObject({
      name: "ConflictError",
      code: "TICKET_PLACING",
    });
    await expect(callAcceptMatch(gateway, { ticketId: "t-1", playerIds: ["p"], accept: true })).rejects.toMatchObject({
      code: "NOT_AWAITING_ACCEPTANCE",
    });
    await expect(callStopGameSessionPlacement(gateway, "pl-1")).rejects.toBeInstanceOf(ConflictError);
  });

  it("maps NotFoundException to NotFoundError", async () => {
    fault = () => {
      throw new GameLiftError("NotFoundException", "no such placement");
    };
    await expect(callStopGameSessionPlacement(gateway, "pl-1")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("passes an error core gives no meaning to through unchanged", async () => {
    fault = () => {
      throw new GameLiftError("UnauthorizedException", "not allowed");
    };
    const err = await callStopGameSessionPlacement(gateway, "pl-1").catch((e: unknown) => e);

    expect(err).toMatchObject({ name: "UnauthorizedException", message: "not allowed" });
    expect(err).not.toBeInstanceOf(UnavailableError);
    expect(err).not.toBeInstanceOf(ConflictError);
  });

  it("maps a refused connection to UnavailableError", async () => {
    const closed = new GameLiftGateway({
      client: createGameLiftClient({
        endpoint: "http://127.0.0.1:1",
        region: "us-east-1",
        maxAttempts: 1,
        config: { credentials },
      }),
    });
    await expect(callStopMatchmaking(closed, "t")).rejects.toBeInstanceOf(UnavailableError);
  });

  it("maps a request timeout to UnavailableError", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as AddressInfo).port;
    const slow = new GameLiftGateway({
      client: createGameLiftClient({
        endpoint: `http://127.0.0.1:${port}`,
        region: "us-east-1",
        maxAttempts: 1,
        requestTimeoutMs: 200,
        config: { credentials },
      }),
    });
    try {
      await expect(callStopMatchmaking(slow, "t")).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe("bindGameLift", () => {
  it("makes a port of exactly the calls it is given, each on the bound gateway", async () => {
    fault = undefined;
    calls = 0;
    const port = bindGameLift(gateway, {
      startMatchmaking: callStartMatchmaking,
      stopMatchmaking: callStopMatchmaking,
    });
    expect(Object.keys(port).sort()).toEqual(["startMatchmaking", "stopMatchmaking"]);
    await expect(
      port.startMatchmaking({
        ticketId: "t-bound",
        configurationName: "arena",
        players: [{ playerId: "p", attributes: {} }],
      }),
    ).resolves.toEqual({ status: "QUEUED" });
    expect(calls).toBe(1);
    fault = () => {
      throw new GameLiftError("InvalidRequestException", "Matchmaking ticket is in PLACING status.");
    };
    await expect(port.stopMatchmaking("t-bound")).rejects.toMatchObject({ code: "TICKET_PLACING" });
  });

  it("makes the whole GameLiftPort of every call", async () => {
    const port = gameLiftPort(gateway);
    expect(Object.keys(port).sort()).toEqual([
      "acceptMatch",
      "startMatchmaking",
      "startPlacement",
      "stopMatchmaking",
      "stopPlacement",
    ]);
    fault = () => {
      throw new GameLiftError("NotFoundException", "no such placement");
    };
    await expect(port.stopPlacement("pl-1")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("toAttributeValue", () => {
  it.each([
    ["a string", "ranked", { S: "ranked" }],
    ["a number", 1000, { N: 1000 }],
    ["a string list", ["ranked", "casual"], { SL: ["ranked", "casual"] }],
    ["a string-number map", { a: 1 }, { SDM: { a: 1 } }],
  ])("tags %s", (_name, value, expected) => {
    expect(toAttributeValue(value)).toEqual(expected);
  });
});
