import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { useI18n } from "../../i18n";
import type { DutyListQuery, DutyListQueryVariables } from "../../gql/types";
import { DUTY } from "./queries";

/** What is overdue on the ward now: observations, late death entries, discharge summaries. */
export function DutyList({ wardId, refresh }: { wardId: string; refresh: number }) {
  const { t, time } = useI18n();
  const [duty, setDuty] = useState<DutyListQuery["dutyList"] | null>(null);
  useEffect(() => {
    gql<DutyListQuery, DutyListQueryVariables>(DUTY, { wardId }).then((d) => setDuty(d.dutyList), () => setDuty(null));
  }, [wardId, refresh]);
  if (!duty) return null;
  const empty = duty.overdueObservations.length + duty.lateDeathEntries.length + duty.dischargeSummariesPending.length === 0;
  return (
    <section aria-label={t("duty.title")} className="card">
      <h2>{t("duty.title")}</h2>
      {empty && <p>{t("duty.none")}</p>}
      {duty.overdueObservations.length > 0 && (
        <p>
          <strong>{t("duty.observations")}</strong>{" "}
          {duty.overdueObservations.map((a) => `${a.bedLabel} ${a.name ?? ""} (${time(a.dueAt)})`).join(", ")}
        </p>
      )}
      {duty.lateDeathEntries.length > 0 && (
        <p>
          <strong>{t("duty.lateDeaths")}</strong> {duty.lateDeathEntries.map((a) => `${a.bedLabel} ${a.name ?? ""}`).join(", ")}
        </p>
      )}
      {duty.dischargeSummariesPending.length > 0 && (
        <p>
          <strong>{t("duty.summaries")}</strong>{" "}
          {duty.dischargeSummariesPending.map((a) =>
            a.healthId ? (
              <Link key={a.id} to={`/patients/${a.healthId}/record`}>
                {a.bedLabel} {a.name}{" "}
              </Link>
            ) : (
              <span key={a.id}>{a.name} </span>
            ),
          )}
        </p>
      )}
    </section>
  );
}
