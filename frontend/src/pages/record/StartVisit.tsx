import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { EncounterKind, StartVisitMutation, StartVisitMutationVariables } from "../../gql/types";
import { START } from "./queries";

const KINDS: EncounterKind[] = ["OUTPATIENT", "EMERGENCY", "INPATIENT", "HOME_VISIT", "TELECONSULTATION"];

export function StartVisit({ patientId, facilities, onStarted }: { patientId: string; facilities: { id: string; name: string }[]; onStarted: () => void }) {
  const { t } = useI18n();
  const [facility, setFacility] = useState(facilities[0]?.id ?? "");
  const [kind, setKind] = useState<EncounterKind>("OUTPATIENT");
  const [department, setDepartment] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();

  if (facilities.length === 0) return <p className="muted">{t("record.notPosted")}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await run((key) =>
        gql<StartVisitMutation, StartVisitMutationVariables>(
          START,
          { input: { patientId, facilityId: facility, kind, department: department.trim() || null, reason: reason.trim() || null } },
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      setReason("");
      onStarted();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="visit-title" aria-busy={busy}>
      <h2 id="visit-title">{t("record.startVisit")}</h2>
      <fieldset className="plain" disabled={busy}>
      <div className="grid2">
        <SelectField label={t("record.facility")} value={facility} onChange={(e) => setFacility(e.target.value)} options={facilities.map((f) => ({ value: f.id, label: f.name }))} />
        <SelectField label={t("record.visitKind")} value={kind} onChange={(e) => setKind(e.target.value as EncounterKind)} options={KINDS.map((k) => ({ value: k, label: t(`encounter.${k}`) }))} />
        <TextField label={t("record.department")} value={department} onChange={(e) => setDepartment(e.target.value)} error={fieldError(error, "department")} />
        <TextField label={t("record.reason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, "reason")} />
      </div>
      <ErrorText error={error} />
      <button type="submit">{t("record.startVisit")}</button>
      </fieldset>
    </form>
  );
}
