/**
 * Each person's data on this phone is sealed (AES-GCM) with a data key of their own.
 * The data key is kept only sealed with a key derived from their password (PBKDF2),
 * so what is stored on the phone cannot be read without the password: not by another
 * person using the same phone, not by someone who copies the browser's files. The
 * open data key lives in this page's memory only; it is made at sign-in (when the
 * password is typed anyway) and forgotten at sign-out, after an idle spell and when
 * the page closes. A page opened later in a live session opens it with a secret the
 * server gives the signed-in person (`me.offlineSecret`, never stored on the phone);
 * without a network, or after an idle spell, it asks for the password.
 */
import { all, get, put } from "./idb";

/** PBKDF2-SHA-256 rounds: about half a second on a cheap phone, the OWASP floor being 600,000 for a server; the phone's key guards a day's queue. */
export const ROUNDS = 310_000;

/** Bytes in an ordinary (not shared) buffer, as WebCrypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>;

export interface Sealed {
  iv: Bytes;
  data: ArrayBuffer;
}

export interface VaultRecord {
  owner: string;
  salt: Bytes;
  /** The data key, sealed with the password's key. */
  sealedKey: Sealed;
  /** The data key, sealed with the person's server-held secret (`me.offlineSecret`). */
  serverSealedKey?: Sealed;
  /** Tenant code and login as typed at sign-in ("WB|wb.surveyor"), to find the vault without a network. */
  login?: string;
  /** Who the person is (the app's `me`), sealed with the data key. */
  me?: Sealed;
}

/** How a sign-in names its vault: tenant code and login, case as the server ignores it. */
export function loginName(tenantCode: string, login: string): string {
  return `${tenantCode.trim().toUpperCase()}|${login.trim().toLowerCase()}`;
}

/** Remember, sealed, who owns the vault, so the app can open for them without a network. */
export async function rememberWho(owner: string, key: CryptoKey, login: string, me: unknown): Promise<void> {
  const v = await get<VaultRecord>("vaults", owner);
  if (v) await put("vaults", { ...v, login, me: await seal(key, me) });
}

/** The vault a sign-in names, opened with its password: the owner, key and who they are; or null. */
export async function openByLogin<M>(login: string, password: string): Promise<{ owner: string; key: CryptoKey; me: M } | null> {
  const v = (await all<VaultRecord>("vaults")).find((x) => x.login === login);
  if (!v?.me) return null;
  const key = await openVault(v.owner, password);
  return key ? { owner: v.owner, key, me: await unseal<M>(key, v.me) } : null;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

async function passwordKey(password: string, salt: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", enc.encode(password), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations: ROUNDS }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

async function sealBytes(key: CryptoKey, bytes: Bytes): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, bytes) };
}

async function openBytes(key: CryptoKey, s: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: "AES-GCM", iv: s.iv }, key, s.data);
}

/** A usable (never exportable) data key from its raw bytes, which are then wiped. */
async function dataKey(raw: Bytes): Promise<CryptoKey> {
  const k = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  raw.fill(0);
  return k;
}

async function sealWithPassword(owner: string, password: string, raw: Bytes): Promise<VaultRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { owner, salt, sealedKey: await sealBytes(await passwordKey(password, salt), raw) };
}

/** The server-held secret (base64url) as a key. */
async function secretKey(secret: string): Promise<CryptoKey> {
  const bytes = Uint8Array.from(atob(secret.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** Seal the data key with the server's secret too, so a later page with a live session opens it. */
async function withSecret(v: VaultRecord, raw: Bytes, secret: string | null): Promise<VaultRecord> {
  return secret ? { ...v, serverSealedKey: await sealBytes(await secretKey(secret), raw) } : v;
}

/** The data key of `owner`, or null when the password does not open their vault. */
export async function openVault(owner: string, password: string, secret: string | null = null): Promise<CryptoKey | null> {
  const v = await get<VaultRecord>("vaults", owner);
  if (!v) return null;
  let raw: Bytes;
  try {
    raw = new Uint8Array(await openBytes(await passwordKey(password, v.salt), v.sealedKey));
  } catch {
    return null; // AES-GCM refused: another password
  }
  if (secret) await put("vaults", await withSecret(v, raw, secret));
  return dataKey(raw);
}

/** The data key of `owner` from the server's secret (a page opened in a live session), or null. */
export async function openVaultWithSecret(owner: string, secret: string): Promise<CryptoKey | null> {
  const v = await get<VaultRecord>("vaults", owner);
  if (!v?.serverSealedKey) return null;
  try {
    return await dataKey(new Uint8Array(await openBytes(await secretKey(secret), v.serverSealedKey)));
  } catch {
    return null; // the server's keys were rotated: the password opens it
  }
}

/** A new vault for `owner` (replacing any), sealed with this password (and the server's secret). */
export async function createVault(owner: string, password: string, secret: string | null = null): Promise<CryptoKey> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  await put("vaults", await withSecret(await sealWithPassword(owner, password, raw), raw, secret));
  return dataKey(raw);
}

/** After a password change: the same data key, sealed with the new password. False if `old` is not the vault's. */
export async function resealVault(owner: string, old: string, next: string): Promise<boolean> {
  const v = await get<VaultRecord>("vaults", owner);
  if (!v) return false;
  let raw: Bytes;
  try {
    raw = new Uint8Array(await openBytes(await passwordKey(old, v.salt), v.sealedKey));
  } catch {
    return false;
  }
  await put("vaults", { ...v, ...(await sealWithPassword(owner, next, raw)) });
  raw.fill(0);
  return true;
}

export async function hasVault(owner: string): Promise<boolean> {
  return !!(await get<VaultRecord>("vaults", owner));
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  return sealBytes(key, enc.encode(JSON.stringify(value)));
}

export async function unseal<T>(key: CryptoKey, s: Sealed): Promise<T> {
  return JSON.parse(dec.decode(await openBytes(key, s))) as T;
}
