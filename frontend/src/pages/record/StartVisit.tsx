import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
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
  const [busy, setBusy] = useState(false);

  if (facilities.length === 0) return <p className="muted">{t("record.notPosted")}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await gql<StartVisitMutation, StartVisitMutationVariables>(START, {
        input: { patientId, facilityId: facility, kind, department: department.trim() || null, reason: reason.trim() || null },
      });
      setReason("");
      onStarted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="visit-title">
      <h2 id="visit-title">{t("record.startVisit")}</h2>
      <div className="grid2">
        <SelectField label={t("record.facility")} value={facility} onChange={(e) => setFacility(e.target.value)} options={facilities.map((f) => ({ value: f.id, label: f.name }))} />
        <SelectField label={t("record.visitKind")} value={kind} onChange={(e) => setKind(e.target.value as EncounterKind)} options={KINDS.map((k) => ({ value: k, label: t(`encounter.${k}`) }))} />
        <TextField label={t("record.department")} value={department} onChange={(e) => setDepartment(e.target.value)} error={fieldError(error, "department")} />
        <TextField label={t("record.reason")} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, "reason")} />
      </div>
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("record.startVisit")}
      </button>
    </form>
  );
}
