import { describe, expect, it } from "vitest";
import { refreshDelay, REFRESH_MARGIN_MS } from "./session";
import { ApiError, fieldError, fromGraphqlErrors } from "./errors";

describe("refreshDelay", () => {
  it("refreshes a minute before expiry, at once when already due", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    const t = { accessToken: "a", refreshToken: "r", accessTokenExpiresAt: "2026-12-01T10:15:00Z" };
    expect(refreshDelay(t, now)).toBe(15 * 60_000 - REFRESH_MARGIN_MS);
    expect(refreshDelay({ ...t, accessTokenExpiresAt: "2026-12-01T10:00:30Z" }, now)).toBe(0);
  });
});

describe("API errors", () => {
  it("keep the code and the field they concern", () => {
    const e = fromGraphqlErrors([{ message: "must be 10 digits", extensions: { code: "VALIDATION", field: "callerPhone" } }]);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("VALIDATION");
    expect(fieldError(e, "callerPhone")).toBe("must be 10 digits");
    expect(fieldError(e, "notes")).toBeUndefined();
    expect(fromGraphqlErrors([{}]).code).toBe("INTERNAL");
  });
});
