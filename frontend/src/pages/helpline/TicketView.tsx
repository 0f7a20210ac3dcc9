import { useCallback, useEffect, useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextArea } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { TicketDetailQuery, TicketDetailQueryVariables } from "../../gql/types";
import { BookAppointment } from "./BookAppointment";
import { CLOSE, ESCALATE, NOTE, REOPEN, RESOLVE, TAKE, TICKET } from "./queries";

const ACTIONS: Record<string, { mutation: string; label: MessageKey; withNote: boolean }> = {
  take: { mutation: TAKE, label: "helpline.take", withNote: false },
  escalate: { mutation: ESCALATE, label: "helpline.escalate", withNote: true },
  resolve: { mutation: RESOLVE, label: "helpline.resolve", withNote: true },
  close: { mutation: CLOSE, label: "helpline.close", withNote: false },
  reopen: { mutation: REOPEN, label: "helpline.reopen", withNote: true },
};

/** One ticket: its state, SLA, timeline, and what may be done now. */
export function TicketView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const [ticket, setTicket] = useState<TicketDetailQuery["ticket"] | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    gql<TicketDetailQuery, TicketDetailQueryVariables>(TICKET, { id }).then((d) => setTicket(d.ticket), setError);
  }, [id]);
  useEffect(() => load(), [load]);

  async function run(action: string) {
    const a = ACTIONS[action];
    if (!a || !ticket) return;
    setBusy(true);
    setError(null);
    try {
      const vars: Record<string, unknown> = { id, v: ticket.version };
      if (a.withNote && note.trim()) vars.note = note.trim();
      await gql(a.mutation, vars);
      setNote("");
      load();
      onChanged();
    } catch (err) {
      setError(err);
      load(); // a CONFLICT means someone else moved it: show the fresh state
    } finally {
      setBusy(false);
    }
  }

  async function addNote() {
    if (!note.trim()) return;
    try {
      await gql(NOTE, { id, text: note.trim() });
      setNote("");
      load();
    } catch (err) {
      setError(err);
    }
  }

  if (!ticket) return error ? <ErrorText error={error} /> : <p aria-busy="true">{t("common.loading")}</p>;
  return (
    <article className="card ticketview" aria-labelledby="ticket-title" data-testid="ticket-view">
      <h2 id="ticket-title">
        {t("helpline.ticket")} · {t(`ticket.category.${ticket.category}`)}
      </h2>
      <p>
        <span className="pill">{t(`ticket.status.${ticket.status}`)}</span> <span className="pill">{t(`ticket.priority.${ticket.priority}`)}</span>{" "}
        {(ticket.sla.resolutionBreached || ticket.sla.firstResponseBreached) && <span className="pill pill--alert">{t("helpline.breached")}</span>}
      </p>
      <p>
        {ticket.callerName ?? ""} {ticket.callerPhone}
      </p>
      <p className="ticket__notes">{ticket.notes}</p>
      <p className="muted">{t("helpline.slaDue", { when: dateTime(ticket.sla.resolutionDue) })}</p>
      <TextArea label={t("helpline.note")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        {ticket.allowedActions
          .filter((a) => a in ACTIONS)
          .map((a) => (
            <button key={a} type="button" disabled={busy} onClick={() => void run(a)}>
              {t(ACTIONS[a].label)}
            </button>
          ))}
        <button type="button" className="secondary" disabled={busy || !note.trim()} onClick={() => void addNote()}>
          {t("helpline.addNote")}
        </button>
      </div>
      <ErrorText error={error} />
      {ticket.status === "IN_PROGRESS" && <BookAppointment ticketId={ticket.id} patientId={ticket.patientId} onBooked={load} />}
      <h3>{t("helpline.timeline")}</h3>
      <ol className="timeline">
        {ticket.timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{t(`ticketEvent.${e.action}` as MessageKey)}</strong> {e.toStatus && `→ ${t(`ticket.status.${e.toStatus.toUpperCase()}` as MessageKey)}`}
            {e.note && <div className="muted">{e.note}</div>}
          </li>
        ))}
      </ol>
    </article>
  );
}
