import { useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { IndicatorMeasure, IndicatorRowsQuery, IndicatorRowsQueryVariables } from "../../gql/types";
import { INDICATOR_ROWS } from "./indicatorQueries";

const MEASURES: [IndicatorMeasure, string][] = [
  ["OPD_VISITS", "opdVisits"],
  ["ADMISSIONS", "admissions"],
  ["DISCHARGES", "discharges"],
  ["DEATHS", "deaths"],
  ["REFERRALS_OUT", "referralsOut"],
  ["INPATIENT_DAYS", "inpatientDays"],
  ["LAB_TESTS", "labTests"],
  ["PRESCRIPTIONS", "prescriptions"],
  ["REGISTRATIONS", "registrations"],
  ["CARDS_ISSUED", "cardsIssued"],
  ["HOUSEHOLDS_SURVEYED", "householdsSurveyed"],
  ["HELPLINE_CALLS", "helplineCalls"],
  ["PROFESSIONALS_VERIFIED", "professionalsVerified"],
  ["NOTIFIABLE_CASES", "notifiableCases"],
  ["STOCK_OUTS", "stockOuts"],
];

/** For administrators: the records behind one of a place's numbers, over the months on
 *  screen for a facility, over the last month on screen for a unit or the whole reach
 *  (each look is written to the audit trail). */
export function RowsBehind({ facilityId, unitId, from, to, department }: { facilityId?: string; unitId?: string; from: string; to: string; department: string }) {
  const { t, number: n, date } = useI18n();
  const [measure, setMeasure] = useState<IndicatorMeasure>("OPD_VISITS");
  const [data, setData] = useState<IndicatorRowsQuery["indicatorRows"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function show() {
    setError(null);
    setBusy(true);
    try {
      // Above a facility a district's month is thousands of records: one month at a time.
      const first = facilityId ? from : to;
      const d = await gql<IndicatorRowsQuery, IndicatorRowsQueryVariables>(INDICATOR_ROWS, { facilityId: facilityId ?? null, unitId: unitId ?? null, from: first, to, measure, department: department || null });
      setData(d.indicatorRows);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="rows-behind">
      <h2 id="rows-behind">{t("ind.rowsTitle")}</h2>
      <p className="muted">{t("ind.rowsHint")}</p>
      {!facilityId && <p className="muted">{t("ind.rowsOneMonth", { month: to })}</p>}
      <div className="filters no-print">
        <SelectField label={t("ind.rowsOf")} value={measure} onChange={(e) => setMeasure(e.target.value as IndicatorMeasure)} options={MEASURES.map(([m, k]) => ({ value: m, label: t(`ind.${k}` as MessageKey) }))} />
        <button type="button" className="secondary" onClick={show} disabled={busy}>
          {t("ind.showRows")}
        </button>
      </div>
      <ErrorText error={error} />
      {data && (
        <>
          <p>{t("ind.rowsCount", { total: n(data.total), sum: n(data.sum), shown: n(data.rows.length) })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rows-behind">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("ind.rowDay")}</th>
                  {!facilityId && <th scope="col">{t("ind.rowFacility")}</th>}
                  <th scope="col">{t("ind.rowPatient")}</th>
                  <th scope="col">{t("ind.department")}</th>
                  <th scope="col">{t("ind.rowValue")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.kind}-${r.recordId}`}>
                    <td>{date(r.day)}</td>
                    {!facilityId && <td>{r.facilityName ?? "–"}</td>}
                    <td>{r.patientName ? `${r.patientName} (${r.healthId})` : (r.unidentified ?? r.label)}</td>
                    <td>{t(`ind.dept.${r.department}` as MessageKey)}</td>
                    <td>{n(r.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
