import { useEffect, useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { AcknowledgeOxygenAlertMutation, AcknowledgeOxygenAlertMutationVariables, OxygenAlertsQuery, OxygenAlertsQueryVariables } from "../../gql/types";
import { ACKNOWLEDGE_ALERT, OXYGEN_ALERTS } from "./queries";

type Alert = OxygenAlertsQuery["oxygenAlerts"][number];

function Acknowledge({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const { t } = useI18n();
  const [action, setAction] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const send = async () => {
    setError(null);
    try {
      const r = await run((key) => gql<AcknowledgeOxygenAlertMutation, AcknowledgeOxygenAlertMutationVariables>(ACKNOWLEDGE_ALERT, { id: alert.id, actionTaken: action }, { idempotencyKey: key }));
      if (r) onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <TextField label={t("oxygen.alerts.action")} value={action} required minLength={5} onChange={(e) => setAction(e.target.value)} error={fieldError(error, "actionTaken")} />
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("oxygen.alerts.acknowledge")}
      </button>
    </form>
  );
}

/** Alerts waiting for someone to say what was done (or, ticked, the answered ones too). */
export function AlertQueue({ changes, onAnswered }: { changes: number; onAnswered: () => void }) {
  const { t, dateTime, number: n } = useI18n();
  const [all, setAll] = useState(false);
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<OxygenAlertsQuery, OxygenAlertsQueryVariables>(OXYGEN_ALERTS, { open: !all }).then((d) => setAlerts(d.oxygenAlerts), setError);
  }, [all, changes]);
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t("oxygen.alerts.title")}</h2>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t("oxygen.alerts.showAnswered")}
      </label>
      <ErrorText error={error} />
      {alerts && alerts.length === 0 && <p>{t("oxygen.alerts.none")}</p>}
      <ul className="cards">
        {alerts?.map((a) => (
          <li key={a.id} className="panel">
            <p>
              <span className={a.level === "CRITICAL" ? "pill pill--alert" : "pill pill--warn"}>{t(`oxygen.level.${a.level ?? "WARNING"}` as MessageKey)}</span> <strong>{a.facilityName}</strong> · {dateTime(a.raisedAt)}
              {a.escalatedAt && <> · {t("oxygen.alerts.escalated")}</>}
            </p>
            <p>{t(`oxygen.kind.${a.kind ?? "TIME_TO_EMPTY"}` as MessageKey, { h: a.timeToEmptyHours == null ? "—" : a.timeToEmptyHours < 1 ? "<1" : n(Math.round(a.timeToEmptyHours * 10) / 10) })}</p>
            {a.acknowledgedAt ? (
              <p className="pill pill--ok">{t("oxygen.alerts.answered", { who: a.acknowledgedBy ?? "", action: a.actionTaken ?? "" })}</p>
            ) : (
              <Acknowledge alert={a} onDone={onAnswered} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
