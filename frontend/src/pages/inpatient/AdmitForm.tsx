import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { AdmitPatientMutation, AdmitPatientMutationVariables, AdmittingDoctorsQuery, AdmittingDoctorsQueryVariables, Department } from "../../gql/types";
import { DEPARTMENTS } from "./labels";
import { ADMIT, DOCTORS } from "./queries";
import type { Board, Tile } from "./WardBoard";

const blank = (v: string) => (v.trim() === "" ? null : v.trim());

/** Admit a registered patient (by health ID) or an unidentified one to a free bed. */
export function AdmitForm({ board, tile, onDone }: { board: Board; tile: Tile; onDone: (notice: string) => void }) {
  const { t } = useI18n();
  const { busy, run } = useSubmit();
  const [doctors, setDoctors] = useState<AdmittingDoctorsQuery["admittingDoctors"]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [v, setV] = useState({
    healthId: "",
    unidentified: "",
    doctor: "",
    department: (board.ward.department ?? "MEDICINE") as Department,
    reason: "",
    diagnosis: "",
    attendant: "",
    relationship: "",
    phone: "",
  });
  useEffect(() => {
    gql<AdmittingDoctorsQuery, AdmittingDoctorsQueryVariables>(DOCTORS, { facilityId: board.ward.facilityId }).then((d) => {
      setDoctors(d.admittingDoctors);
      setV((old) => ({ ...old, doctor: old.doctor || d.admittingDoctors[0]?.id || "" }));
    }, setError);
  }, [board.ward.facilityId]);
  const field = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const attendants = blank(v.phone) ? [{ name: v.attendant, relationship: v.relationship, phone: v.phone }] : [];
    try {
      await run((key) =>
        gql<AdmitPatientMutation, AdmitPatientMutationVariables>(
          ADMIT,
          {
            input: {
              healthId: blank(v.healthId),
              unidentified: blank(v.unidentified),
              bedId: tile.bed.id,
              admittingProfessionalId: v.doctor,
              department: v.department,
              reason: v.reason,
              provisionalDiagnosis: blank(v.diagnosis),
              attendants,
            },
          },
          { idempotencyKey: key },
        ),
      );
      setDone(true);
      onDone(t("admit.done", { label: tile.bed.label }));
    } catch (err) {
      setError(err);
    }
  };
  // Admitted: the board above says so and reloads with the bed occupied.
  if (done) return null;
  return (
    <form onSubmit={submit} aria-label={t("admit.title", { label: tile.bed.label })}>
      <h3>{t("admit.title", { label: tile.bed.label })}</h3>
      <TextField label={t("admit.healthId")} {...field("healthId")} error={fieldError(error, "healthId")} />
      {!blank(v.healthId) && <TextField label={t("admit.unidentified")} {...field("unidentified")} error={fieldError(error, "unidentified")} />}
      <SelectField label={t("admit.doctor")} {...field("doctor")} options={doctors.map((d) => ({ value: d.id, label: d.name }))} error={fieldError(error, "admittingProfessionalId")} />
      <SelectField label={t("ward.department")} {...field("department")} options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}` as MessageKey) }))} />
      <TextField label={t("admit.reason")} required {...field("reason")} error={fieldError(error, "reason")} />
      <TextField label={t("admit.diagnosis")} {...field("diagnosis")} error={fieldError(error, "provisionalDiagnosis")} />
      <TextField label={t("admit.attendant")} {...field("attendant")} error={fieldError(error, "attendants.name")} />
      <TextField label={t("admit.relationship")} {...field("relationship")} error={fieldError(error, "attendants.relationship")} />
      <TextField label={t("admit.attendantPhone")} type="tel" inputMode="tel" {...field("phone")} error={fieldError(error, "attendants.phone")} />
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("admit.submit")}
      </button>
    </form>
  );
}
