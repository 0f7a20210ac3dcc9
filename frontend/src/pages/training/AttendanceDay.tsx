import { useEffect, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import { sendOrQueue } from "../../offline/send";
import { useOutboxItems } from "../../offline/useOutbox";
import type { AttendanceMark, MarkTrainingAttendanceMutation, MarkTrainingAttendanceMutationVariables, TrainingRegisterFieldsFragment } from "../../gql/types";
import { MARK } from "./queries";

type Reg = TrainingRegisterFieldsFragment;
type Sent = { professionalId: string; mark: AttendanceMark; basedOnVersion: number };

/**
 * Marks on this phone not yet taken by the server, for one session and day. A mark
 * made after them names the version they will write, so that the trainer's own
 * queued marks are never taken for someone else's.
 */
export function usePending(session: string, day: string): Map<string, { mark: AttendanceMark; basedOn: number }> {
  const items = useOutboxItems();
  const pending = new Map<string, { mark: AttendanceMark; basedOn: number }>();
  for (const item of items ?? []) {
    // Refused items (needing attention) are not on their way: the register shows the
    // server's marks for the trainer to look at again.
    if (item.kind !== "attendance" || (item.state !== "waiting" && item.state !== "sending")) continue;
    const input = (item.variables as MarkTrainingAttendanceMutationVariables).input;
    if (input.sessionId !== session || input.day !== day) continue;
    for (const m of input.marks as Sent[]) pending.set(m.professionalId, { mark: m.mark, basedOn: m.basedOnVersion });
  }
  return pending;
}

/** The trainer marks one day: present or absent for each nominee, saved with or without a network. */
export function AttendanceDay({ reg, day, onSaved }: { reg: Reg; day: string; onSaved: (r: Reg) => void }) {
  const { t, date } = useI18n();
  const { busy, run } = useSubmit();
  const [draft, setDraft] = useState<Map<string, AttendanceMark>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const pending = usePending(reg.session.id, day);
  useEffect(() => {
    setDraft(new Map());
    setDone(null);
  }, [day]);

  const lines = reg.lines.map((l) => {
    const cell = l.cells.find((c) => c.day === day);
    const waiting = pending.get(l.professionalId);
    const saved = waiting?.mark ?? cell?.mark ?? null;
    return { l, saved, basedOn: waiting ? waiting.basedOn + 1 : (cell?.version ?? 0), waiting: !!waiting, shown: draft.get(l.professionalId) ?? saved };
  });
  const changes = lines.filter((x) => x.shown && x.shown !== x.saved);
  const present = lines.filter((x) => x.shown === "PRESENT").length;
  const choose = (id: string, m: AttendanceMark) => setDraft(new Map(draft).set(id, m));
  const allPresent = () => {
    const next = new Map(draft);
    for (const x of lines) if (!x.shown) next.set(x.l.professionalId, "PRESENT");
    setDraft(next);
  };

  async function save() {
    setError(null);
    setDone(null);
    const marks: Sent[] = changes.map((x) => ({ professionalId: x.l.professionalId, mark: x.shown as AttendanceMark, basedOnVersion: x.basedOn }));
    if (marks.length === 0) return;
    try {
      const variables: MarkTrainingAttendanceMutationVariables = { input: { sessionId: reg.session.id, day, markedAt: new Date().toISOString(), marks } };
      const summary = `${reg.session.title} · ${date(day)}`;
      const r = await run((key) => sendOrQueue<MarkTrainingAttendanceMutation>({ kind: "attendance", summary, query: MARK, variables, idempotencyKey: key, ref: `training:${reg.session.id}` }));
      if (!r) return;
      setDraft(new Map());
      if ("queued" in r) setDone(t("outbox.queued"));
      else {
        onSaved(r.sent.markTrainingAttendance);
        setDone(t("training.saved", { n: marks.length }));
      }
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="card">
      <h2>{t("training.markDay", { day: date(day) })}</h2>
      <p>{t("training.presentOf", { n: present, of: lines.length })}</p>
      <fieldset className="plain" disabled={busy}>
        <ul className="plain attendance">
          {lines.map((x) => (
            <li key={x.l.professionalId}>
              <span>
                <strong>{x.l.name}</strong>
                {x.l.posting && <small className="muted"> · {x.l.posting}</small>}
                {x.waiting && <small className="pill"> {t("training.waiting")}</small>}
              </span>
              <span className="actions" role="group" aria-label={x.l.name}>
                <button type="button" className={x.shown === "PRESENT" ? "" : "secondary"} aria-pressed={x.shown === "PRESENT"} onClick={() => choose(x.l.professionalId, "PRESENT")}>
                  {t("training.present")}
                </button>
                <button type="button" className={x.shown === "ABSENT" ? "" : "secondary"} aria-pressed={x.shown === "ABSENT"} onClick={() => choose(x.l.professionalId, "ABSENT")}>
                  {t("training.absent")}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <ErrorText error={error} also={["day", "markedAt", "marks"]} />
        <div className="actions">
          <button type="button" className="secondary" onClick={allPresent}>
            {t("training.allPresent")}
          </button>
          <button type="button" className="button--big" disabled={changes.length === 0} onClick={() => void save()}>
            {busy ? t("common.saving") : t("training.save", { n: changes.length })}
          </button>
        </div>
      </fieldset>
      {done && <p role="status">{done}</p>}
    </div>
  );
}
