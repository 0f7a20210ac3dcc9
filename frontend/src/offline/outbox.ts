/**
 * The queue of work done on this phone and not yet confirmed by the server. An item
 * is the mutation to send (its text, its variables and the idempotency key it was
 * first tried with), sealed with its owner's key; its kind, state and order are kept
 * open so the phone can count what waits without the password.
 *
 * Items are sent in the order they were made. `ref` names the record an item belongs
 * to (a household, a facility's oxygen register, an admission): an item waits for the
 * earlier unsent items of the same record, so a member is never sent before their
 * household, nor a reading before the one it follows.
 */
import { get, ownedBy, put, remove } from "./idb";
import { seal, unseal, type Sealed } from "./vault";
import { newIdempotencyKey } from "../hooks/useSubmit";

export type Kind = "household" | "member" | "oxygen" | "condition" | "case" | "attendance";
export type State = "waiting" | "sending" | "done" | "attention";

/** What the server said when it did not take an item. */
export interface Problem {
  code: string;
  message: string;
  /** Likely duplicates found when a member was enrolled. */
  duplicates?: { name: string; healthId: string; yearOfBirth?: number | null; reasons: string[] }[];
}

/** What to send, as the form made it. */
export interface Work {
  kind: Kind;
  /** A line for the person who made it ("Household · 4 Ghat Road"). */
  summary: string;
  query: string;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  ref: string;
}

export interface Item extends Work {
  id: string;
  owner: string;
  seq: number;
  state: State;
  createdAt: string;
  /** Item this one waits for. */
  after: string | null;
  problem: Problem | null;
  /** The server's answer, once sent. */
  result: unknown;
}

interface Stored {
  id: string;
  owner: string;
  seq: number;
  kind: Kind;
  state: State;
  ref: string;
  after: string | null;
  createdAt: string;
  sealed: Sealed;
}

type Secret = Pick<Item, "summary" | "query" | "variables" | "idempotencyKey" | "problem" | "result">;

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("arogya-outbox");
channel?.addEventListener("message", () => listeners.forEach((l) => l()));

/** Called whenever the queue changes, here or in another tab. */
export function onOutbox(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function changed(): void {
  listeners.forEach((l) => l());
  channel?.postMessage("changed");
}

async function store(key: CryptoKey, item: Item): Promise<void> {
  const secret: Secret = { summary: item.summary, query: item.query, variables: item.variables, idempotencyKey: item.idempotencyKey, problem: item.problem, result: item.result };
  const row: Stored = { id: item.id, owner: item.owner, seq: item.seq, kind: item.kind, state: item.state, ref: item.ref, after: item.after, createdAt: item.createdAt, sealed: await seal(key, secret) };
  await put("items", row);
}

async function rows(owner: string): Promise<Stored[]> {
  return (await ownedBy<Stored>("items", owner)).sort((a, b) => a.seq - b.seq);
}

/** Put work in the queue, behind the unsent items of the same record. */
export async function enqueue(owner: string, key: CryptoKey, work: Work): Promise<Item> {
  const all = await rows(owner);
  const before = all.filter((r) => r.ref === work.ref && r.state !== "done").pop();
  const item: Item = {
    ...work,
    id: newIdempotencyKey(),
    owner,
    seq: (all[all.length - 1]?.seq ?? 0) + 1,
    state: "waiting",
    createdAt: new Date().toISOString(),
    after: before?.id ?? null,
    problem: null,
    result: null,
  };
  await store(key, item);
  changed();
  return item;
}

/** The owner's items in order, opened. */
export async function items(owner: string, key: CryptoKey): Promise<Item[]> {
  const out: Item[] = [];
  for (const r of await rows(owner)) {
    const secret = await unseal<Secret>(key, r.sealed);
    const { sealed: _, ...open } = r;
    out.push({ ...open, ...secret });
  }
  return out;
}

/** How many items wait, need attention or were sent, without opening them. */
export async function counts(owner: string): Promise<Record<State, number>> {
  const c: Record<State, number> = { waiting: 0, sending: 0, done: 0, attention: 0 };
  for (const r of await rows(owner)) c[r.state] += 1;
  return c;
}

export async function save(key: CryptoKey, item: Item): Promise<void> {
  if (!(await get("items", item.id))) return; // discarded meanwhile
  await store(key, item);
  changed();
}

export async function discard(id: string): Promise<void> {
  await remove("items", id);
  changed();
}

/** Whether there is unsent work of this owner that new work must queue behind. */
export async function hasUnsent(owner: string): Promise<boolean> {
  return (await rows(owner)).some((r) => r.state !== "done");
}
