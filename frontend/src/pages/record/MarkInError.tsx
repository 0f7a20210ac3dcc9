import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MarkInErrorMutation, MarkInErrorMutationVariables } from "../../gql/types";
import { MARK_IN_ERROR } from "./queries";

/** Mark one entry "entered in error", with the reason (kept in its history). */
export function MarkInError({ id, version, label, onMarked }: { id: string; version: number; label: string; onMarked: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await run((key) => gql<MarkInErrorMutation, MarkInErrorMutationVariables>(MARK_IN_ERROR, { id, version, reason }, { idempotencyKey: key }));
      if (!d) return;
      setOpen(false);
      onMarked();
    } catch (err) {
      setError(err);
    }
  }
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} aria-label={t("error.markLabel", { entry: label })}>
        {t("error.mark")}
      </button>
    );
  return (
    <form className="inline" onSubmit={submit} aria-busy={busy}>
      <fieldset className="plain inline" disabled={busy}>
        <TextField label={t("error.reason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, "reason")} autoFocus />
        <button type="submit">{t("error.confirm")}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
