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
  /** Epoch milliseconds now (tests inject a clock); default `Date.now`. */
  readonly now?: () => number;
}

/** The verified claims the authorizer hands to a handler. */
export type JwtClaims = JWTPayload & { sub: string };

const ALG = "RS256";

/** Verified tokens remembered at most (the oldest is forgotten first). */
const VERIFIED_CACHE_SIZE = 10_000;

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
  /** Tokens whose signature, issuer and audience have been verified → their claims (see {@link verify}). */
  readonly #verified = new Map<string, JwtClaims>();

  private constructor(privateKey: SigningKey, jwks: JSONWebKeySet, options: Required<LocalIssuerOptions>) {
    this.#privateKey = privateKey;
    this.#jwks = jwks;
    this.#verifyKeys = createLocalJWKSet(jwks);
    this.#options = options;
  }

  public static async create(options: LocalIssuerOptions): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "local-1", alg: ALG, use: "sig" };
    return new LocalIssuer(privateKey, { keys: [jwk] }, { ttlSeconds: 3600, now: Date.now, ...options });
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
      .setIssuedAt(Math.floor(this.#options.now() / 1000))
      .setExpirationTime(overrides.expiresAt ?? Math.floor(this.#options.now() / 1000) + ttlSeconds)
      .sign(this.#privateKey);
  }

  /**
   * Checks signature, issuer, audience and expiry as API Gateway's JWT authorizer does. Throws if any fails.
   *
   * A token verified once is remembered (up to {@link VERIFIED_CACHE_SIZE}) with its claims: the
   * signature, issuer and audience of the same string cannot change, and the keys never rotate
   * within a stage, so a repeat only re-checks the times (`exp`, `nbf`) against the clock. Once
   * either fails, the token is forgotten and verified in full, which throws jose's own error.
   */
  public async verify(token: string): Promise<JwtClaims> {
    const nowSeconds = Math.floor(this.#options.now() / 1000);
    const known = this.#verified.get(token);
    if (known !== undefined) {
      if ((known.exp ?? 0) > nowSeconds && (known.nbf === undefined || known.nbf <= nowSeconds)) return known;
      this.#verified.delete(token);
    }
    const { payload } = await jwtVerify(token, this.#verifyKeys, {
      issuer: this.#options.issuer,
      audience: this.#options.audience,
      algorithms: [ALG],
      requiredClaims: ["sub", "exp"],
      currentDate: new Date(nowSeconds * 1000),
    });
    const claims = Object.freeze(payload) as JwtClaims;
    const oldest = this.#verified.keys().next();
    if (this.#verified.size >= VERIFIED_CACHE_SIZE && oldest.done !== true) this.#verified.delete(oldest.value);
    this.#verified.set(token, claims);
    return claims;
  }
}
