import { useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { NominateTraineesMutation, NominateTraineesMutationVariables, TrainingRegisterFieldsFragment } from "../../gql/types";
import { findPeople } from "./ScheduleForm";
import { SearchPick } from "./SearchPick";
import { NOMINATE } from "./queries";

type Reg = TrainingRegisterFieldsFragment;

/** An administrator adds nominees from the professional registry, one by one. */
export function NominateForm({ reg, onSaved }: { reg: Reg; onSaved: (r: Reg) => void }) {
  const { t } = useI18n();
  const [who, setWho] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function add() {
    setError(null);
    try {
      const r = await run((key) => gql<NominateTraineesMutation, NominateTraineesMutationVariables>(NOMINATE, { sessionId: reg.session.id, professionalIds: [who] }, { idempotencyKey: key }));
      if (r) {
        onSaved(r.nominateTrainees);
        setWho("");
      }
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="card no-print">
      <h2>{t("training.nominate")}</h2>
      <fieldset className="plain" disabled={busy}>
        <SearchPick label={t("training.nominee")} searchLabel={t("training.nomineeSearch")} find={findPeople} value={who} onChange={setWho} />
        <ErrorText error={error} also={["professionalIds"]} />
        <button type="button" disabled={!who} onClick={() => void add()}>
          {t("training.nominateButton")}
        </button>
      </fieldset>
    </div>
  );
}
