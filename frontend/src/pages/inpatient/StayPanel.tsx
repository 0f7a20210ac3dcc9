import { useEffect, useState, type FormEvent } from "react";
import { authorisedBlobUrl, gql } from "../../api/client";
import { cachedGql } from "../../offline/cache";
import { sendOrQueue } from "../../offline/send";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  AdmissionViewQuery,
  AdmissionViewQueryVariables,
  ConditionCategory,
  Consciousness,
  DischargeOutcome,
  DischargePatientMutation,
  DischargePatientMutationVariables,
  LifeSupport,
  RecordConditionMutation,
  RecordConditionMutationVariables,
  ReserveBedMutation,
  ReserveBedMutationVariables,
  TransferPatientMutation,
  TransferPatientMutationVariables,
} from "../../gql/types";
import { IntakeOutput } from "./IntakeOutput";
import { AVPU, CATEGORIES, OUTCOMES, SUPPORT } from "./labels";
import { DISCHARGE, HISTORY, RECORD_CONDITION, RESERVE_BED, TRANSFER } from "./queries";
import type { Board, Tile } from "./WardBoard";

const num = (v: string) => (v.trim() === "" ? null : Number(v));

/** An admitted patient's bed: record the condition (large fields for a phone), move, discharge. */
export function StayPanel({ board, tile, onDone }: { board: Board; tile: Tile; onDone: () => void }) {
  const { t, dateTime } = useI18n();
  const a = tile.admission!;
  const { busy, run } = useSubmit();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [view, setView] = useState<AdmissionViewQuery["admission"] | null>(null);
  const [c, setC] = useState({ category: (a.category ?? "MILD") as ConditionCategory, support: (a.lifeSupport ?? "NONE") as LifeSupport, avpu: "ALERT" as Consciousness, remark: "", rr: "", spo2: "", bp: "", dia: "", pulse: "", temp: "" });
  const [moveTo, setMoveTo] = useState("");
  const [d, setD] = useState({ outcome: "IMPROVED" as DischargeOutcome, death: "", note: "" });

  const loadView = () => cachedGql<AdmissionViewQuery, AdmissionViewQueryVariables>("admissionView", HISTORY, { id: a.id }).then((r) => setView(r.admission), setError);
  useEffect(() => {
    loadView();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a.id]);

  const cf = (k: keyof typeof c) => ({ value: c[k], onChange: (e: { target: { value: string } }) => setC({ ...c, [k]: e.target.value }) });
  const observations = () => {
    const vals = [num(c.rr), num(c.spo2), num(c.bp), num(c.pulse), num(c.temp)];
    if (vals.every((x) => x === null)) return null;
    return { respiratoryRate: vals[0] ?? 0, spo2: vals[1] ?? 0, systolicBp: vals[2] ?? 0, diastolicBp: num(c.dia), pulse: vals[3] ?? 0, temperatureC: vals[4] ?? 0 };
  };
  const record = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      // recordedAt: the time at the bedside, not the time a queued entry reaches the server.
      const variables: RecordConditionMutationVariables = { input: { admissionId: a.id, category: c.category, lifeSupport: c.support, consciousness: c.avpu, remark: c.remark || null, observations: observations(), recordedAt: new Date().toISOString() } };
      const summary = `${tile.bed.label} · ${t(`category.${c.category}` as MessageKey)}`;
      const r = await run((key) => sendOrQueue<RecordConditionMutation>({ kind: "condition", summary, query: RECORD_CONDITION, variables, idempotencyKey: key, ref: `admission:${a.id}` }));
      if (!r) return;
      if ("queued" in r) return setSaved(t("outbox.queued"));
      const score = r.sent.recordCondition.news2;
      setSaved(score == null ? t("stay.savedNoScore") : t("stay.saved", { score }));
      loadView();
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const transfer = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await run((key) => gql<TransferPatientMutation, TransferPatientMutationVariables>(TRANSFER, { admissionId: a.id, expectedVersion: a.version, bedId: moveTo }, { idempotencyKey: key }));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  // Hold the chosen bed for this patient until they are moved into it.
  const hold = async () => {
    setError(null);
    try {
      await run((key) => gql<ReserveBedMutation, ReserveBedMutationVariables>(RESERVE_BED, { admissionId: a.id, bedId: moveTo }, { idempotencyKey: key }));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const printChart = async () => {
    const url = await authorisedBlobUrl(`/patient-charts/${a.id}.pdf`);
    window.open(url, "_blank", "noopener");
  };
  const discharge = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const timeOfDeath = d.outcome === "DIED" && d.death ? new Date(d.death).toISOString() : null;
    try {
      await run((key) =>
        gql<DischargePatientMutation, DischargePatientMutationVariables>(
          DISCHARGE,
          { input: { admissionId: a.id, expectedVersion: a.version, outcome: d.outcome, timeOfDeath, note: d.note || null } },
          { idempotencyKey: key },
        ),
      );
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const free = board.beds.filter((b) => b.state === "FREE");

  return (
    <div>
      <p>
        <strong>{a.name}</strong> {a.healthId && <small>({a.healthId})</small>} · {a.reason}
      </p>
      <p>
        <button type="button" className="link" onClick={() => void printChart()}>
          {t("stay.printChart")}
        </button>
      </p>
      <form onSubmit={record} aria-label={t("stay.condition")} className="form--large">
        <h3>{t("stay.condition")}</h3>
        <SelectField label={t("stay.category")} {...cf("category")} hint={t(`categoryHint.${c.category}` as MessageKey)} options={CATEGORIES.map((x) => ({ value: x, label: t(`category.${x}` as MessageKey) }))} />
        <SelectField label={t("stay.support")} {...cf("support")} options={SUPPORT.map((x) => ({ value: x, label: t(`support.${x}` as MessageKey) }))} />
        <SelectField label={t("stay.consciousness")} {...cf("avpu")} options={AVPU.map((x) => ({ value: x, label: t(`avpu.${x}` as MessageKey) }))} />
        <fieldset>
          <legend>{t("stay.observations")}</legend>
          <TextField label={t("stay.rr")} inputMode="numeric" {...cf("rr")} error={fieldError(error, "observations.respiratoryRate")} />
          <TextField label={t("stay.spo2")} inputMode="numeric" {...cf("spo2")} error={fieldError(error, "observations.spo2")} />
          <TextField label={t("stay.bp")} inputMode="numeric" {...cf("bp")} error={fieldError(error, "observations.systolicBp")} />
          <TextField label={t("stay.bpDiastolic")} inputMode="numeric" {...cf("dia")} error={fieldError(error, "observations.diastolicBp")} />
          <TextField label={t("stay.pulse")} inputMode="numeric" {...cf("pulse")} error={fieldError(error, "observations.pulse")} />
          <TextField label={t("stay.temp")} inputMode="decimal" {...cf("temp")} error={fieldError(error, "observations.temperatureC")} />
        </fieldset>
        <TextField label={t("stay.remark")} {...cf("remark")} error={fieldError(error, "remark")} />
        <button type="submit" disabled={busy}>
          {t("stay.save")}
        </button>
        {saved && <p role="status">{saved}</p>}
      </form>
      <ErrorText error={error} also={["recordedAt"]} />
      <IntakeOutput admissionId={a.id} />
      {view && (
        <>
          <h3>{t("stay.history")}</h3>
          <ul>
            {view.conditionHistory.map((h) => (
              <li key={h.id}>
                {dateTime(h.recordedAt)}: {t(`category.${h.category}` as MessageKey)}, {t(`support.${h.lifeSupport}` as MessageKey)}
                {h.news2 != null && <> · {t("stay.news2", { score: h.news2 })}</>}
              </li>
            ))}
          </ul>
          <h3>{t("stay.attendants")}</h3>
          <ul>
            {view.attendants
              .filter((p) => !p.removed)
              .map((p) => (
                <li key={p.id}>
                  {p.name} ({p.relationship}) {p.phone} · {p.verified ? t("stay.verified") : t("stay.unverified")}
                </li>
              ))}
          </ul>
        </>
      )}
      {free.length > 0 && (
        <form onSubmit={transfer} aria-label={t("stay.transfer")}>
          <SelectField label={t("stay.transfer")} value={moveTo} onChange={(e) => setMoveTo(e.target.value)} options={[{ value: "", label: "—" }, ...free.map((b) => ({ value: b.bed.id, label: b.bed.label }))]} />
          <button type="submit" disabled={busy || !moveTo}>
            {t("stay.transferSubmit")}
          </button>{" "}
          <button type="button" disabled={busy || !moveTo} onClick={() => void hold()}>
            {t("stay.hold")}
          </button>
        </form>
      )}
      <form onSubmit={discharge} aria-label={t("stay.discharge")}>
        <h3>{t("stay.discharge")}</h3>
        <SelectField label={t("stay.outcome")} value={d.outcome} onChange={(e) => setD({ ...d, outcome: e.target.value as DischargeOutcome })} options={OUTCOMES.map((x) => ({ value: x, label: t(`outcome.${x}` as MessageKey) }))} />
        {d.outcome === "DIED" && <TextField label={t("stay.timeOfDeath")} type="datetime-local" value={d.death} onChange={(e) => setD({ ...d, death: e.target.value })} error={fieldError(error, "timeOfDeath")} />}
        <TextField label={t("stay.note")} value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
        <button type="submit" disabled={busy}>
          {t("stay.dischargeSubmit")}
        </button>
      </form>
    </div>
  );
}
