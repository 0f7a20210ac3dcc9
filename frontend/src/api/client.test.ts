import { afterEach, describe, expect, it, vi } from "vitest";
import { currentTokens, refreshTokens, setTokens } from "./client";

const session = { accessToken: "a", refreshToken: "r1", accessTokenExpiresAt: "2026-12-06T10:15:00Z" };

function answer(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setTokens(null);
});

describe("refreshing during an outage", () => {
  it("keeps the session when the server is unavailable, ends it only when the token is refused", async () => {
    setTokens(session);
    answer(503, { data: null, errors: [{ message: "briefly unavailable", extensions: { code: "UNAVAILABLE", retryAfterSeconds: 2 } }] });
    expect(await refreshTokens()).toEqual(session);
    expect(currentTokens()).toEqual(session);

    answer(200, { data: null, errors: [{ message: "not valid", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(await refreshTokens()).toBeNull();
    expect(currentTokens()).toBeNull();
  });
});
