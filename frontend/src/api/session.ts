// The signed-in session: tokens kept in sessionStorage (this tab only, surviving a
// reload), the access token refreshed shortly before it expires, and once more when
// the API says it has expired.

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

const KEY = "arogya.session";

/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;

export function loadTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const t = raw ? (JSON.parse(raw) as Tokens) : null;
    return t && t.accessToken && t.refreshToken ? t : null;
  } catch {
    return null;
  }
}

export function saveTokens(t: Tokens | null): void {
  if (t) sessionStorage.setItem(KEY, JSON.stringify(t));
  else sessionStorage.removeItem(KEY);
}

/** Milliseconds until the tokens should be refreshed (never negative). */
export function refreshDelay(t: Tokens, now: number = Date.now()): number {
  return Math.max(0, Date.parse(t.accessTokenExpiresAt) - REFRESH_MARGIN_MS - now);
}
