import { useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { ChangeTrainingStatusMutation, ChangeTrainingStatusMutationVariables, TrainingRegisterFieldsFragment, TrainingStatus } from "../../gql/types";
import { CHANGE_STATUS } from "./queries";

type Reg = TrainingRegisterFieldsFragment;

/** Close the register once the training has begun (trainer or administrator), or cancel it (administrator, with why). */
export function StatusActions({ reg, begun, onSaved }: { reg: Reg; begun: boolean; onSaved: (r: Reg) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const s = reg.session;
  async function change(status: TrainingStatus) {
    setError(null);
    try {
      const r = await run((key) => gql<ChangeTrainingStatusMutation, ChangeTrainingStatusMutationVariables>(CHANGE_STATUS, { id: s.id, expectedVersion: s.version, status, reason: reason || null }, { idempotencyKey: key }));
      if (r) onSaved(r.changeTrainingStatus);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="card no-print">
      <h2>{t("training.finish")}</h2>
      <fieldset className="plain" disabled={busy}>
        {begun && <p className="muted">{t("training.closeHint")}</p>}
        {s.canManage && <TextField label={t("training.cancelReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, "reason")} />}
        <ErrorText error={error} also={s.canManage ? ["status"] : ["status", "reason"]} />
        <div className="actions">
          {begun && (
            <button type="button" onClick={() => void change("CLOSED")}>
              {t("training.close")}
            </button>
          )}
          {s.canManage && (
            <button type="button" className="secondary" onClick={() => void change("CANCELLED")}>
              {t("training.cancel")}
            </button>
          )}
        </div>
      </fieldset>
    </div>
  );
}
