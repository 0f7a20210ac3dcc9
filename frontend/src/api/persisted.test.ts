import { describe, expect, it } from "vitest";
import { sendPersisted, sha256Hex, type GraphqlBody } from "./persisted";

describe("automatic persisted queries", () => {
  it("sends the text once, then the hash, and the text again when the server forgot it", async () => {
    const query = "query Q { me { id } }";
    // SHA-256 in lowercase hex, as the server computes it (FIPS 180-2's "abc" example).
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const hash = await sha256Hex(query);
    const sent: Record<string, unknown>[] = [];
    let answers: GraphqlBody[] = [];
    const send = async (body: string) => {
      sent.push(JSON.parse(body));
      return answers.shift() ?? { data: { ok: true } };
    };
    await sendPersisted(query, { a: 1 }, send);
    await sendPersisted(query, { a: 2 }, send);
    answers = [{ errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] }];
    const body = await sendPersisted(query, { a: 3 }, send);
    expect(body).toEqual({ data: { ok: true } });
    expect(sent.map((b) => [typeof b.query, (b.variables as { a: number }).a])).toEqual([
      ["string", 1],
      ["undefined", 2],
      ["undefined", 3],
      ["string", 3],
    ]);
    for (const b of sent) expect(b.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: hash } });
  });
});
