/**
 * Sends the queue when there is a network: oldest first, each with the idempotency key
 * it was made with, so an answer lost on the way never makes a second record (the
 * server replays its first answer). An item the server refuses is kept and marked for
 * the person's attention with what the server said; it is never dropped. A lost
 * network stops the round and the next try comes by itself: when the browser says the
 * network is back, after work is queued or the key opened, and every 20 seconds.
 */
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { newIdempotencyKey } from "../hooks/useSubmit";
import { onLock, openKey } from "./keyring";
import { items, save, discard, type Item, type Problem } from "./outbox";

/** Sent items stay listed (as done) this long, then go. */
export const KEEP_DONE_MS = 24 * 60 * 60 * 1000;
const RETRY_MS = 20_000;

/** No answer came back: the network, not the server, said no. */
export function isNetworkFailure(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof ApiError && (err.code === "UNAVAILABLE" || err.code === "RATE_LIMITED"));
}

interface Duplicate {
  reasons: string[];
  patient: { healthId: string; givenName: string; familyName?: string | null; yearOfBirth?: number | null };
}

/** A member enrolled without `confirmNotDuplicate` may come back as likely duplicates instead of a patient. */
function duplicatesIn(item: Item, data: unknown): Problem | null {
  if (item.kind !== "member") return null;
  const r = (data as { enrollHouseholdMember?: { patient: unknown; duplicates: Duplicate[] } }).enrollHouseholdMember;
  if (!r || r.patient || !r.duplicates?.length) return null;
  return {
    code: "DUPLICATES",
    message: "likely the same person as someone already registered",
    duplicates: r.duplicates.map((d) => ({ name: [d.patient.givenName, d.patient.familyName].filter(Boolean).join(" "), healthId: d.patient.healthId, yearOfBirth: d.patient.yearOfBirth, reasons: d.reasons })),
  };
}

let running: Promise<void> | null = null;

/** One round over the queue (joined if one is already going). */
export function syncNow(): Promise<void> {
  running ??= round().finally(() => {
    running = null;
  });
  return running;
}

async function round(): Promise<void> {
  const open = openKey();
  if (!open || !navigator.onLine) return;
  const { owner, key } = open;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  // One tab at a time sends (the keys would make a second sender harmless, only wasteful).
  const go = async () => {
    const blocked = new Set<string>();
    for (const item of await items(owner, key)) {
      if (item.state === "done") {
        if (Date.now() - Date.parse(item.createdAt) > KEEP_DONE_MS) await discard(item.id);
        continue;
      }
      if (item.state === "attention" || (item.after && blocked.has(item.after))) {
        blocked.add(item.id);
        continue;
      }
      await save(key, { ...item, state: "sending" });
      try {
        const data = await gql<unknown, Record<string, unknown>>(item.query, item.variables, { idempotencyKey: item.idempotencyKey });
        const problem = duplicatesIn(item, data);
        await save(key, { ...item, state: problem ? "attention" : "done", problem, result: data });
        if (problem) blocked.add(item.id);
      } catch (err) {
        if (isNetworkFailure(err) || (err instanceof ApiError && err.code === "UNAUTHENTICATED")) {
          // No network, or the session ended: keep the item as it was, try later.
          await save(key, { ...item, state: "waiting" });
          return;
        }
        const e = err instanceof ApiError ? err : new ApiError(String(err), "INTERNAL");
        await save(key, { ...item, state: "attention", problem: { code: e.code, message: e.message } });
        blocked.add(item.id);
      }
    }
  };
  if (locks) await locks.request("arogya-outbox-sync", go);
  else await go();
}

/** Send an item again after the person dealt with the problem (a new key: the server answered the old one). */
export async function retry(item: Item, variables: Record<string, unknown> = item.variables): Promise<void> {
  const open = openKey();
  if (!open) return;
  await save(open.key, { ...item, variables, idempotencyKey: newIdempotencyKey(), state: "waiting", problem: null });
  void syncNow();
}

let started = false;
/** Keep the queue moving for the life of the page. */
export function startSync(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  window.addEventListener("online", () => void syncNow());
  onLock((l) => {
    if (l.state === "open") void syncNow();
  });
  window.setInterval(() => void syncNow(), RETRY_MS);
}
