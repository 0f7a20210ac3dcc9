/**
 * Automatic persisted queries (Apollo's convention; the server's side is
 * `api/src/http/persisted_queries.rs`). The first time this page sends a query it
 * sends the text with its SHA-256; after that only the hash, so a phone on 2G sends
 * 64 characters instead of a few kilobytes. A server that has forgotten the query
 * (restarted) answers PERSISTED_QUERY_NOT_FOUND and the text goes once more.
 */

const hashes = new Map<string, Promise<string | null>>();
/**
 * Hashes of the queries whose text this browser has sent (so the server keeps it),
 * remembered across reloads: a phone that reloads sends hashes, not texts. Only
 * hashes of the app's own queries, nothing about the user.
 */
const SENT_KEY = "arogya.persistedQueries";
const sentWithText = new Set<string>(readSent());

function readSent(): string[] {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(SENT_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((h) => typeof h === "string").slice(-500) : [];
  } catch {
    return [];
  }
}

function rememberSent(hash: string): void {
  sentWithText.add(hash);
  try {
    globalThis.localStorage?.setItem(SENT_KEY, JSON.stringify([...sentWithText].slice(-500)));
  } catch {
    // Storage full or off: the text goes again after a reload, nothing worse.
  }
}

/** The query's SHA-256 in hex; null where the browser has no WebCrypto (plain http). */
export function sha256Hex(text: string): Promise<string | null> {
  let h = hashes.get(text);
  if (!h) {
    const subtle = globalThis.crypto?.subtle;
    h = subtle
      ? subtle.digest("SHA-256", new TextEncoder().encode(text)).then((buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join(""))
      : Promise.resolve(null);
    hashes.set(text, h);
  }
  return h;
}

export interface GraphqlBody {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

function notFound(body: GraphqlBody): boolean {
  const e = body.errors?.[0];
  return e?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND" || e?.message === "PersistedQueryNotFound";
}

/**
 * Send `query` through `send` (which posts a JSON body and reads the answer): by hash
 * once the server has the text, with the text the first time or when it was forgotten.
 */
export async function sendPersisted(query: string, variables: unknown, send: (body: string) => Promise<GraphqlBody>): Promise<GraphqlBody> {
  const hash = await sha256Hex(query);
  if (!hash) return send(JSON.stringify({ query, variables }));
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  const withText = () => send(JSON.stringify({ query, variables, extensions }));
  if (!sentWithText.has(hash)) {
    const body = await withText();
    rememberSent(hash);
    return body;
  }
  const body = await send(JSON.stringify({ variables, extensions }));
  return notFound(body) ? withText() : body;
}
