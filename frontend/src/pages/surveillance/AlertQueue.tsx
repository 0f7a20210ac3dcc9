import { useCallback, useEffect, useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { SurveillanceAlertsQuery, VerifySurveillanceAlertMutation, VerifySurveillanceAlertMutationVariables } from "../../gql/types";
import { ALERTS, VERIFY_ALERT } from "./queries";

type Alert = SurveillanceAlertsQuery["surveillanceAlerts"][number];

function AlertCard({ a, name, onDone }: { a: Alert; name: string; onDone: () => void }) {
  const { t, dateTime } = useI18n();
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const verify = async (trueSignal: boolean) => {
    setError(null);
    try {
      const r = await run((key) => gql<VerifySurveillanceAlertMutation, VerifySurveillanceAlertMutationVariables>(VERIFY_ALERT, { id: a.id, version: a.version, trueSignal, note }, { idempotencyKey: key }));
      if (r) onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="card">
      <h3>
        {name} · {a.unitName}
        {a.village && ` · ${a.village}`}
      </h3>
      <p>{a.explanation}</p>
      <p className="muted">{t("alerts.raised", { when: dateTime(a.raisedAt) })}</p>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("alerts.note")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={() => void verify(true)}>
            {t("alerts.trueSignal")}
          </button>
          <button type="button" className="secondary" onClick={() => void verify(false)}>
            {t("alerts.falseSignal")}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** Open alerts in the caller's reach, each verified with what was checked (a true
 *  signal opens an investigation, listed beside the queue). */
export function AlertQueue({ names, onVerified }: { names: Map<string, string>; onVerified?: () => void }) {
  const { t } = useI18n();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => gql<SurveillanceAlertsQuery>(ALERTS).then((d) => setAlerts(d.surveillanceAlerts), setError), []);
  useEffect(() => void load(), [load]);
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t("alerts.title")}</h2>
      <ErrorText error={error} />
      {alerts?.length === 0 && <p className="muted">{t("alerts.none")}</p>}
      <ul className="plain">
        {alerts?.map((a) => (
          <AlertCard
            key={a.id}
            a={a}
            name={names.get(a.condition) ?? a.condition}
            onDone={() => {
              void load();
              onVerified?.();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
