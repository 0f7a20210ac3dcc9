import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { downloadCsv, toCsv } from "../../components/csv";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { EmrReadinessHistoryQuery, EmrReadinessHistoryQueryVariables } from "../../gql/types";
import { EMR_HISTORY } from "./queries";
import { ITEMS, itemLabel } from "./rollout";

type Change = EmrReadinessHistoryQuery["emrReadinessHistory"][number];

/** One facility's readiness, change by change, newest first: what it said, how it came
 *  in (the form, a sheet, a registration) and who made it. */
export default function EmrHistory() {
  const { t, dateTime, date } = useI18n();
  const { facilityId = "" } = useParams();
  const [rows, setRows] = useState<Change[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<EmrReadinessHistoryQuery, EmrReadinessHistoryQueryVariables>(EMR_HISTORY, { facilityId }).then((d) => setRows(d.emrReadinessHistory), setError);
  }, [facilityId]);
  const status = (c: Change, item: string) => t(`emr.status.${c.checklist.find((x) => x.item === item)?.status ?? "NOT_STARTED"}` as MessageKey);
  const adopted = (c: Change) => (c.adopted && c.adoptedOn ? t("emr.adoptedOn", { date: date(c.adoptedOn) }) : t("emr.notYet"));
  const by = (c: Change) => c.changedBy ?? t("emr.bySystem");
  function csv() {
    if (!rows) return;
    const head = [t("emr.changedAt"), t("emr.changedBy"), t("emr.source"), t("emr.adopted"), ...ITEMS.map((i) => itemLabel(t, i))];
    downloadCsv(`emr-history-${facilityId}.csv`, toCsv(head, rows.map((c) => [c.changedAt, by(c), t(`emr.source.${c.source}` as MessageKey), adopted(c), ...ITEMS.map((i) => status(c, i))])));
  }
  return (
    <section>
      <p className="no-print">
        <Link to="/dashboards/emr">{t("emr.back")}</Link>
      </p>
      <h1 id="history-title">{t("emr.historyTitle")}</h1>
      <ErrorText error={error} />
      {rows === null && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows && (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="history-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("emr.changedAt")}</th>
                  <th scope="col">{t("emr.changedBy")}</th>
                  <th scope="col">{t("emr.adopted")}</th>
                  {ITEMS.map((i) => (
                    <th key={i} scope="col">
                      {itemLabel(t, i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.seq}>
                    <td>{dateTime(c.changedAt)}</td>
                    <td>
                      {by(c)}
                      <br />
                      <small className="muted">{t(`emr.source.${c.source}` as MessageKey)}</small>
                    </td>
                    <td>{adopted(c)}</td>
                    {ITEMS.map((i) => (
                      <td key={i}>{status(c, i)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="secondary no-print" onClick={csv}>
            {t("emr.csv")}
          </button>
        </>
      )}
    </section>
  );
}
