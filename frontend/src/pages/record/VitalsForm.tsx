import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { AddVitalsMutation, AddVitalsMutationVariables, VitalsInput } from "../../gql/types";
import { ADD_VITALS } from "./queries";

const WHOLE = ["systolicMmHg", "diastolicMmHg", "pulsePerMin", "spo2Percent", "respiratoryRatePerMin"] as const;
const DECIMAL = ["temperatureC", "weightKg", "heightCm", "bloodGlucoseMgDl"] as const;
type Key = (typeof WHOLE)[number] | (typeof DECIMAL)[number];
const KEYS: Key[] = ["systolicMmHg", "diastolicMmHg", "pulsePerMin", "temperatureC", "spo2Percent", "respiratoryRatePerMin", "weightKg", "heightCm", "bloodGlucoseMgDl"];

/** The form's text as the API's numbers: empty fields are left out; what is not a number is sent as NaN-free null and reported. */
export function vitalsInput(values: Partial<Record<Key, string>>): { input: VitalsInput; bad: Key[] } {
  const input: VitalsInput = {};
  const bad: Key[] = [];
  for (const k of KEYS) {
    const raw = (values[k] ?? "").trim().replace(",", ".");
    if (raw === "") continue;
    const n = Number(raw);
    const whole = (WHOLE as readonly string[]).includes(k);
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) bad.push(k);
    else (input as Record<string, number>)[k] = n;
  }
  return { input, bad };
}

/** Nurses record vitals; values outside usual ranges are saved and flagged, impossible ones refused. */
export function VitalsForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Partial<Record<Key, string>>>({});
  const [bad, setBad] = useState<Key[]>([]);
  const [flags, setFlags] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setFlags([]);
    const parsed = vitalsInput(values);
    setBad(parsed.bad);
    if (parsed.bad.length > 0) return;
    try {
      const d = await gql<AddVitalsMutation, AddVitalsMutationVariables>(ADD_VITALS, { encounterId, vitals: parsed.input });
      const details = d.addClinicalEntry.details;
      setFlags(details.__typename === "VitalsView" ? details.flags.map((f) => f.message) : []);
      setValues({});
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="vitals-title" noValidate>
      <h2 id="vitals-title">{t("vitals.title")}</h2>
      <div className="grid2">
        {KEYS.map((k) => (
          <TextField
            key={k}
            label={t(`vitals.${k}`)}
            inputMode="decimal"
            value={values[k] ?? ""}
            onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            error={bad.includes(k) ? t("vitals.notNumber") : (fieldError(error, k) ?? fieldError(error, `vitals.${k}`))}
          />
        ))}
      </div>
      <ErrorText error={error} />
      {saved && <p role="status">{t("vitals.saved")}</p>}
      {flags.length > 0 && (
        <ul className="pill--alert flags" aria-label={t("vitals.flags")}>
          {flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <button type="submit">{t("vitals.save")}</button>
    </form>
  );
}
