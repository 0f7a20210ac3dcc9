// A small typed client for Arogya's GraphQL API, for other apps: a partner's app, a
// lab analyser's interface, another state system. Works in browsers and in Node 20+
// (fetch and WebCrypto). See README.md.
export * from "./operations";
export type * from "./types";

/** A GraphQL error as the server gives it: a stable `code`, plain words, the field. */
export class ArogyaError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "ArogyaError";
  }
}

type Credentials =
  /** OAuth 2.0 client_credentials: a machine client made by a tenant administrator. */
  | { clientId: string; clientSecret: string }
  /** A member of staff's sign-in (an app used by a person). */
  | { tenantCode: string; login: string; password: string }
  /** A bearer token got elsewhere. */
  | { accessToken: string };

export interface ArogyaClientOptions {
  /** The server, e.g. https://arogya.example.gov.in (no trailing slash). */
  baseUrl: string;
  credentials: Credentials;
  fetch?: typeof fetch;
}

interface Body {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string; field?: string } }[];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export class ArogyaClient {
  private token: { value: string; until: number } | null = null;
  /** Query hashes whose text the server has been sent (automatic persisted queries). */
  private sent = new Set<string>();
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ArogyaClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /**
   * Run an operation. Queries go by hash once the server has their text; a mutation
   * may carry an `idempotencyKey` (a UUID per submission) so a retry never applies twice.
   */
  async request<TData, TVars = Record<string, never>>(query: string, variables?: TVars, options?: { idempotencyKey?: string }): Promise<TData> {
    const token = await this.accessToken();
    const hash = await sha256Hex(query);
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const send = (withText: boolean) =>
      this.post(JSON.stringify({ query: withText ? query : undefined, variables: variables ?? {}, extensions }), token, options?.idempotencyKey);
    let body = await send(!this.sent.has(hash));
    if (body.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND") body = await send(true);
    this.sent.add(hash);
    const e = body.errors?.[0];
    if (e) throw new ArogyaError(e.message ?? "the request failed", e.extensions?.code ?? "INTERNAL", e.extensions?.field);
    return body.data as TData;
  }

  private async post(body: string, token: string | null, idempotencyKey?: string): Promise<Body> {
    const res = await this.fetch(`${this.options.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body,
    });
    try {
      return (await res.json()) as Body;
    } catch {
      throw new ArogyaError(`the server answered ${res.status}`, "UNAVAILABLE");
    }
  }

  /** A valid access token, fetched again a minute before it expires. */
  private async accessToken(): Promise<string> {
    const c = this.options.credentials;
    if ("accessToken" in c) return c.accessToken;
    if (this.token && Date.now() < this.token.until - 60_000) return this.token.value;
    if ("clientId" in c) {
      const res = await this.fetch(`${this.options.baseUrl}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }),
      });
      const t = (await res.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
      if (!res.ok || !t.access_token) throw new ArogyaError(t.error_description ?? "the client was refused", t.error === "invalid_client" ? "UNAUTHENTICATED" : "UNAVAILABLE");
      this.token = { value: t.access_token, until: Date.now() + (t.expires_in ?? 300) * 1000 };
      return t.access_token;
    }
    const body = await this.post(
      JSON.stringify({
        query: "mutation ClientSignIn($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt } }",
        variables: { input: { tenantCode: c.tenantCode, login: c.login, password: c.password } },
      }),
      null,
    );
    const login = (body.data as { login?: { accessToken: string; accessTokenExpiresAt: string } } | undefined)?.login;
    if (!login) throw new ArogyaError(body.errors?.[0]?.message ?? "sign-in refused", body.errors?.[0]?.extensions?.code ?? "UNAUTHENTICATED");
    this.token = { value: login.accessToken, until: Date.parse(login.accessTokenExpiresAt) };
    return login.accessToken;
  }
}
