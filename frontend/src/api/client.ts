import { ApiError, fromGraphqlErrors } from "./errors";
import { sendPersisted, type GraphqlBody } from "./persisted";
import { loadTokens, saveTokens, type Tokens } from "./session";
import { listenToOtherTabs, oneTabAtATime, tellOtherTabs } from "./tabs";

const REFRESH = /* GraphQL */ `
  mutation Refresh($token: String!) {
    refreshToken(refreshToken: $token) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`;

let tokens: Tokens | null = loadTokens();
let refreshing: Promise<Tokens | null> | null = null;
const listeners = new Set<(t: Tokens | null) => void>();

export function currentTokens(): Tokens | null {
  return tokens;
}

/** Keep new tokens (or none: signed out) and, unless they came from another tab, tell the other tabs. */
export function setTokens(t: Tokens | null, fromOtherTab = false): void {
  tokens = t;
  saveTokens(t);
  listeners.forEach((l) => l(t));
  if (!fromOtherTab) tellOtherTabs(t);
}

listenToOtherTabs(
  () => tokens,
  (t) => setTokens(t, true),
);

export function onTokens(l: (t: Tokens | null) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** How a call is made: `idempotencyKey` makes a repeated mutation run once on the server. */
export interface CallOptions {
  idempotencyKey?: string;
}

/** Post one operation, by its hash where the server keeps its text (see `persisted.ts`). */
function post(query: string, variables: unknown, token?: string, options?: CallOptions): Promise<GraphqlBody> {
  return sendPersisted(query, variables, async (body) => {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options?.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}),
      },
      body,
    });
    try {
      return await res.json();
    } catch {
      throw new ApiError(`the server answered ${res.status}`, res.status === 429 ? "RATE_LIMITED" : "UNAVAILABLE");
    }
  });
}

/** Exchange the refresh token for new tokens (once at a time); null when the session is over. */
export function refreshTokens(): Promise<Tokens | null> {
  if (!tokens) return Promise.resolve(null);
  const stale = tokens.refreshToken;
  refreshing ??= oneTabAtATime(async () => {
    // Another tab may have refreshed while this one waited: take its tokens.
    if (!tokens || tokens.refreshToken !== stale) return tokens;
    try {
      const body = await post(REFRESH, { token: tokens?.refreshToken });
      const t = (body.data as { refreshToken?: Tokens } | undefined)?.refreshToken ?? null;
      // Only a refused refresh token ends the session: an outage (UNAVAILABLE) or a
      // server fault keeps it, to try again later.
      if (!t && body.errors?.length && fromGraphqlErrors(body.errors as never[]).code !== "UNAUTHENTICATED") return tokens;
      setTokens(t);
      return t;
    } catch {
      return tokens; // offline: keep the session, try again later
    } finally {
      refreshing = null;
    }
  });
  return refreshing;
}

/** Run a GraphQL operation; an expired access token is refreshed once and the call retried. */
export async function gql<TData, TVars = Record<string, never>>(query: string, variables?: TVars, options?: CallOptions): Promise<TData> {
  let body = await post(query, variables ?? {}, tokens?.accessToken, options);
  if (body.errors?.length) {
    let err = fromGraphqlErrors(body.errors as never[]);
    if (err.code === "UNAUTHENTICATED" && tokens) {
      const fresh = await refreshTokens();
      if (fresh) {
        body = await post(query, variables ?? {}, fresh.accessToken, options);
        if (!body.errors?.length) return body.data as TData;
        err = fromGraphqlErrors(body.errors as never[]);
      }
    }
    throw err;
  }
  return body.data as TData;
}

/**
 * A file the server makes for signed-in users (a card, a prescription slip), fetched
 * with the session's token and handed back as a local blob URL; refreshed once if the
 * token has just expired.
 */
export async function authorisedBlobUrl(path: string): Promise<string> {
  const get = (token?: string) => fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let res = await get(tokens?.accessToken);
  if (res.status === 401 && tokens) {
    const fresh = await refreshTokens();
    if (fresh) res = await get(fresh.accessToken);
  }
  if (!res.ok) throw new ApiError(`the server answered ${res.status}`, res.status === 404 ? "NOT_FOUND" : res.status === 403 ? "FORBIDDEN" : "UNAVAILABLE");
  return URL.createObjectURL(await res.blob());
}
