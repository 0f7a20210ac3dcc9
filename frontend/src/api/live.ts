import { createClient, type Client } from "graphql-ws";
import { currentTokens, refreshTokens } from "./client";

// One WebSocket for the page's subscriptions (graphql-transport-ws). The server checks
// the token once, at connection_init, and ends streams when it expires: the client
// then reconnects with a fresh token.
let client: Client | null = null;

export function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql/ws`,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: async () => {
      let t = currentTokens();
      if (t && Date.parse(t.accessTokenExpiresAt) - Date.now() < 30_000) t = await refreshTokens();
      return t ? { Authorization: `Bearer ${t.accessToken}` } : {};
    },
  });
  return client;
}

/** Subscribe; `onData` gets each event. When the server ends the stream (the token it
 *  was opened with expired), a new connection is opened with fresh tokens and the
 *  subscription resumes. Returns the unsubscribe function. */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  onData: (data: T) => void,
  onState: (live: boolean) => void,
): () => void {
  let stopped = false;
  let cleanup = () => {};
  const start = () => {
    const c = liveClient();
    const offOpen = c.on("connected", () => onState(true));
    const offClosed = c.on("closed", () => onState(false));
    const stop = c.subscribe<T>(
      { query, variables },
      {
        next: (v) => v.data && onData(v.data as T),
        error: () => onState(false),
        complete: () => {
          onState(false);
          if (stopped) return;
          cleanup();
          void refreshTokens().then(() => {
            void c.dispose();
            if (client === c) client = null;
            if (!stopped) window.setTimeout(start, 500);
          });
        },
      },
    );
    cleanup = () => {
      stop();
      offOpen();
      offClosed();
    };
  };
  start();
  return () => {
    stopped = true;
    cleanup();
  };
}
