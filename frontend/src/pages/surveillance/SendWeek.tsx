import { useCallback, useEffect, useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useParam } from "../../hooks/useParam";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MyReportingFacilitiesQuery, MyReportingFacilitiesQueryVariables, SendWeeklyReportMutation, SendWeeklyReportMutationVariables } from "../../gql/types";
import { MY_REPORTING, SEND_WEEK } from "./queries";
import { indiaToday, weeksBefore } from "./weeks";

type Row = MyReportingFacilitiesQuery["myReportingFacilities"][number];

function FacilityWeek({ f, week, onSent }: { f: Row; week: string; onSent: () => void }) {
  const { t, dateTime } = useI18n();
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SendWeeklyReportMutation["sendWeeklyReport"] | null>(null);
  const { busy, run } = useSubmit();
  const send = async () => {
    setError(null);
    try {
      const r = await run((key) => gql<SendWeeklyReportMutation, SendWeeklyReportMutationVariables>(SEND_WEEK, { facilityId: f.facilityId, week, note: note || null }, { idempotencyKey: key }));
      if (r) {
        setSent(r.sendWeeklyReport);
        onSent();
      }
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="card">
      <h2>
        {f.facilityName} <span className="muted">· {f.unitName}</span>
      </h2>
      <p>{f.sentAt ? t(f.onTime ? "week.sentOnTime" : "week.sentLate", { when: dateTime(f.sentAt) }) : t("week.notSent")}</p>
      {sent && <p role="status">{sent.nilReport ? t("week.sentNil", { week: sent.week }) : t("week.sentCases", { week: sent.week, n: sent.cases })}</p>}
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("week.note")} value={note} onChange={(e) => setNote(e.target.value)} />
        <ErrorText error={error} also={["week", "note"]} />
        <div className="actions">
          <button type="button" onClick={() => void send()}>
            {f.sentAt ? t("week.sendAgain") : t("week.send")}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * A facility sends its week for surveillance: the cases Arogya holds for it are counted,
 * and none is a nil report, so that silence always means "not sent". The week stays in
 * the address; last week by default (IDSP's weekly forms go on Monday).
 */
export default function SendWeek() {
  const { t } = useI18n();
  const [weekParam, setWeek] = useParam("week");
  const week = weekParam || weeksBefore(indiaToday(), 1);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => gql<MyReportingFacilitiesQuery, MyReportingFacilitiesQueryVariables>(MY_REPORTING, { week }).then((d) => setRows(d.myReportingFacilities), setError), [week]);
  useEffect(() => void load(), [load]);
  const weeks = [0, 1, 2, 3].map((n) => weeksBefore(indiaToday(), n));
  return (
    <section>
      <h1>{t("week.title")}</h1>
      <p>{t("week.intro")}</p>
      <div className="actions" role="group" aria-label={t("surveillance.week")}>
        {weeks.map((w) => (
          <button key={w} type="button" className={w === week ? "" : "secondary"} aria-pressed={w === week} onClick={() => setWeek(w)}>
            {w}
          </button>
        ))}
      </div>
      <ErrorText error={error} />
      {rows?.length === 0 && <p className="muted">{t("week.noFacilities")}</p>}
      <ul className="plain">
        {rows?.map((f) => (
          <FacilityWeek key={`${f.facilityId}-${week}`} f={f} week={week} onSent={() => void load()} />
        ))}
      </ul>
    </section>
  );
}
