import { useCallback, useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { DoseStatus, MarkDoseMutation, MarkDoseMutationVariables, MedicationRoundQuery, MedicationRoundQueryVariables } from "../../gql/types";
import { MARK_DOSE, ROUND } from "./queries";

/** Today in India, as the register's day. */
export function todayInIndia(): string {
  return new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
}

const NOT_GIVEN: DoseStatus[] = ["HELD", "REFUSED", "NOT_AVAILABLE"];

/** The ward's medication round: each patient's due doses, marked one by one. */
export default function MedicationRound() {
  const { wardId = "" } = useParams();
  const { t, time } = useI18n();
  const [params, setParams] = useSearchParams();
  const day = params.get("day") ?? todayInIndia();
  const [round, setRound] = useState<MedicationRoundQuery["medicationRound"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState<Record<string, string>>({});
  const { busy, run } = useSubmit();

  const load = useCallback(() => {
    gql<MedicationRoundQuery, MedicationRoundQueryVariables>(ROUND, { wardId, day }).then((d) => setRound(d.medicationRound), setError);
  }, [wardId, day]);
  // A new day clears the old day's doses at once and ignores its late answer, so a
  // dose is never marked on the day just left.
  useEffect(() => {
    let current = true;
    setRound(null);
    gql<MedicationRoundQuery, MedicationRoundQueryVariables>(ROUND, { wardId, day }).then(
      (d) => current && setRound(d.medicationRound),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [wardId, day]);

  const mark = async (admissionId: string, prescriptionId: string, itemIndex: number, dueAt: string | null, status: DoseStatus, note: string | null) => {
    setError(null);
    try {
      await run((key) =>
        gql<MarkDoseMutation, MarkDoseMutationVariables>(MARK_DOSE, { input: { admissionId, prescriptionId, itemIndex, dueAt, status, note } }, { idempotencyKey: key }),
      );
      load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <p>
        <Link to={`/wards/${wardId}`}>{t("ward.back")}</Link>
      </p>
      <h1>{t("round.title")}</h1>
      <label className="field">
        <span>{t("round.day")}</span>
        <input type="date" value={day} onChange={(e) => setParams({ day: e.target.value }, { replace: true })} />
      </label>
      <ErrorText error={error} />
      {round?.length === 0 && <p>{t("round.none")}</p>}
      {round?.map((p) => (
        <article key={p.admission.id} className="card">
          <h2>
            {p.admission.bedLabel} · {p.admission.name}
          </h2>
          {p.drugs.length === 0 && <p>{t("round.noDrugs")}</p>}
          <ul className="round">
            {p.drugs.map((d) => (
              <li key={`${d.prescriptionId}-${d.itemIndex}`}>
                <strong>{d.drug}</strong> · {d.frequency}
                <ul>
                  {d.due.map((slot) => {
                    const key = `${d.prescriptionId}-${d.itemIndex}-${slot.dueAt}`;
                    return (
                      <li key={key} aria-label={t("round.dose", { drug: d.drug, time: time(slot.dueAt) })}>
                        <span className="round__time">{time(slot.dueAt)}</span>{" "}
                        {slot.mark ? (
                          <span className="pill">
                            {t(`dose.${slot.mark.status}` as MessageKey)}
                            {slot.mark.note && `: ${slot.mark.note}`}
                          </span>
                        ) : (
                          <>
                            <button type="button" disabled={busy} onClick={() => mark(p.admission.id, d.prescriptionId, d.itemIndex, slot.dueAt, "GIVEN", null)}>
                              {t("round.give")}
                            </button>{" "}
                            <input aria-label={t("round.reason")} placeholder={t("round.reason")} value={reason[key] ?? ""} onChange={(e) => setReason({ ...reason, [key]: e.target.value })} />
                            {NOT_GIVEN.map((s) => (
                              <button key={s} type="button" disabled={busy || !(reason[key] ?? "").trim()} onClick={() => mark(p.admission.id, d.prescriptionId, d.itemIndex, slot.dueAt, s, reason[key] ?? null)}>
                                {t(`dose.${s}` as MessageKey)}
                              </button>
                            ))}
                          </>
                        )}
                      </li>
                    );
                  })}
                  {d.due.length === 0 && (
                    <li>
                      {t("round.asNeeded", { n: d.asNeeded.length })}{" "}
                      <button type="button" disabled={busy} onClick={() => mark(p.admission.id, d.prescriptionId, d.itemIndex, null, "GIVEN", null)}>
                        {t("round.giveNow")}
                      </button>
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
