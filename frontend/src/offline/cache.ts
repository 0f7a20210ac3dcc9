/**
 * The screens of the offline flows (households, the oxygen form, the ward board) keep
 * their last answer on the phone, sealed like the queue, so they open without a
 * network. Only those screens use this: the phone holds what the work needs and no
 * more. Wiped at sign-out and when the phone is left idle.
 */
import { gql } from "../api/client";
import { get, put } from "./idb";
import { openKey } from "./keyring";
import { isNetworkFailure } from "./sync";
import { seal, unseal, type Sealed } from "./vault";

interface Cached {
  key: string;
  owner: string;
  savedAt: string;
  sealed: Sealed;
}

/** When the answer on screen came from the phone rather than the server. */
export interface Saved {
  savedAt: string;
}

const listeners = new Set<(s: Saved | null) => void>();
/** Told whenever a screen shows a saved answer (with its time) or a fresh one (null). */
export function onSaved(l: (s: Saved | null) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** `gql` for a read, falling back to the phone's copy when no answer comes. */
export async function cachedGql<T, V extends Record<string, unknown> = Record<string, never>>(name: string, query: string, variables?: V): Promise<T> {
  const id = (owner: string) => `${owner}|${name}|${JSON.stringify(variables ?? {})}`;
  try {
    const data = await gql<T, V>(query, variables);
    const open = openKey();
    if (open) await put<Cached>("cache", { key: id(open.owner), owner: open.owner, savedAt: new Date().toISOString(), sealed: await seal(open.key, data) }).catch(() => undefined);
    listeners.forEach((l) => l(null));
    return data;
  } catch (err) {
    const open = openKey();
    if (!open || !isNetworkFailure(err)) throw err;
    const c = await get<Cached>("cache", id(open.owner)).catch(() => undefined);
    if (!c) throw err;
    listeners.forEach((l) => l({ savedAt: c.savedAt }));
    return unseal<T>(open.key, c.sealed);
  }
}
