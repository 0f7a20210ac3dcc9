import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { cachedGql } from "../../offline/cache";
import { sendOrQueue } from "../../offline/send";
import { useLock } from "../../offline/useOutbox";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  OxygenEntryFormQuery,
  OxygenEntryFormQueryVariables,
  OxygenOverviewQuery,
  OxygenReadingsInput,
  RecordOxygenReadingMutation,
  RecordOxygenReadingMutationVariables,
} from "../../gql/types";
import { Movements, movementsInput, NO_MOVEMENTS, type MovementsValue } from "./Movements";
import { ENTRY_FORM, OXYGEN_OVERVIEW, RECORD_READING } from "./queries";

type Form = OxygenEntryFormQuery;
type Counts = { full: string; inUse: string; empty: string; sentForRefill: string };
const PATIENT_KINDS = ["nasalCannula", "mask", "hfnc", "niv", "invasiveVentilation"] as const;

/** "2026-12-06T09:30" for a datetime-local field, in the phone's own time. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

const num = (s: string) => (s.trim() === "" ? 0 : Number(s));

/** The daily oxygen entry, designed for an oxygen officer's phone: large fields in the units the
 *  gauges show, the last reading beside each field, and consumption worked out by the server. */
export default function DailyEntry() {
  const { t, number: n, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get("facility") ?? "";
  const [choices, setChoices] = useState<{ value: string; label: string }[] | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const [readingAt, setReadingAt] = useState(localNow);
  const [tanks, setTanks] = useState<Record<string, { unit: "percent" | "kilograms"; value: string }>>({});
  const [cylinders, setCylinders] = useState<Record<string, Counts>>({});
  const [plants, setPlants] = useState<Record<string, { hours: string; fault: string }>>({});
  const [moves, setMoves] = useState<MovementsValue>(NO_MOVEMENTS);
  const [fromWards, setFromWards] = useState(true);
  const [patients, setPatients] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<RecordOxygenReadingMutation["recordOxygenReading"] | null>(null);
  const [queued, setQueued] = useState(false);
  // The form opens without a network from the phone's copy once the key is open.
  const unlocked = useLock().state === "open";

  // Facilities the user reports for: one goes straight to its form.
  useEffect(() => {
    cachedGql<OxygenOverviewQuery>("oxygenOverview", OXYGEN_OVERVIEW).then((d) => {
      const list = d.oxygenOverview.facilities.map((f) => ({ value: f.facilityId, label: f.facilityName }));
      setChoices(list);
      if (!facilityId && list.length === 1) setParams({ facility: list[0].value }, { replace: true });
    }, setError);
  }, [facilityId, setParams, unlocked]);

  useEffect(() => {
    if (!facilityId) return;
    setForm(null);
    cachedGql<Form, OxygenEntryFormQueryVariables>("oxygenEntryForm", ENTRY_FORM, { facilityId }).then(setForm, setError);
  }, [facilityId, unlocked]);

  const last = form?.oxygenReadings[form.oxygenReadings.length - 1];
  const tankSources = form?.oxygenSources.filter((s) => s.kind === "LMO_TANK") ?? [];
  const cylinderTypes = [...new Set(form?.oxygenSources.filter((s) => s.kind === "CYLINDERS").map((s) => s.cylinderTypeId ?? "") ?? [])].filter(Boolean);
  const plantSources = form?.oxygenSources.filter((s) => s.kind === "PSA_PLANT") ?? [];
  const typeName = (id: string) => form?.oxygenCylinderTypes.find((c) => c.id === id)?.name ?? "";

  const readings = (): OxygenReadingsInput => ({
    tanks: tankSources.map((s) => {
      const v = tanks[s.id] ?? { unit: "percent", value: "" };
      return v.unit === "percent" ? { sourceId: s.id, percent: num(v.value) } : { sourceId: s.id, kilograms: num(v.value) };
    }),
    cylinders: cylinderTypes.map((id) => {
      const c = cylinders[id] ?? { full: "", inUse: "", empty: "", sentForRefill: "" };
      return { cylinderTypeId: id, full: num(c.full), inUse: num(c.inUse), empty: num(c.empty), sentForRefill: num(c.sentForRefill) };
    }),
    plants: plantSources.map((s) => ({ sourceId: s.id, runningHours: num(plants[s.id]?.hours ?? ""), fault: plants[s.id]?.fault || null })),
    ...movementsInput(
      moves,
      tankSources.map((s) => s.id),
      cylinderTypes,
    ),
    patients: fromWards ? null : Object.fromEntries(PATIENT_KINDS.map((k) => [k, num(patients[k] ?? "")])) as OxygenReadingsInput["patients"],
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    setQueued(false);
    try {
      const variables: RecordOxygenReadingMutationVariables = { facilityId, readingAt: new Date(readingAt).toISOString(), readings: readings() };
      const summary = `${form?.facilityOxygen.facilityName ?? ""} · ${dateTime(variables.readingAt)}`;
      // Readings of one facility go in the order they were read: each is checked against the one before.
      const r = await run((key) => sendOrQueue<RecordOxygenReadingMutation>({ kind: "oxygen", summary, query: RECORD_READING, variables, idempotencyKey: key, ref: `oxygen:${facilityId}` }));
      if (r && "queued" in r) setQueued(true);
      else if (r) {
        setSaved(r.sent.recordOxygenReading);
        cachedGql<Form, OxygenEntryFormQueryVariables>("oxygenEntryForm", ENTRY_FORM, { facilityId }).then(setForm, setError);
      }
    } catch (err) {
      setError(err);
    }
  };

  if (!facilityId)
    return (
      <section className="oxygen-entry">
        <h1>{t("oxygen.entry.title")}</h1>
        {choices && choices.length === 0 && <p>{t("oxygen.noSources")}</p>}
        {choices && choices.length > 1 && (
          <SelectField label={t("oxygen.facility")} value="" onChange={(e) => setParams({ facility: e.target.value })} options={[{ value: "", label: "—" }, ...choices]} />
        )}
        <ErrorText error={error} />
      </section>
    );
  if (!form) return <ErrorText error={error} />;
  const lastTank = (id: string) => last?.tanks.find((x) => x.sourceId === id);
  const lastCyl = (id: string) => last?.cylinders.find((x) => x.cylinderTypeId === id);
  const lastHint = (v: number | null | undefined, unit = "") => (v == null ? undefined : t("oxygen.entry.last", { value: `${n(v)}${unit}` }));
  return (
    <section className="oxygen-entry">
      <h1>{t("oxygen.entry.title")}</h1>
      <p>
        <strong>{form.facilityOxygen.facilityName}</strong>
        {last && <> · {t("oxygen.entry.lastAt", { at: dateTime(last.readingAt) })}</>}
      </p>
      <form onSubmit={submit}>
        <TextField label={t("oxygen.entry.readingAt")} type="datetime-local" value={readingAt} max={localNow()} required onChange={(e) => setReadingAt(e.target.value)} error={fieldError(error, "readingAt")} />
        {tankSources.map((s, i) => {
          const v = tanks[s.id] ?? { unit: "percent", value: "" };
          const prev = lastTank(s.id);
          return (
            <fieldset key={s.id}>
              <legend>
                {s.name} ({n(s.amount ?? 0)} {t(`oxygen.unit.${s.unit ?? "KILOLITRE"}` as MessageKey)})
              </legend>
              <SelectField label={t("oxygen.entry.gaugeShows")} value={v.unit} onChange={(e) => setTanks({ ...tanks, [s.id]: { ...v, unit: e.target.value as "percent" | "kilograms" } })} options={[{ value: "percent", label: "%" }, { value: "kilograms", label: "kg" }]} />
              <TextField
                label={v.unit === "percent" ? t("oxygen.entry.levelPercent") : t("oxygen.entry.levelKg")}
                inputMode="decimal"
                required
                value={v.value}
                hint={lastHint(v.unit === "percent" ? prev?.percent : prev?.kilograms, v.unit === "percent" ? " %" : " kg")}
                error={fieldError(error, `tanks[${i}].${v.unit}`) ?? fieldError(error, "tanks")}
                onChange={(e) => setTanks({ ...tanks, [s.id]: { ...v, value: e.target.value } })}
              />
            </fieldset>
          );
        })}
        {cylinderTypes.map((id, i) => {
          const c = cylinders[id] ?? { full: "", inUse: "", empty: "", sentForRefill: "" };
          const prev = lastCyl(id);
          const owned = form.oxygenSources.filter((s) => s.cylinderTypeId === id).reduce((a, s) => a + (s.owned ?? 0), 0);
          return (
            <fieldset key={id}>
              <legend>{t("oxygen.entry.cylinders", { type: typeName(id), owned: String(owned) })}</legend>
              {(["full", "inUse", "empty", "sentForRefill"] as const).map((k) => (
                <TextField key={k} label={t(`oxygen.entry.${k}` as MessageKey)} inputMode="numeric" value={c[k]} required={k !== "sentForRefill"} hint={lastHint(prev?.[k])} error={fieldError(error, `cylinders[${i}].${k}`)} onChange={(e) => setCylinders({ ...cylinders, [id]: { ...c, [k]: e.target.value } })} />
              ))}
            </fieldset>
          );
        })}
        {plantSources.map((s, i) => (
          <fieldset key={s.id}>
            <legend>{s.name}</legend>
            <TextField label={t("oxygen.entry.runningHours")} inputMode="decimal" value={plants[s.id]?.hours ?? ""} hint={lastHint(last?.plants.find((p) => p.sourceId === s.id)?.runningHours, " h")} error={fieldError(error, `plants[${i}].runningHours`)} onChange={(e) => setPlants({ ...plants, [s.id]: { hours: e.target.value, fault: plants[s.id]?.fault ?? "" } })} />
            <TextField label={t("oxygen.entry.fault")} value={plants[s.id]?.fault ?? ""} onChange={(e) => setPlants({ ...plants, [s.id]: { hours: plants[s.id]?.hours ?? "", fault: e.target.value } })} />
          </fieldset>
        ))}
        <Movements tanks={tankSources} types={cylinderTypes.map((id) => ({ id, name: typeName(id) }))} value={moves} onChange={setMoves} error={error} />
        <fieldset>
          <legend>{t("oxygen.entry.patients")}</legend>
          <label className="check">
            <input type="checkbox" checked={fromWards} onChange={(e) => setFromWards(e.target.checked)} /> {t("oxygen.entry.fromWards")}
          </label>
          {!fromWards &&
            PATIENT_KINDS.map((k) => (
              <TextField key={k} label={t(`oxygen.modality.${k}` as MessageKey)} inputMode="numeric" value={patients[k] ?? ""} hint={lastHint(last?.patients[k])} error={fieldError(error, `patients.${k}`)} onChange={(e) => setPatients({ ...patients, [k]: e.target.value })} />
            ))}
        </fieldset>
        <ErrorText error={error} />
        <button type="submit" className="button--big" disabled={busy}>
          {t("oxygen.entry.save")}
        </button>
        {queued && <p role="status">{t("outbox.queued")}</p>}
        {saved && (
          <p role="status" className="pill pill--ok">
            {t("oxygen.entry.saved", { held: n(Math.round(saved.heldNm3)), usable: n(Math.round(saved.usableNm3)) })}
            {saved.late && ` · ${t("oxygen.entry.late")}`}
          </p>
        )}
      </form>
      <p>
        <Link to="/oxygen">{t("oxygen.dashboard.title")}</Link>
      </p>
    </section>
  );
}
