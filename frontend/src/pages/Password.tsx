import { useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { currentLock } from "../offline/keyring";
import { resealVault } from "../offline/vault";
import { fieldError } from "../api/errors";
import { TextField } from "../components/Field";
import { ErrorText } from "../components/ErrorText";
import { useI18n } from "../i18n";
import type { ChangePasswordMutation, ChangePasswordMutationVariables } from "../gql/types";

const CHANGE = /* GraphQL */ `
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next)
  }
`;

export default function Password() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await gql<ChangePasswordMutation, ChangePasswordMutationVariables>(CHANGE, { current, next });
      // Work kept on this phone is sealed with the password: seal its key with the new one.
      const lock = currentLock();
      if (lock.state !== "none") await resealVault(lock.owner, current, next).catch(() => false);
      setDone(true);
      setCurrent("");
      setNext("");
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t("password.title")}</h1>
      <form onSubmit={submit}>
        <TextField label={t("password.current")} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={fieldError(error, "currentPassword")} />
        <TextField label={t("password.new")} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={fieldError(error, "newPassword")} />
        <ErrorText error={error} />
        {done && <p role="status">{t("password.done")}</p>}
        <button type="submit">{t("common.save")}</button>
      </form>
    </section>
  );
}
