import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n, type Translate } from "../../i18n";
import type { AddVitalsMutation, AddVitalsMutationVariables, VitalsInput } from "../../gql/types";
import { ADD_VITALS } from "./queries";

const WHOLE = ["systolicMmHg", "diastolicMmHg", "pulsePerMin", "spo2Percent", "respiratoryRatePerMin"] as const;
const DECIMAL = ["temperatureC", "weightKg", "heightCm", "bloodGlucoseMgDl"] as const;
type Key = (typeof WHOLE)[number] | (typeof DECIMAL)[number];
const KEYS: Key[] = ["systolicMmHg", "diastolicMmHg", "pulsePerMin", "temperatureC", "spo2Percent", "respiratoryRatePerMin", "weightKg", "heightCm", "bloodGlucoseMgDl"];
export type TemperatureUnit = "C" | "F";

/**
 * The form's text as the API's numbers: empty fields are left out, what is not a number
 * is reported. A temperature typed in °F goes as `temperatureF` (the server keeps °C).
 */
export function vitalsInput(values: Partial<Record<Key, string>>, unit: TemperatureUnit = "C"): { input: VitalsInput; bad: Key[]; empty: boolean } {
  const input: VitalsInput = {};
  const bad: Key[] = [];
  for (const k of KEYS) {
    const raw = (values[k] ?? "").trim().replace(",", ".");
    if (raw === "") continue;
    const n = Number(raw);
    const whole = (WHOLE as readonly string[]).includes(k);
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) bad.push(k);
    else if (k === "temperatureC" && unit === "F") input.temperatureF = n;
    else (input as Record<string, number>)[k] = n;
  }
  return { input, bad, empty: bad.length === 0 && Object.keys(input).length === 0 };
}

export interface Flag {
  field: string;
  high: boolean;
  value: number;
  usualLow: number;
  usualHigh: number;
  unit: string;
}

/** "Pulse (per minute) high: 120 /min (usual 50–100)", in the user's language. */
export function flagText(t: Translate, f: Flag, formatNumber: (n: number) => string): string {
  const name = f.field === "bmi" ? t("vitals.bmi") : t(`vitals.${f.field}` as never);
  return t(f.high ? "vitals.flagHigh" : "vitals.flagLow", {
    name,
    value: `${formatNumber(f.value)} ${f.unit}`,
    low: formatNumber(f.usualLow),
    high: formatNumber(f.usualHigh),
  });
}

/** Nurses record vitals; values outside usual ranges are saved and flagged, impossible ones refused. */
export function VitalsForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t, number } = useI18n();
  const [values, setValues] = useState<Partial<Record<Key, string>>>({});
  const [unit, setUnit] = useState<TemperatureUnit>("C");
  const [bad, setBad] = useState<Key[]>([]);
  const [empty, setEmpty] = useState(false);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setFlags([]);
    const parsed = vitalsInput(values, unit);
    setBad(parsed.bad);
    setEmpty(parsed.empty);
    if (parsed.bad.length > 0 || parsed.empty) return;
    try {
      const d = await run((key) => gql<AddVitalsMutation, AddVitalsMutationVariables>(ADD_VITALS, { encounterId, vitals: parsed.input }, { idempotencyKey: key }));
      if (!d) return;
      const details = d.addClinicalEntry.details;
      setFlags(details.__typename === "VitalsView" ? details.flags : []);
      setValues({});
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  const errorOf = (k: Key) =>
    bad.includes(k) ? t("vitals.notNumber") : (fieldError(error, k) ?? fieldError(error, `vitals.${k}`) ?? (k === "temperatureC" ? fieldError(error, "temperatureF") : undefined));
  return (
    <form className="card" onSubmit={submit} aria-labelledby="vitals-title" aria-busy={busy} noValidate>
      <h2 id="vitals-title">{t("vitals.title")}</h2>
      <fieldset className="plain" disabled={busy}>
        <div className="grid2">
          {KEYS.map((k) =>
            k === "temperatureC" ? (
              <div key={k} className="inline">
                <TextField
                  label={t(unit === "C" ? "vitals.temperatureC" : "vitals.temperatureF")}
                  inputMode="decimal"
                  value={values[k] ?? ""}
                  onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                  error={errorOf(k)}
                />
                <SelectField label={t("vitals.unit")} value={unit} onChange={(e) => setUnit(e.target.value as TemperatureUnit)} options={[{ value: "C", label: "°C" }, { value: "F", label: "°F" }]} />
              </div>
            ) : (
              <TextField key={k} label={t(`vitals.${k}`)} inputMode="decimal" value={values[k] ?? ""} onChange={(e) => setValues({ ...values, [k]: e.target.value })} error={errorOf(k)} />
            ),
          )}
        </div>
        {empty && (
          <p className="error" role="alert">
            {t("vitals.empty")}
          </p>
        )}
        <ErrorText error={error} />
        {saved && <p role="status">{t("vitals.saved")}</p>}
        {flags.length > 0 && (
          <ul className="pill--alert flags" aria-label={t("vitals.flags")}>
            {flags.map((f) => (
              <li key={f.field}>{flagText(t, f, number)}</li>
            ))}
          </ul>
        )}
        <button type="submit">{busy ? t("common.saving") : t("vitals.save")}</button>
      </fieldset>
    </form>
  );
}
