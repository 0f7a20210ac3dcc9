// The applicant proves their e-mail address (a code sent to it) before submitting:
// the department writes to that address.
import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  MyEmailVerificationQuery,
  SendEmailCodeMutation,
  SendEmailCodeMutationVariables,
  VerifyEmailMutation,
  VerifyEmailMutationVariables,
} from "../../gql/types";
import { EMAIL_STATUS, SEND_EMAIL_CODE, VERIFY_EMAIL } from "./queries";

type Status = MyEmailVerificationQuery["myEmailVerification"];

export function EmailProof({ onProved }: { onProved: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();

  useEffect(() => {
    gql<MyEmailVerificationQuery>(EMAIL_STATUS)
      .then((d) => {
        setStatus(d.myEmailVerification);
        setEmail(d.myEmailVerification.email ?? "");
      })
      .catch(setError);
  }, []);

  async function send() {
    setError(null);
    setNotice("");
    try {
      const d = await run(() => gql<SendEmailCodeMutation, SendEmailCodeMutationVariables>(SEND_EMAIL_CODE, { email: email.trim() || null }));
      if (!d) return;
      setStatus(d.sendEmailCode);
      setNotice(t("email.sent", { email: d.sendEmailCode.email ?? "" }));
    } catch (err) {
      setError(err);
    }
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice("");
    try {
      const d = await run(() => gql<VerifyEmailMutation, VerifyEmailMutationVariables>(VERIFY_EMAIL, { code: code.trim() }));
      if (!d) return;
      setStatus(d.verifyEmail);
      setCode("");
      onProved();
    } catch (err) {
      setError(err);
    }
  }

  if (!status) return <ErrorText error={error} />;
  if (status.verified) return <p role="status">{t("email.proved", { email: status.email ?? "" })}</p>;
  return (
    <div className="card" aria-labelledby="email-proof">
      <h3 id="email-proof">{t("email.title")}</h3>
      <p className="muted">{t("email.why")}</p>
      <form className="inline" onSubmit={verify} aria-busy={busy}>
        <TextField label={t("email.code")} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={fieldError(error, "code")} />
        <button type="submit" disabled={busy}>
          {t("email.verify")}
        </button>
      </form>
      <div className="inline">
        <TextField label={t("email.address")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, "email")} />
        <button type="button" className="secondary" disabled={busy} onClick={() => void send()}>
          {t("email.send")}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error} />
    </div>
  );
}
