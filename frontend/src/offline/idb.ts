/**
 * The phone's own store for work done without a network: a small promise wrapper over
 * IndexedDB (which, unlike localStorage, survives closing the browser with room for a
 * day's survey and is reachable from every tab). Three stores:
 * - `vaults`: per person, the salt and their data key sealed with their password;
 * - `items`: the queue of work waiting to be sent (payloads sealed);
 * - `cache`: what the offline screens need to show (sealed).
 * Records are keyed by owner (tenant and user), so one phone serves several people.
 */

const NAME = "arogya-offline";
export type StoreName = "vaults" | "items" | "cache";

let opening: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => {
      const d = req.result;
      d.createObjectStore("vaults", { keyPath: "owner" });
      d.createObjectStore("items", { keyPath: "id" }).createIndex("owner", "owner");
      d.createObjectStore("cache", { keyPath: "key" }).createIndex("owner", "owner");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function store(name: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await db()).transaction(name, mode).objectStore(name);
}

export async function get<T>(name: StoreName, key: string): Promise<T | undefined> {
  return done((await store(name, "readonly")).get(key)) as Promise<T | undefined>;
}

export async function put<T>(name: StoreName, value: T): Promise<void> {
  await done((await store(name, "readwrite")).put(value));
}

export async function remove(name: StoreName, key: string): Promise<void> {
  await done((await store(name, "readwrite")).delete(key));
}

/** Every record of a store (the vaults: one per person who used this phone). */
export async function all<T>(name: StoreName): Promise<T[]> {
  return done((await store(name, "readonly")).getAll()) as Promise<T[]>;
}

/** Every record of one owner ("vaults" has at most one). */
export async function ownedBy<T>(name: Exclude<StoreName, "vaults">, owner: string): Promise<T[]> {
  return done((await store(name, "readonly")).index("owner").getAll(owner)) as Promise<T[]>;
}

/** Remove everything one owner left on this phone: queue, cache and vault. */
export async function wipeOwner(owner: string, keep: { items?: boolean; vault?: boolean } = {}): Promise<void> {
  const d = await db();
  const names: StoreName[] = ["cache", ...(keep.items ? [] : (["items"] as const)), ...(keep.vault ? [] : (["vaults"] as const))];
  const tx = d.transaction(names, "readwrite");
  for (const n of names) {
    const s = tx.objectStore(n);
    if (n === "vaults") s.delete(owner);
    else {
      const keys = await done(s.index("owner").getAllKeys(owner));
      keys.forEach((k) => s.delete(k));
    }
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
