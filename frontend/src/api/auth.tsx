import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { currentTokens, gql, onTokens, refreshTokens, setTokens } from "./client";
import { refreshDelay, type Tokens } from "./session";
import { askOtherTabs } from "./tabs";
import { openAtSignIn, openWithoutNetwork, ownerOf, sessionEnded, signedIn, signedOut, watchIdle } from "../offline/keyring";
import { isNetworkFailure } from "../offline/sync";
import { loginName } from "../offline/vault";
import { startSync } from "../offline/sync";
import { ApiError } from "./errors";
import type { LoginMutation, LoginMutationVariables, MeQuery, Role } from "../gql/types";

const ME_FIELDS = /* GraphQL */ `
  fragment MeFields on Me {
    userId
    isPlatformAdmin
    displayName
    roles {
      role
    }
    tenant {
      code
      name
    }
  }
`;

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      me {
        ...MeFields
        offlineSecret
      }
    }
  }
  ${ME_FIELDS}
`;

const ME = /* GraphQL */ `
  query Me {
    me {
      ...MeFields
      offlineSecret
    }
  }
  ${ME_FIELDS}
`;

const LOGOUT = /* GraphQL */ `
  mutation Logout($token: String!) {
    logout(refreshToken: $token)
  }
`;

/** Who is signed in (without the offline secret, which is never kept). */
export type Me = Omit<MeQuery["me"], "offlineSecret">;

/** Split the offline secret off, so it goes to the keyring and nowhere else. */
function withoutSecret(m: MeQuery["me"]): [Me, string | null] {
  const { offlineSecret, ...me } = m;
  return [me, offlineSecret ?? null];
}

interface Auth {
  me: Me | null;
  /** True until a stored session has been checked. */
  checking: boolean;
  signIn: (tenantCode: string, login: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Take up tokens issued elsewhere (a hospital's sign-up signs the applicant in). */
  adopt: (tokens: Tokens) => Promise<void>;
  has: (...roles: Role[]) => boolean;
  /**
   * Working without a session: the browser was closed in the field and opened again
   * with no network, and the password opened the person's work on this phone. Their
   * work waits in the queue until they sign in with a network (`leaveOffline`).
   */
  offline: boolean;
  /** Back to the sign-in form (the queue stays) to sign in now that there is a network. */
  leaveOffline: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Who is signed in, kept beside the session so that the app opened without a network
 * (the installed app, a reload in a dead zone) still knows whose screens to show.
 * Removed at sign-out with the session.
 */
const ME_KEY = "arogya.me";

function keepMe(me: Me | null): void {
  try {
    if (me) localStorage.setItem(ME_KEY, JSON.stringify(me));
    else localStorage.removeItem(ME_KEY);
  } catch {
    // Storage off: the app then needs the network to start, nothing worse.
  }
}

function keptMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? "null") as Me | null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  // True while a stored session, or another tab's, is looked for and checked.
  const [checking, setChecking] = useState(true);
  const [tokens, setTokenState] = useState(currentTokens);

  useEffect(() => onTokens(setTokenState), []);
  useEffect(() => {
    watchIdle();
    startSync();
  }, []);
  // A page opened in a live session opens the offline key with the server's secret,
  // or, without a network, waits for the password.
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (me) void signedIn(ownerOf(me), secret);
  }, [me, secret]);

  // A stored session (after a reload), or the session of another open tab (a link
  // opened in a new tab): ask who we are.
  useEffect(() => {
    void (async () => {
      if (!currentTokens()) {
        const shared = await askOtherTabs();
        if (shared) setTokens(shared, true);
      }
      if (!currentTokens()) return setChecking(false);
      try {
        const [who, s] = withoutSecret((await gql<MeQuery>(ME)).me);
        setSecret(s);
        setMe(who);
      } catch (err) {
        // No network (or the server briefly away): keep the session and who it is.
        const kept = keptMe();
        const refused = err instanceof ApiError && err.code !== "UNAVAILABLE" && err.code !== "RATE_LIMITED";
        if (kept && !refused) setMe(kept);
        else setTokens(null, true); // this tab's copy is dead; the others decide for themselves
      } finally {
        setChecking(false);
      }
    })();
  }, []);

  // Refresh shortly before the access token expires, so the page never loses its state.
  useEffect(() => {
    if (!tokens) return;
    const timer = window.setTimeout(() => void refreshTokens(), refreshDelay(tokens));
    return () => window.clearTimeout(timer);
  }, [tokens]);

  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (!tokens && !offline) {
      setMe(null);
      sessionEnded();
    }
  }, [tokens, offline]);
  useEffect(() => {
    if (me) keepMe(me);
    else if (!tokens) keepMe(null);
  }, [me, tokens]);

  const signIn = useCallback(async (tenantCode: string, login: string, password: string) => {
    let d: LoginMutation;
    try {
      d = await gql<LoginMutation, LoginMutationVariables>(LOGIN, {
        input: { tenantCode: tenantCode.trim() || null, login, password },
      });
    } catch (err) {
      // No network: the person's work on this phone, if the password opens it.
      const kept = isNetworkFailure(err) ? await openWithoutNetwork<Me>(loginName(tenantCode, login), password) : null;
      if (!kept) throw err;
      sessionStorage.setItem("arogya.offlineLogin", login);
      setOffline(true);
      setMe(kept);
      return;
    }
    const { me: full, ...t } = d.login;
    const [who, s] = withoutSecret(full);
    // The password is at hand now, and only now: open (or make) the offline key, and
    // remember (sealed) who this is, for a start without a network.
    await openAtSignIn(ownerOf(who), password, s, { login: loginName(tenantCode, login), me: who });
    setOffline(false);
    sessionStorage.removeItem("arogya.offlineLogin");
    setTokens(t);
    setMe(who);
  }, []);

  const leaveOffline = useCallback(() => {
    setOffline(false);
    setMe(null);
    sessionEnded();
  }, []);

  const adopt = useCallback(async (t: Tokens) => {
    setTokens(t);
    const [who, s] = withoutSecret((await gql<MeQuery>(ME)).me);
    setSecret(s);
    setMe(who);
  }, []);

  const signOut = useCallback(async () => {
    const t = currentTokens();
    await signedOut();
    sessionStorage.removeItem("arogya.offlineLogin");
    setOffline(false);
    setMe(null);
    setTokens(null);
    if (t) await gql(LOGOUT, { token: t.refreshToken }).catch(() => undefined);
  }, []);

  const has = useCallback(
    (...roles: Role[]) => !!me && (me.roles.some((r) => roles.includes(r.role)) || (me.isPlatformAdmin && roles.includes("PLATFORM_ADMIN"))),
    [me],
  );

  return <AuthContext.Provider value={{ me, checking, signIn, signOut, adopt, has, offline, leaveOffline }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
