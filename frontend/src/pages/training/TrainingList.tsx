import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import { cachedGql } from "../../offline/cache";
import { useLock } from "../../offline/useOutbox";
import type { TrainingSessionFieldsFragment, TrainingSessionsQuery, TrainingSessionsQueryVariables } from "../../gql/types";
import { ScheduleForm } from "./ScheduleForm";
import { SessionFacts } from "./SessionFacts";
import { SESSIONS } from "./queries";
import { addDays, indiaToday } from "./dates";

/**
 * Trainings: the sessions a person runs (administrators, in their reach) or trains,
 * from a month back to three months ahead, each with its attendance so far; opens
 * from the phone's copy without a network. Administrators schedule new ones here.
 */
export default function TrainingList() {
  const { t } = useI18n();
  const auth = useAuth();
  const unlocked = useLock().state === "open";
  const manager = auth.has("STATE_ADMIN") || auth.has("DISTRICT_ADMIN") || auth.has("FACILITY_ADMIN");
  const [rows, setRows] = useState<TrainingSessionFieldsFragment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const today = indiaToday();
  const range = { from: addDays(today, -30), to: addDays(today, 90) };
  useEffect(() => {
    cachedGql<TrainingSessionsQuery, TrainingSessionsQueryVariables>("trainingSessions", SESSIONS, range).then((d) => setRows(d.trainingSessions), setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unlocked, range.from]);
  return (
    <section>
      <h1>{t("training.title")}</h1>
      <p className="muted">{t("training.intro")}</p>
      <ErrorText error={error} />
      {rows === null && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t("training.none")}</p>}
      <ul className="plain">
        {rows?.map((s) => (
          <li key={s.id} className="card">
            <h2>
              <Link to={`/training/${s.id}`}>{s.title}</Link>
            </h2>
            <SessionFacts s={s} />
          </li>
        ))}
      </ul>
      {manager && <ScheduleForm />}
    </section>
  );
}
