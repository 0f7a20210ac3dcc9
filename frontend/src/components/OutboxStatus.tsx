import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { unlock } from "../offline/keyring";
import { useLock, useOutboxCounts } from "../offline/useOutbox";
import { useI18n } from "../i18n";
import { useAuth } from "../api/auth";
import { useOnline } from "./OfflineBanner";

/**
 * Under the top bar on every screen, when there is anything to say: how many items
 * wait on this phone and how many need attention (a link to them), and, when the key
 * is closed (a page opened later, or left idle), a password field to open it.
 */
export function OutboxStatus() {
  const { t } = useI18n();
  const lock = useLock();
  const c = useOutboxCounts();
  const waiting = c.waiting + c.sending;
  const [password, setPassword] = useState("");
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const { offline, leaveOffline } = useAuth();
  const online = useOnline();
  if (lock.state === "none") return null;
  const locked = lock.state === "locked";
  if (!waiting && !c.attention && !locked && !offline) return null;

  async function open(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const ok = await unlock(password).catch(() => false);
    setBusy(false);
    setWrong(!ok);
    if (ok) setPassword("");
  }

  return (
    <div className="outbox-status" role="status">
      {offline && <span>{t("outbox.offlineSession")}</span>}
      {offline && online && (
        <button type="button" onClick={leaveOffline}>
          {t("outbox.signInToSend")}
        </button>
      )}
      {waiting > 0 && <span className="pill">{t("outbox.waiting", { count: waiting })}</span>}
      {c.attention > 0 && <span className="pill pill--alert">{t("outbox.attention", { count: c.attention })}</span>}
      {(waiting > 0 || c.attention > 0) && <Link to="/outbox">{t("outbox.open")}</Link>}
      {locked && (
        <form className="unlock" onSubmit={open}>
          <label>
            {lock.earlierPassword ? t("outbox.unlockEarlier") : t("outbox.unlock")}
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={wrong} />
          </label>
          <button type="submit" disabled={busy || !password}>
            {t("outbox.unlockButton")}
          </button>
          {wrong && (
            <span className="error" role="alert">
              {t("outbox.wrongPassword")}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
