import { describe, expect, it } from "vitest";
import { LocalIssuer } from "../src/auth/LocalIssuer.js";

/** The JWT authorizer's verdicts do not change when a verified token is remembered (see LocalIssuer.verify). */
describe("LocalIssuer verification", () => {
  const start = Date.parse("2026-01-01T00:00:00Z");
  const clocked = async () => {
    let now = start;
    const issuer = await LocalIssuer.create({
      issuer: "http://127.0.0.1/local",
      audience: "matchplace",
      now: () => now,
    });
    return { issuer, advance: (ms: number) => void (now += ms) };
  };

  it("accepts a remembered token only until it expires, then refuses it as jose does", async () => {
    const { issuer, advance } = await clocked();
    const token = await issuer.issue("alice", 60);
    expect((await issuer.verify(token)).sub).toBe("alice");
    advance(59_000);
    expect((await issuer.verify(token)).sub).toBe("alice");
    advance(1_000);
    await expect(issuer.verify(token)).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
    await expect(issuer.verify(token)).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
  });

  it("refuses a token differing from a verified one in any byte", async () => {
    const { issuer } = await clocked();
    const token = await issuer.issue("alice");
    await issuer.verify(token);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const otherPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sub: "mallory" }),
    ).toString("base64url");
    await expect(issuer.verify(`${header}.${otherPayload}.${signature}`)).rejects.toMatchObject({
      code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    });
    const flipped = signature.slice(0, -2) + (signature.endsWith("AA") ? "BB" : "AA");
    await expect(issuer.verify(`${header}.${payload}.${flipped}`)).rejects.toThrow();
  });

  it("hands out claims no caller can alter for the next request", async () => {
    const { issuer } = await clocked();
    const token = await issuer.issue("alice");
    const claims = await issuer.verify(token);
    expect(() => Object.assign(claims, { sub: "mallory" })).toThrow(TypeError);
    expect((await issuer.verify(token)).sub).toBe("alice");
  });
});
