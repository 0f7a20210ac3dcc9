import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { useI18n } from "../i18n";
import type { RecordPatientQuery, RecordPatientQueryVariables, RecordTimelineQuery, RecordTimelineQueryVariables } from "../gql/types";
import { DiagnosisForm } from "./record/DiagnosisForm";
import { PrescriptionForm } from "./record/PrescriptionForm";
import { PATIENT, TIMELINE } from "./record/queries";
import { StartVisit } from "./record/StartVisit";
import { LabOrderForm, LabResultForms, type OpenOrder } from "./record/LabForms";
import { flagText, VitalsForm } from "./record/VitalsForm";
import { useAuth } from "../api/auth";
import { MarkInError } from "./record/MarkInError";
import { FinishVisit, NoteForm } from "./record/VisitActions";
import type { MessageKey } from "../i18n/en";

type Entry = RecordTimelineQuery["patientByHealthId"]["timeline"]["edges"][number]["node"];

/** Lab orders (not entered in error) that no result in the timeline reports on yet. */
export function openOrders(entries: Entry[]): OpenOrder[] {
  const reported = new Set(entries.filter((e) => e.kind === "LAB_RESULT" && e.status !== "ENTERED_IN_ERROR").map((e) => e.orderId));
  return entries.flatMap((e) =>
    e.kind === "LAB_ORDER" && e.status !== "ENTERED_IN_ERROR" && !reported.has(e.id) && e.details.__typename === "LabOrderView"
      ? [{ id: e.id, encounterId: e.encounterId, tests: e.details.tests }]
      : [],
  );
}

function Summary({ e }: { e: Entry }) {
  const { t } = useI18n();
  const d = e.details;
  switch (d.__typename) {
    case "EncounterView":
      return <>{[t(`encounter.${d.encounterKind}`), d.department, d.reason, d.outcome && t("visit.finished", { outcome: t(`outcome.${d.outcome}`) })].filter(Boolean).join(" · ")}</>;
    case "DiagnosisView":
      return (
        <>
          <strong>{d.code}</strong> {d.description} ({t(`certainty.${d.certainty}`)})
        </>
      );
    case "PrescriptionView":
      return <>{d.items.map((i) => [i.drugName, i.strength, i.dose, i.frequency, i.durationDays && `${i.durationDays} d`].filter(Boolean).join(" ")).join("; ")}</>;
    case "NoteView":
      return (
        <>
          <span className="pill">{t(`noteCategory.${d.category}`)}</span> <span className="note-text">{d.text}</span>
        </>
      );
    case "VitalsView":
      return <VitalsSummary v={d} />;
    case "LabOrderView":
      return <>{d.tests.map((x) => x.name).join(", ")} ({t(`priority.${d.priority}` as MessageKey)}, {t(`specimen.${d.specimen}` as MessageKey)})</>;
    case "LabResultView":
      return (
        <>
          {d.measurements.map((m, i) => (
            <span key={i} className={m.abnormal && m.abnormal !== "NORMAL" ? "abnormal" : undefined}>
              {i > 0 && "; "}
              {m.test}: {m.value} {m.unit}
              {m.referenceLow !== null && m.referenceHigh !== null && ` (${m.referenceLow}–${m.referenceHigh})`}
              {m.abnormal && m.abnormal !== "NORMAL" && ` ${t(`abnormal.${m.abnormal}` as MessageKey)}`}
            </span>
          ))}
          {d.conclusion && <> · {d.conclusion}</>}
        </>
      );
    default:
      return null;
  }
}

type Vitals = Extract<Entry["details"], { __typename?: "VitalsView" }>;

function VitalsSummary({ v }: { v: Vitals }) {
  const { t, number } = useI18n();
  const parts = [
    v.systolicMmHg !== null && v.diastolicMmHg !== null && `${t("vitals.bp")} ${v.systolicMmHg}/${v.diastolicMmHg}`,
    v.pulsePerMin !== null && `${t("vitals.pulse")} ${v.pulsePerMin}`,
    v.temperatureC !== null && `${v.temperatureC} °C`,
    v.spo2Percent !== null && `SpO₂ ${v.spo2Percent}%`,
    v.respiratoryRatePerMin !== null && `${t("vitals.rr")} ${v.respiratoryRatePerMin}`,
    v.weightKg !== null && `${v.weightKg} kg`,
    v.heightCm !== null && `${v.heightCm} cm`,
    v.bmi !== null && `BMI ${v.bmi}`,
    v.bloodGlucoseMgDl !== null && `${t("vitals.glucose")} ${v.bloodGlucoseMgDl} mg/dL`,
  ].filter(Boolean);
  return (
    <>
      {parts.join(" · ")}
      {v.flags.length > 0 && <span className="abnormal"> ({v.flags.map((f) => flagText(t, f, number)).join("; ")})</span>}
    </>
  );
}

/** A patient's record: their history across facilities, and today's visit. */
export default function Record() {
  const { t, dateTime } = useI18n();
  const { has } = useAuth();
  const { healthId = "" } = useParams();
  const [patient, setPatient] = useState<RecordPatientQuery | null>(null);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [notInCare, setNotInCare] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadTimeline = useCallback(() => {
    gql<RecordTimelineQuery, RecordTimelineQueryVariables>(TIMELINE, { healthId })
      .then((d) => {
        setEntries(d.patientByHealthId.timeline.edges.map((e) => e.node));
        setNotInCare(false);
      })
      .catch((err) => {
        if (err instanceof ApiError && err.code === "FORBIDDEN") setNotInCare(true);
        else setError(err);
      });
  }, [healthId]);

  useEffect(() => {
    gql<RecordPatientQuery, RecordPatientQueryVariables>(PATIENT, { healthId }).then(setPatient, setError);
    loadTimeline();
  }, [healthId, loadTimeline]);

  if (error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION" && error.field === "healthId")))
    return (
      <section>
        <h1>{t("record.title")}</h1>
        <p role="alert" className="error">
          {t("record.noSuchPatient", { healthId })}
        </p>
        <Link to="/patients">{t("record.backToPatients")}</Link>
      </section>
    );
  if (error) return <ErrorText error={error} />;
  if (!patient) return <p aria-busy="true">{t("common.loading")}</p>;
  const p = patient.patientByHealthId;
  const facilities = (patient.myProfessional?.postings ?? []).flatMap((x) => (x.facility ? [x.facility] : []));
  // The visit in progress, if any (the timeline is newest first).
  const visit = entries?.find((e) => e.kind === "ENCOUNTER" && e.status === "IN_PROGRESS");
  return (
    <section>
      <h1>
        {t("record.title")}: {p.givenName} {p.familyName} {p.localName && <span className="local">({p.localName})</span>}
      </h1>
      <p className="muted">
        {p.healthId} · {t(`sex.${p.sex}`)} · {p.ageYears}
      </p>
      {notInCare && <p role="status">{t("record.notInCare")}</p>}
      {visit ? (
        <>
          <p role="status">{t("record.current", { when: dateTime(visit.occurredAt) })}</p>
          <div className="grid2">
            {has("NURSE") && <VitalsForm encounterId={visit.id} onSaved={loadTimeline} />}
            {has("DOCTOR") && <DiagnosisForm encounterId={visit.id} onSaved={loadTimeline} />}
            {has("DOCTOR") && <PrescriptionForm encounterId={visit.id} onSaved={loadTimeline} />}
            {has("DOCTOR") && <LabOrderForm encounterId={visit.id} onSaved={loadTimeline} />}
            {has("DOCTOR", "NURSE") && <NoteForm encounterId={visit.id} nurse={!has("DOCTOR")} onSaved={loadTimeline} />}
            {has("DOCTOR") && <FinishVisit id={visit.id} version={visit.version} onFinished={loadTimeline} />}
          </div>
        </>
      ) : (
        has("DOCTOR", "NURSE") && <StartVisit patientId={p.id} facilities={facilities} onStarted={loadTimeline} />
      )}
      {has("LAB_TECHNICIAN") && entries && <LabResultForms orders={openOrders(entries)} onSaved={loadTimeline} />}
      {entries && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("record.timeline")}</h2>
          {entries.length === 0 && <p className="muted">{t("common.empty")}</p>}
          <ol className="timeline history">
            {entries.map((e) => (
              <li key={e.id} className={[e.kind === "ENCOUNTER" ? "history__visit" : "", e.status === "ENTERED_IN_ERROR" ? "voided" : ""].join(" ").trim() || undefined}>
                <time dateTime={e.occurredAt}>{dateTime(e.occurredAt)}</time> <strong>{t(`entry.${e.kind}`)}</strong> <Summary e={e} />
                <div className="muted">{[e.facility?.name, e.author?.name].filter(Boolean).join(" · ")}</div>
                {e.status === "ENTERED_IN_ERROR" && <div className="error">{t("error.marked", { reason: e.enteredInErrorReason ?? "" })}</div>}
                {e.status !== "ENTERED_IN_ERROR" && e.kind !== "ENCOUNTER" && has("DOCTOR", "NURSE", "LAB_TECHNICIAN") && (
                  <MarkInError id={e.id} version={e.version} label={`${t(`entry.${e.kind}`)} ${dateTime(e.occurredAt)}`} onMarked={loadTimeline} />
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
