/**
 * Whose work this page may read and seal: the signed-in person's data key, held in
 * memory only. Opened at sign-in (from the password just typed) or by typing the
 * password again on a page opened later; forgotten after IDLE_MS without a touch or a
 * key press, at sign-out and when the page closes. Idle also wipes the saved screens
 * (the cache); the queue stays, sealed, for its owner to send.
 */
import { ownedBy, wipeOwner } from "./idb";
import { createVault, hasVault, openByLogin, openVault, openVaultWithSecret, rememberWho } from "./vault";

/** Idle time after which the key is forgotten and the saved screens wiped. */
export const IDLE_MS = 15 * 60 * 1000;

export type Lock =
  /** Signed in and the key is open. */
  | { state: "open"; owner: string }
  /** Signed in, key not open: the password must be typed again (a new page). */
  | { state: "locked"; owner: string; earlierPassword: boolean }
  | { state: "none" };

let lock: Lock = { state: "none" };
let key: CryptoKey | null = null;
/** The signed-in person's server-held secret, in memory for this page only. */
let secret: string | null = null;
const listeners = new Set<(l: Lock) => void>();

function set(next: Lock, k: CryptoKey | null): void {
  lock = next;
  key = k;
  listeners.forEach((l) => l(next));
}

/** The owner of a person's data on this phone: tenant and user. */
export function ownerOf(me: { userId: string; tenant?: { code: string } | null }): string {
  return `${me.tenant?.code ?? "platform"}/${me.userId}`;
}

export function currentLock(): Lock {
  return lock;
}

export function onLock(l: (lock: Lock) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The open key of `owner`, or null. */
export function keyOf(owner: string): CryptoKey | null {
  return lock.state === "open" && lock.owner === owner ? key : null;
}

/** The open owner and key, or null. */
export function openKey(): { owner: string; key: CryptoKey } | null {
  return lock.state === "open" && key ? { owner: lock.owner, key } : null;
}

/**
 * At sign-in, with the password the server has just accepted: open the person's vault,
 * or make one. A vault the password no longer opens (it was changed elsewhere) is kept
 * while it still holds unsent work, to be opened with the earlier password; otherwise
 * it is replaced.
 */
export async function openAtSignIn(owner: string, password: string, serverSecret: string | null, who?: { login: string; me: unknown }): Promise<void> {
  secret = serverSecret;
  try {
    let k = (await hasVault(owner)) ? await openVault(owner, password, secret) : null;
    if (!k) {
      const waiting = (await ownedBy("items", owner)).length > 0;
      if (waiting) return set({ state: "locked", owner, earlierPassword: true }, null);
      k = await createVault(owner, password, secret);
    }
    if (who) await rememberWho(owner, k, who.login, who.me);
    set({ state: "open", owner }, k);
    touch();
  } catch {
    // No IndexedDB or WebCrypto (a private window, plain HTTP): work online only.
    set({ state: "none" }, null);
  }
}

/**
 * No network at sign-in (the browser was closed in the field): the person's vault on
 * this phone, found by the tenant and login typed and opened with the password, lets
 * them go on working; what they do waits in the queue until they sign in with a
 * network. Null when this phone holds no such vault or the password does not open it.
 */
export async function openWithoutNetwork<M>(login: string, password: string): Promise<M | null> {
  const found = await openByLogin<M>(login, password).catch(() => null);
  if (!found) return null;
  secret = null;
  set({ state: "open", owner: found.owner }, found.key);
  touch();
  return found.me;
}

/**
 * A signed-in page opened later (a reload, the installed app). With the server's
 * secret (the network is up and the session live) the key opens by itself; without
 * it the key waits for the password.
 */
export async function signedIn(owner: string, serverSecret: string | null): Promise<void> {
  if (lock.state !== "none" && lock.owner === owner) return;
  set({ state: "locked", owner, earlierPassword: false }, null);
  secret = serverSecret;
  const k = serverSecret ? await openVaultWithSecret(owner, serverSecret).catch(() => null) : null;
  if (k && lock.state === "locked" && lock.owner === owner) {
    set({ state: "open", owner }, k);
    touch();
  }
}

/** The session ended without a sign-out (expired, or ended in another tab): keep the work, close the key. */
export function sessionEnded(): void {
  if (lock.state !== "none") set({ state: "locked", owner: lock.owner, earlierPassword: false }, null);
}

/** Open the key with the password typed again; false when it does not open. */
export async function unlock(password: string): Promise<boolean> {
  if (lock.state !== "locked") return lock.state === "open";
  const k = await openVault(lock.owner, password, secret);
  if (!k) return false;
  set({ state: "open", owner: lock.owner }, k);
  touch();
  return true;
}

/** Sign-out: forget the key and remove everything the person left on this phone. */
export async function signedOut(): Promise<void> {
  const owner = lock.state === "none" ? null : lock.owner;
  secret = null;
  set({ state: "none" }, null);
  if (owner) await wipeOwner(owner).catch(() => undefined);
}

let lastTouch = Date.now();
export function touch(): void {
  lastTouch = Date.now();
}

/** Forget the key and wipe the saved screens once the phone has been left alone. */
export async function lockIfIdle(now = Date.now()): Promise<boolean> {
  if (lock.state !== "open" || now - lastTouch < IDLE_MS) return false;
  const owner = lock.owner;
  set({ state: "locked", owner, earlierPassword: false }, null);
  await wipeOwner(owner, { items: true, vault: true }).catch(() => undefined);
  return true;
}

let watching = false;
/** Start the idle watch (once per page). */
export function watchIdle(): void {
  if (watching || typeof window === "undefined") return;
  watching = true;
  for (const e of ["pointerdown", "keydown", "touchstart"]) window.addEventListener(e, touch, { passive: true });
  window.setInterval(() => void lockIfIdle(), 30_000);
}
