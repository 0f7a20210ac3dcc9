import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { authorisedBlobUrl } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import { cachedGql } from "../../offline/cache";
import { useLock, useOutboxCounts } from "../../offline/useOutbox";
import type { TrainingRegisterFieldsFragment, TrainingRegisterQuery, TrainingRegisterQueryVariables } from "../../gql/types";
import { AttendanceDay } from "./AttendanceDay";
import { NominateForm } from "./NominateForm";
import { SessionFacts } from "./SessionFacts";
import { StatusActions } from "./StatusActions";
import { REGISTER } from "./queries";
import { indiaToday } from "./dates";

type Reg = TrainingRegisterFieldsFragment;

/**
 * A training's page: what it is, the register (every nominee, every day) to read and
 * print, and for its trainer the day's marking, which works without a network.
 * Administrators nominate, close and cancel here. The day chosen stays in the address.
 */
export default function TrainingSession() {
  const { id = "" } = useParams();
  const { t, date } = useI18n();
  const unlocked = useLock().state === "open";
  const queued = useOutboxCounts().waiting;
  const [reg, setReg] = useState<Reg | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dayParam, setDay] = useParam("day");
  const load = useCallback(() => cachedGql<TrainingRegisterQuery, TrainingRegisterQueryVariables>("trainingRegister", REGISTER, { id }).then((d) => setReg(d.trainingRegister), setError), [id]);
  // Read again when the phone's queue has sent something (the marks are now the server's).
  useEffect(() => void load(), [load, unlocked, queued]);
  if (!reg) return error ? <ErrorText error={error} /> : <p aria-busy="true">{t("common.loading")}</p>;

  const s = reg.session;
  const today = indiaToday();
  const held = reg.days.filter((d) => d <= today);
  const day = dayParam && held.includes(dayParam) ? dayParam : held[held.length - 1];
  const open = s.status === "SCHEDULED";
  const print = async () => {
    try {
      window.open(await authorisedBlobUrl(`/training-registers/${encodeURIComponent(id)}.pdf`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="training">
      <p className="no-print">
        <Link to="/training">← {t("training.title")}</Link>
      </p>
      <h1>{s.title}</h1>
      <SessionFacts s={s} />
      <ErrorText error={error} />
      <div className="actions no-print">
        <button type="button" className="secondary" onClick={() => void print()}>
          {t("training.print")}
        </button>
      </div>

      {open && s.canKeepRegister && held.length > 0 && (
        <>
          <div className="actions no-print" role="group" aria-label={t("training.day")}>
            {held.map((d) => (
              <button key={d} type="button" className={d === day ? "" : "secondary"} aria-pressed={d === day} onClick={() => setDay(d)}>
                {date(d)}
              </button>
            ))}
          </div>
          {day && <AttendanceDay reg={reg} day={day} onSaved={setReg} />}
        </>
      )}
      {open && held.length === 0 && <p className="muted">{t("training.notBegun", { day: date(reg.days[0]) })}</p>}

      <h2>{t("training.register")}</h2>
      {reg.lines.length === 0 ? (
        <p className="muted">{t("training.noNominees")}</p>
      ) : (
        // Focusable so that a keyboard can scroll a month-long register sideways.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("training.register")}>
          <table>
            <caption className="visually-hidden">{t("training.register")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("training.name")}</th>
                {reg.days.map((d) => (
                  <th key={d} scope="col">
                    {date(d)}
                  </th>
                ))}
                <th scope="col">{t("training.daysPresent")}</th>
              </tr>
            </thead>
            <tbody>
              {reg.lines.map((l) => (
                <tr key={l.professionalId}>
                  <th scope="row">{l.name}</th>
                  {l.cells.map((c) => (
                    <td key={c.day}>{c.mark === "PRESENT" ? t("training.P") : c.mark === "ABSENT" ? t("training.A") : ""}</td>
                  ))}
                  <td>
                    {l.daysPresent}
                    {l.completed && ` ✓`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && s.canManage && <NominateForm reg={reg} onSaved={setReg} />}
      {open && (s.canManage || (s.canKeepRegister && held.length > 0)) && <StatusActions reg={reg} begun={held.length > 0} onSaved={setReg} />}
    </section>
  );
}
