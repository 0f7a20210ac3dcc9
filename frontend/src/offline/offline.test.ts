// @vitest-environment node
// Node's own WebCrypto and an in-memory IndexedDB: the real sealing and queue code.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { get, wipeOwner } from "./idb";
import { counts, enqueue, items, type Work } from "./outbox";
import { uuidv7 } from "./uuid7";
import { createVault, openVault, resealVault } from "./vault";

const work = (ref: string, summary: string): Work => ({ kind: "member", summary, query: "mutation M { x }", variables: { name: summary }, idempotencyKey: `k-${summary}`, ref });

describe("the phone's vault", () => {
  it("opens with the password it was made with, and with no other", async () => {
    await createVault("WB/u1", "correct horse");
    expect(await openVault("WB/u1", "correct horse")).not.toBeNull();
    expect(await openVault("WB/u1", "wrong horse")).toBeNull();
    expect(await openVault("WB/u2", "correct horse")).toBeNull();
  });

  it("keeps the same data key across a password change", async () => {
    const k = await createVault("WB/u3", "old password");
    await enqueue("WB/u3", k, work("h1", "Rina Das"));
    expect(await resealVault("WB/u3", "not it", "new password")).toBe(false);
    expect(await resealVault("WB/u3", "old password", "new password")).toBe(true);
    expect(await openVault("WB/u3", "old password")).toBeNull();
    const reopened = await openVault("WB/u3", "new password");
    expect((await items("WB/u3", reopened!)).map((i) => i.summary)).toEqual(["Rina Das"]);
  });
});

describe("the queue", () => {
  let key: CryptoKey;
  beforeEach(async () => {
    await wipeOwner("BR/q");
    key = await createVault("BR/q", "pw for the queue");
  });

  it("keeps order, and puts an item behind the unsent ones of the same record", async () => {
    const house = await enqueue("BR/q", key, { ...work("h1", "4 Ghat Road"), kind: "household" });
    const other = await enqueue("BR/q", key, work("h2", "Someone elsewhere"));
    const member = await enqueue("BR/q", key, work("h1", "Rina Das"));
    expect(house.after).toBeNull();
    expect(other.after).toBeNull();
    expect(member.after).toBe(house.id);
    expect((await items("BR/q", key)).map((i) => i.summary)).toEqual(["4 Ghat Road", "Someone elsewhere", "Rina Das"]);
    expect(await counts("BR/q")).toEqual({ waiting: 3, sending: 0, done: 0, attention: 0 });
  });

  it("stores nothing readable: names and variables are sealed", async () => {
    const it1 = await enqueue("BR/q", key, work("h9", "Sunita Devi"));
    const raw = await get<Record<string, unknown>>("items", it1.id);
    expect(JSON.stringify(raw)).not.toContain("Sunita");
    expect(raw && "variables" in raw).toBe(false);
    // Another person's key cannot open it.
    const other = await createVault("BR/other", "another password");
    await expect(items("BR/q", other)).rejects.toThrow();
  });

  it("is wiped with its owner at sign-out", async () => {
    await enqueue("BR/q", key, work("h1", "Rina Das"));
    await wipeOwner("BR/q");
    expect(await counts("BR/q")).toEqual({ waiting: 0, sending: 0, done: 0, attention: 0 });
    expect(await openVault("BR/q", "pw for the queue")).toBeNull();
  });
});

describe("ids made on the phone", () => {
  it("are UUID v7 in time order", () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(parseInt(a.replace(/-/g, "").slice(0, 12), 16)).toBe(1_700_000_000_000);
  });
});
