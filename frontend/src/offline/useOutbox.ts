import { useEffect, useState } from "react";
import { currentLock, onLock, type Lock } from "./keyring";
import { counts, items, onOutbox, type Item, type State } from "./outbox";
import { keyOf } from "./keyring";

/** The state of the key, kept current. */
export function useLock(): Lock {
  const [lock, setLock] = useState(currentLock);
  useEffect(() => onLock(setLock), []);
  return lock;
}

const NONE: Record<State, number> = { waiting: 0, sending: 0, done: 0, attention: 0 };

/** How many of the signed-in person's items are in each state (readable while locked). */
export function useOutboxCounts(): Record<State, number> {
  const lock = useLock();
  const owner = lock.state === "none" ? null : lock.owner;
  const [c, setC] = useState(NONE);
  useEffect(() => {
    if (!owner) return setC(NONE);
    const load = () => void counts(owner).then(setC, () => setC(NONE));
    load();
    return onOutbox(load);
  }, [owner]);
  return c;
}

/** The signed-in person's items, opened (empty while locked), kept current. */
export function useOutboxItems(): Item[] | null {
  const lock = useLock();
  const [list, setList] = useState<Item[] | null>(null);
  useEffect(() => {
    if (lock.state !== "open") return setList(null);
    const key = keyOf(lock.owner);
    if (!key) return;
    const load = () => void items(lock.owner, key).then(setList, () => setList(null));
    load();
    return onOutbox(load);
  }, [lock]);
  return list;
}
