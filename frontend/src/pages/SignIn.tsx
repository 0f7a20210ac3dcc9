import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../api/auth";
import { ApiError, fieldError } from "../api/errors";
import { TextField } from "../components/Field";
import { ErrorText, isOffline } from "../components/ErrorText";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../i18n";

export default function SignIn() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [tenant, setTenant] = useState(() => localStorage.getItem("arogya.tenant") ?? "");
  // Back from working without a network: the same person signs in (see `leaveOffline`).
  const [login, setLogin] = useState(() => sessionStorage.getItem("arogya.offlineLogin") ?? "");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(tenant, login, password);
      localStorage.setItem("arogya.tenant", tenant.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const unauth = error instanceof ApiError && error.code === "UNAUTHENTICATED";
  return (
    <main id="main" className="signin">
      <div className="signin__lang">
        <LanguageSwitch />
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <h1>{t("app.name")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <h2>{t("signIn.title")}</h2>
        <TextField label={t("signIn.tenant")} hint={t("signIn.tenantHint")} value={tenant} autoCapitalize="characters" autoComplete="organization" onChange={(e) => setTenant(e.target.value)} error={fieldError(error, "tenantCode")} />
        <TextField label={t("signIn.login")} value={login} required autoComplete="username" onChange={(e) => setLogin(e.target.value)} error={fieldError(error, "login")} />
        <TextField label={t("signIn.password")} type="password" value={password} required autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} error={fieldError(error, "password")} />
        {unauth ? (
          <p className="error" role="alert">
            {t("signIn.failed")}
          </p>
        ) : isOffline(error) ? (
          <p className="error" role="alert">
            {t("signIn.offline")}
          </p>
        ) : (
          <ErrorText error={error} />
        )}
        <button type="submit" disabled={busy}>
          {busy ? t("common.loading") : t("signIn.submit")}
        </button>
        <p>
          <Link to="/signup">{t("signIn.hospitalSignup")}</Link>
        </p>
        <p>
          <Link to="/family">{t("family.title")}</Link> · <Link to="/beds">{t("beds.title")}</Link>
        </p>
      </form>
    </main>
  );
}
