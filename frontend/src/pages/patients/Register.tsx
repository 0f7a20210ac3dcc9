import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { SelectField, TextField } from "../../components/Field";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { PatientInput, PatientSex, RegisterPatientMutation, RegisterPatientMutationVariables, RegistrationResultFragment } from "../../gql/types";

/** What a registration answers: the new patient, or the likely duplicates instead. */
export const REGISTRATION_RESULT = /* GraphQL */ `
  fragment RegistrationResult on Registration {
    patient {
      id
      healthId
    }
    duplicates {
      reasons
      patient {
        healthId
        givenName
        familyName
        localName
        yearOfBirth
      }
    }
    warnings
  }
`;

const REGISTER = /* GraphQL */ `
  mutation RegisterPatient($input: PatientInput!, $confirm: Boolean) {
    registerPatient(input: $input, confirmNotDuplicate: $confirm) {
      ...RegistrationResult
    }
  }
  ${REGISTRATION_RESULT}
`;

const SEXES: PatientSex[] = ["FEMALE", "MALE", "OTHER", "UNKNOWN"];

export type RegistrationResult = RegistrationResultFragment;

interface RegisterProps {
  /** Open a patient (a new one, or a likely duplicate); left out, nothing offers to. */
  onOpen?: (healthId: string) => void;
  /**
   * Another way to save the person (a household survey's enrolment); default:
   * registerPatient. "queued": kept on the phone to be sent when there is a network.
   */
  save?: (input: PatientInput, confirmNotDuplicate: boolean) => Promise<RegistrationResult | "queued">;
  title?: string;
  /** Called with each new registration. */
  onRegistered?: (healthId: string) => void;
  /** Called when the person was kept on the phone instead (see `save`). */
  onQueued?: () => void;
  children?: ReactNode;
}

async function registerPatient(input: PatientInput, confirm: boolean): Promise<RegistrationResult> {
  const d = await gql<RegisterPatientMutation, RegisterPatientMutationVariables>(REGISTER, { input, confirm });
  return d.registerPatient;
}

/** Register a patient; likely duplicates are shown first, with their reasons. */
export function Register({ onOpen, save = registerPatient, title, onRegistered, onQueued, children }: RegisterProps) {
  const { t } = useI18n();
  const [given, setGiven] = useState("");
  const [family, setFamily] = useState("");
  const [local, setLocal] = useState("");
  const [sex, setSex] = useState<PatientSex>("FEMALE");
  const [dob, setDob] = useState("");
  const [age, setAge] = useState("");
  const [phone, setPhone] = useState("");
  const [result, setResult] = useState<RegisterPatientMutation["registerPatient"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  // A double click faster than a render must not enrol the person twice.
  const inFlight = useRef(false);

  async function register(confirm: boolean) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      const r = await save(
        {
          givenName: given,
          familyName: family.trim() || null,
          localName: local.trim() || null,
          sex,
          dateOfBirth: dob || null,
          ageYears: !dob && age ? Number(age) : null,
          phone: phone.trim() || null,
        },
        confirm,
      );
      const clearForm = () => {
        for (const clear of [setGiven, setFamily, setLocal, setDob, setAge, setPhone]) clear("");
      };
      if (r === "queued") {
        setResult(null);
        setQueued(true);
        clearForm();
        onQueued?.();
        return;
      }
      setResult(r);
      if (r.patient) {
        // Ready for the next person (a household is enrolled one member after another).
        clearForm();
        onRegistered?.(r.patient.healthId);
      }
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void register(false);
  }

  const created = result?.patient;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="register-title">
      <h2 id="register-title">{title ?? t("patients.register")}</h2>
      <div className="grid2">
        <TextField label={t("patients.givenName")} value={given} onChange={(e) => setGiven(e.target.value)} error={fieldError(error, "givenName")} />
        <TextField label={t("patients.familyName")} value={family} onChange={(e) => setFamily(e.target.value)} error={fieldError(error, "familyName")} />
        <TextField label={t("patients.localName")} value={local} onChange={(e) => setLocal(e.target.value)} error={fieldError(error, "localName")} />
        <SelectField label={t("patients.sex")} value={sex} onChange={(e) => setSex(e.target.value as PatientSex)} options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
        <TextField label={t("patients.dateOfBirth")} type="date" value={dob} onChange={(e) => setDob(e.target.value)} error={fieldError(error, "dateOfBirth")} />
        <TextField label={t("patients.ageYears")} type="number" inputMode="numeric" min={0} max={130} value={age} onChange={(e) => setAge(e.target.value)} error={fieldError(error, "ageYears")} />
        <TextField label={t("patients.phone")} type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
      </div>
      {children}
      <ErrorText error={error} />
      {queued && <p role="status">{t("outbox.queued")}</p>}
      {created && (
        <p role="status">
          {t("patients.registered", { healthId: created.healthId })}{" "}
          {onOpen && (
            <button type="button" className="link" onClick={() => onOpen(created.healthId)}>
              {t("helpline.open")}
            </button>
          )}
        </p>
      )}
      {result?.warnings.map((w) => (
        <p key={w} className="muted">
          {t("patients.warning", { text: w })}
        </p>
      ))}
      {result && !created && result.duplicates.length > 0 && (
        <div role="alert" className="duplicates">
          <p>{t("patients.duplicates")}</p>
          <ul>
            {result.duplicates.map((d) => (
              <li key={d.patient.healthId}>
                {onOpen ? (
                  <button type="button" className="link" onClick={() => onOpen(d.patient.healthId)}>
                    {d.patient.givenName} {d.patient.familyName} {d.patient.localName && `(${d.patient.localName})`} · {d.patient.yearOfBirth} · {d.patient.healthId}
                  </button>
                ) : (
                  <span>
                    {d.patient.givenName} {d.patient.familyName} {d.patient.localName && `(${d.patient.localName})`} · {d.patient.yearOfBirth} · {d.patient.healthId}
                  </span>
                )}{" "}
                <span className="muted">{d.reasons.map((r) => t(`match.${r}`)).join(", ")}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" disabled={busy} onClick={() => void register(true)}>
            {t("patients.registerAnyway")}
          </button>
        </div>
      )}
      <button type="submit" disabled={busy} aria-busy={busy}>
        {title ?? t("patients.register")}
      </button>
    </form>
  );
}
