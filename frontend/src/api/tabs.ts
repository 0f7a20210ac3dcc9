// Tabs of one browser share one session. Tokens stay in each tab's sessionStorage (never
// localStorage: nothing outlives the browser on a shared phone); a new tab asks the
// open ones for them over a BroadcastChannel (same origin only), and every change —
// a refresh, a sign-out — is told to all. Refresh tokens rotate and a replay ends the
// session, so only one tab refreshes at a time (Web Locks), and a tab that waited
// takes the tokens another tab just got instead of refreshing again.
import type { Tokens } from "./session";

type Message = { type: "ask"; id: string } | { type: "tokens"; tokens: Tokens | null; answer?: string };

const channel: BroadcastChannel | null = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel("arogya.session") : null;

/** Tell the other tabs the session changed (new tokens, or signed out). */
export function tellOtherTabs(tokens: Tokens | null): void {
  channel?.postMessage({ type: "tokens", tokens } satisfies Message);
}

/** Answer other tabs' questions with `current()`, and take up the tokens they announce. */
export function listenToOtherTabs(current: () => Tokens | null, adopt: (t: Tokens | null) => void): void {
  channel?.addEventListener("message", (ev: MessageEvent<Message>) => {
    const m = ev.data;
    if (m.type === "ask") {
      const t = current();
      if (t) channel.postMessage({ type: "tokens", tokens: t, answer: m.id } satisfies Message);
    } else if (m.type === "tokens" && !m.answer) {
      adopt(m.tokens);
    }
  });
}

/** The session of another open tab, if one answers within `waitMs`. */
export function askOtherTabs(waitMs = 250): Promise<Tokens | null> {
  if (!channel) return Promise.resolve(null);
  const id = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const listener = (ev: MessageEvent<Message>) => {
      const m = ev.data;
      if (m.type === "tokens" && m.answer === id && m.tokens) {
        channel.removeEventListener("message", listener);
        window.clearTimeout(timer);
        resolve(m.tokens);
      }
    };
    const timer = window.setTimeout(() => {
      channel.removeEventListener("message", listener);
      resolve(null);
    }, waitMs);
    channel.addEventListener("message", listener);
    channel.postMessage({ type: "ask", id } satisfies Message);
  });
}

/** Run `work` while no other tab of this browser refreshes the session. */
export function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request("arogya.refresh", work) as Promise<T>) : work();
}
