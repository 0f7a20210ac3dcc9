import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { TextField } from "../components/Field";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../i18n";
import type {
  ResendSignupCodeMutation,
  ResendSignupCodeMutationVariables,
  StartSignupMutation,
  StartSignupMutationVariables,
  VerifySignupMutation,
  VerifySignupMutationVariables,
} from "../gql/types";
import { RESEND_CODE, START_SIGNUP, VERIFY_SIGNUP } from "./onboarding/queries";

type Sent = StartSignupMutation["startHospitalSignup"];

/**
 * A private hospital's representative signs up without an account: the department's
 * code, their name, mobile and e-mail; then the six digits sent to the phone and a
 * password. The new applicant account is signed in and goes on to the application.
 */
export default function Signup() {
  const { t, dateTime } = useI18n();
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const [tenantCode, setTenantCode] = useState(() => localStorage.getItem("arogya.tenant") ?? "");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<Sent | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const start = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const d = await gql<StartSignupMutation, StartSignupMutationVariables>(START_SIGNUP, {
        input: { tenantCode: tenantCode.trim(), name, phone, email },
      });
      setSent(d.startHospitalSignup);
    });
  };

  const resend = () =>
    void run(async () => {
      if (!sent) return;
      const d = await gql<ResendSignupCodeMutation, ResendSignupCodeMutationVariables>(RESEND_CODE, {
        tenantCode: tenantCode.trim(),
        signupId: sent.signupId,
      });
      setSent(d.resendSignupCode);
    });

  const verify = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (!sent) return;
      const d = await gql<VerifySignupMutation, VerifySignupMutationVariables>(VERIFY_SIGNUP, {
        input: { tenantCode: tenantCode.trim(), signupId: sent.signupId, code: code.trim(), password },
      });
      localStorage.setItem("arogya.tenant", tenantCode.trim());
      await adopt(d.verifyHospitalSignup);
      navigate("/applications", { replace: true });
    });
  };

  return (
    <main id="main" className="signin">
      <div className="signin__lang">
        <LanguageSwitch />
      </div>
      {!sent ? (
        <form className="card" onSubmit={start} noValidate>
          <h1>{t("signup.title")}</h1>
          <p className="muted">{t("signup.intro")}</p>
          <TextField label={t("signIn.tenant")} hint={t("signup.tenantHint")} value={tenantCode} required autoCapitalize="characters" onChange={(e) => setTenantCode(e.target.value)} error={fieldError(error, "tenantCode")} />
          <TextField label={t("signup.name")} value={name} required autoComplete="name" onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
          <TextField label={t("signup.phone")} hint={t("signup.phoneHint")} type="tel" inputMode="tel" value={phone} required autoComplete="tel" onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
          <TextField label={t("signup.email")} type="email" value={email} required autoComplete="email" onChange={(e) => setEmail(e.target.value)} error={fieldError(error, "email")} />
          <ErrorText error={error} />
          <button type="submit" disabled={busy}>
            {busy ? t("common.loading") : t("signup.sendCode")}
          </button>
          <p>
            <Link to="/">{t("signup.haveAccount")}</Link>
          </p>
        </form>
      ) : (
        <form className="card" onSubmit={verify} noValidate>
          <h1>{t("signup.title")}</h1>
          <p role="status">{t("signup.codeSent", { phone, until: dateTime(sent.expiresAt) })}</p>
          <TextField label={t("signup.code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} required onChange={(e) => setCode(e.target.value)} error={fieldError(error, "code")} />
          <TextField label={t("signup.password")} hint={t("signup.passwordHint")} type="password" autoComplete="new-password" value={password} required onChange={(e) => setPassword(e.target.value)} error={fieldError(error, "password")} />
          <ErrorText error={error} />
          <button type="submit" disabled={busy}>
            {busy ? t("common.loading") : t("signup.verify")}
          </button>
          <p className="muted">{t("signup.sendsLeft", { count: sent.sendsLeft })}</p>
          <button type="button" className="secondary" disabled={busy || sent.sendsLeft <= 0} onClick={resend}>
            {t("signup.resend")}
          </button>
        </form>
      )}
    </main>
  );
}
