import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  createLocalJWKSet,
  jwtVerify,
  type JWTPayload,
  type JSONWebKeySet,
} from "jose";

/** Options for {@link LocalIssuer.create}. */
export interface LocalIssuerOptions {
  /** The `iss` claim, e.g. `http://127.0.0.1:3000/local`. */
  readonly issuer: string;
  /** The `aud` claim the authorizer expects. */
  readonly audience: string;
  /** Token lifetime in seconds. */
  readonly ttlSeconds?: number;
}

/** The verified claims the authorizer hands to a handler. */
export type JwtClaims = JWTPayload & { sub: string };

const ALG = "RS256";

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

/**
 * The local stage's token issuer: a fresh RSA key per stage, a JWKS, dev tokens for any player id.
 * Only the local stage has it; on AWS the issuer is Cognito or the studio's own.
 *
 * @example
 * const issuer = await LocalIssuer.create({ issuer: "http://127.0.0.1:3000/local", audience: "matchplace" });
 * const token = await issuer.issue("alice");
 * const claims = await issuer.verify(token); // claims.sub === "alice"
 */
export class LocalIssuer {
  readonly #privateKey: SigningKey;
  readonly #jwks: JSONWebKeySet;
  readonly #verifyKeys: ReturnType<typeof createLocalJWKSet>;
  readonly #options: Required<LocalIssuerOptions>;

  private constructor(privateKey: SigningKey, jwks: JSONWebKeySet, options: Required<LocalIssuerOptions>) {
    this.#privateKey = privateKey;
    this.#jwks = jwks;
    this.#verifyKeys = createLocalJWKSet(jwks);
    this.#options = options;
  }

  public static async create(options: LocalIssuerOptions): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "local-1", alg: ALG, use: "sig" };
    return new LocalIssuer(privateKey, { keys: [jwk] }, { ttlSeconds: 3600, ...options });
  }

  /** The public keys, as served at `/local/.well-known/jwks.json`. */
  public get jwks(): JSONWebKeySet {
    return this.#jwks;
  }

  public get issuer(): string {
    return this.#options.issuer;
  }

  public get audience(): string {
    return this.#options.audience;
  }

  /**
   * A signed token whose subject is the player. `overrides` make the tokens an authorizer must
   * refuse (tests): another audience, or an expiry in the past (epoch seconds).
   */
  public async issue(
    playerId: string,
    ttlSeconds = this.#options.ttlSeconds,
    overrides: { audience?: string; expiresAt?: number } = {},
  ): Promise<string> {
    return new SignJWT({ scope: "player" })
      .setProtectedHeader({ alg: ALG, kid: "local-1", typ: "JWT" })
      .setSubject(playerId)
      .setIssuer(this.#options.issuer)
      .setAudience(overrides.audience ?? this.#options.audience)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresAt ?? `${ttlSeconds}s`)
      .sign(this.#privateKey);
  }

  /** Checks signature, issuer, audience and expiry as API Gateway's JWT authorizer does. Throws if any fails. */
  public async verify(token: string): Promise<JwtClaims> {
    const { payload } = await jwtVerify(token, this.#verifyKeys, {
      issuer: this.#options.issuer,
      audience: this.#options.audience,
      algorithms: [ALG],
      requiredClaims: ["sub", "exp"],
    });
    return payload as JwtClaims;
  }
}
