import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { SetEmrDeadlineMutation, SetEmrDeadlineMutationVariables } from "../../gql/types";
import { SET_EMR_DEADLINE } from "./queries";

/** The state sets (or moves) the date by which every facility should keep electronic
 *  records; the version it saw goes with it, so two officers never overwrite each other. */
export function DeadlineForm({ current, onSaved }: { current: { deadline: string; version: number } | null; onSaved: () => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(current?.deadline ?? "");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const done = await run((key) =>
        gql<SetEmrDeadlineMutation, SetEmrDeadlineMutationVariables>(SET_EMR_DEADLINE, { input: { deadline: date, expectedVersion: current?.version ?? 0 } }, { idempotencyKey: key }),
      );
      if (done) onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card narrow no-print" onSubmit={submit} aria-busy={busy}>
      <h2>{t("emr.setDeadline")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("emr.deadline")} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <ErrorText error={error} also={["deadline"]} />
        <button type="submit">{busy ? t("common.saving") : t("emr.saveDeadline")}</button>
      </fieldset>
    </form>
  );
}
