/**
 * How an offline-capable form saves: straight to the server when there is a network
 * and nothing older waits; otherwise into the phone's queue, to be sent in order by
 * `sync.ts`. A send that gets no answer is queued with the same idempotency key, so
 * if the server did take it, the queued copy only replays the first answer.
 */
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { openKey } from "./keyring";
import { enqueue, hasUnsent, type Item, type Work } from "./outbox";
import { isNetworkFailure, syncNow } from "./sync";

export type Outcome<T> = { sent: T } | { queued: Item };

/** Thrown when work must be queued but the key is not open (a page opened later, before the password). */
export class LockedError extends ApiError {
  constructor() {
    super("type your password to keep work on this phone", "LOCKED");
  }
}

export async function sendOrQueue<T>(work: Work): Promise<Outcome<T>> {
  const open = openKey();
  const behind = open ? await hasUnsent(open.owner) : false;
  if (navigator.onLine && !behind) {
    try {
      return { sent: await gql<T, Record<string, unknown>>(work.query, work.variables, { idempotencyKey: work.idempotencyKey }) };
    } catch (err) {
      if (!isNetworkFailure(err)) throw err;
    }
  }
  if (!open) throw new LockedError();
  const queued = await enqueue(open.owner, open.key, work);
  void syncNow();
  return { queued };
}
