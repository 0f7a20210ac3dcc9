import { useCallback, useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { AddReportRecipientMutation, AddReportRecipientMutationVariables, RemoveReportRecipientMutation, RemoveReportRecipientMutationVariables, ReportRecipientsQuery } from "../../gql/types";
import { ADD_REPORT_RECIPIENT, REMOVE_REPORT_RECIPIENT, REPORT_RECIPIENTS } from "./indicatorQueries";

/** The state names who receives a place's monthly report by e-mail on the first of the
 *  month: the place on screen (the whole area, a unit or a facility). */
export function ReportRecipients({ unitId, facilityId, placeName }: { unitId: string; facilityId: string; placeName: string }) {
  const { t } = useI18n();
  const [list, setList] = useState<ReportRecipientsQuery["reportRecipients"] | null>(null);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  // A second tap while a removal is on its way would find the recipient gone already.
  const [removing, setRemoving] = useState<string | null>(null);
  const load = useCallback(() => {
    gql<ReportRecipientsQuery, Record<string, never>>(REPORT_RECIPIENTS, {}).then((d) => setList(d.reportRecipients), setError);
  }, []);
  useEffect(load, [load]);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const input = { email, unitId: facilityId ? null : unitId || null, facilityId: facilityId || null };
      const done = await run((key) => gql<AddReportRecipientMutation, AddReportRecipientMutationVariables>(ADD_REPORT_RECIPIENT, { input }, { idempotencyKey: key }));
      if (done) {
        setEmail("");
        load();
      }
    } catch (err) {
      setError(err);
    }
  }
  async function remove(id: string) {
    if (removing) return;
    setError(null);
    setRemoving(id);
    try {
      await gql<RemoveReportRecipientMutation, RemoveReportRecipientMutationVariables>(REMOVE_REPORT_RECIPIENT, { id });
      load();
    } catch (err) {
      setError(err);
    } finally {
      setRemoving(null);
    }
  }
  return (
    <section className="card no-print" aria-labelledby="recipients">
      <h2 id="recipients">{t("ind.recipients")}</h2>
      <p className="muted">{t("ind.recipientsHint")}</p>
      {list && list.length > 0 && (
        <ul>
          {list.map((r) => (
            <li key={r.id}>
              {r.email} — {r.place || t("ind.everything")}{" "}
              <button type="button" className="link" onClick={() => remove(r.id)} disabled={removing !== null}>
                {t("ind.removeRecipient", { email: r.email })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-busy={busy}>
        <fieldset className="plain" disabled={busy}>
          <TextField label={t("ind.recipientEmail", { place: placeName || t("ind.everything") })} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <ErrorText error={error} also={["email"]} />
          <button type="submit">{busy ? t("common.saving") : t("ind.addRecipient")}</button>
        </fieldset>
      </form>
    </section>
  );
}
