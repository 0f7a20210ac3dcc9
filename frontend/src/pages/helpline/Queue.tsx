import { useCallback, useEffect, useState } from "react";
import { gql } from "../../api/client";
import { subscribe } from "../../api/live";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { QueueChangedSubscription, TicketQueueQuery, TicketQueueQueryVariables, TicketRowFragment } from "../../gql/types";
import { QUEUE, QUEUE_CHANGED } from "./queries";

/** A tier's queue, refreshed whenever the server tells of a change to it. */
export function Queue({ tier, selected, onSelect, refreshKey }: { tier: number; selected?: string; onSelect: (id: string) => void; refreshKey: number }) {
  const { t, dateTime } = useI18n();
  const [rows, setRows] = useState<TicketRowFragment[] | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    gql<TicketQueueQuery, TicketQueueQueryVariables>(QUEUE, { tier })
      .then((d) => {
        setRows(d.ticketQueue);
        setError(null);
      })
      .catch(setError);
  }, [tier]);

  useEffect(() => load(), [load, refreshKey]);
  useEffect(
    () =>
      subscribe<QueueChangedSubscription>(QUEUE_CHANGED, { tier }, () => load(), (up) => {
        setLive(up);
        if (up) load(); // catch up on what changed while disconnected
      }),
    [tier, load],
  );

  return (
    <section className="queue" aria-labelledby={`queue-${tier}`} data-testid={`queue-${tier}`}>
      <header className="queue__head">
        <h2 id={`queue-${tier}`}>{t("helpline.tier", { tier })}</h2>
        <span className={`badge ${live ? "badge--live" : "badge--off"}`} role="status">
          {live ? t("helpline.live") : t("helpline.offline")}
        </span>
      </header>
      <ErrorText error={error} />
      {!rows && <p aria-busy="true">{t("common.loading")}</p>}
      {rows && rows.length === 0 && <p className="muted">{t("helpline.emptyQueue")}</p>}
      {rows && rows.length > 0 && (
        <ul className="tickets">
          {rows.map((r) => (
            <li key={r.id} className={`ticket ticket--${r.priority.toLowerCase()}${r.id === selected ? " ticket--selected" : ""}`}>
              <button type="button" onClick={() => onSelect(r.id)} aria-current={r.id === selected}>
                <span className="ticket__top">
                  <strong>{t(`ticket.category.${r.category}`)}</strong>
                  <span className="pill">{t(`ticket.priority.${r.priority}`)}</span>
                  <span className="pill">{t(`ticket.status.${r.status}`)}</span>
                </span>
                <span className="ticket__caller">
                  {r.callerName ?? r.callerPhone} · {t(`ticket.channel.${r.channel}`)}
                </span>
                <span className="ticket__notes">{r.notes}</span>
                <span className="muted">{t("helpline.createdAt", { when: dateTime(r.createdAt) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
