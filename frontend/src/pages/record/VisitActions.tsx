import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextArea } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { AddEntryMutation, AddEntryMutationVariables, EncounterOutcome, FinishVisitMutation, FinishVisitMutationVariables, NoteCategory } from "../../gql/types";
import { ADD_ENTRY, FINISH_VISIT } from "./queries";

export const OUTCOMES: EncounterOutcome[] = ["SENT_HOME", "FOLLOW_UP", "REFERRED", "ADMITTED", "LEFT_AGAINST_ADVICE", "DIED"];
const CATEGORIES: NoteCategory[] = ["PROGRESS", "NURSING", "CONSULTATION", "PROCEDURE", "COUNSELLING", "OTHER"];

/** A clinical note in the visit (progress, nursing, consultation…). */
export function NoteForm({ encounterId, nurse, onSaved }: { encounterId: string; nurse: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<NoteCategory>(nurse ? "NURSING" : "PROGRESS");
  const [text, setText] = useState("");
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const d = await run((key) => gql<AddEntryMutation, AddEntryMutationVariables>(ADD_ENTRY, { encounterId, entry: { note: { category, text } } }, { idempotencyKey: key }));
      if (!d) return;
      setText("");
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="note-title" aria-busy={busy}>
      <h2 id="note-title">{t("note.title")}</h2>
      <fieldset className="plain" disabled={busy}>
        <SelectField label={t("note.category")} value={category} onChange={(e) => setCategory(e.target.value as NoteCategory)} options={CATEGORIES.map((c) => ({ value: c, label: t(`noteCategory.${c}`) }))} />
        <TextArea label={t("note.text")} rows={4} value={text} onChange={(e) => setText(e.target.value)} error={fieldError(error, "text")} />
        <ErrorText error={error} />
        {saved && <p role="status">{t("record.saved")}</p>}
        <button type="submit">{busy ? t("common.saving") : t("note.save")}</button>
      </fieldset>
    </form>
  );
}

/** Finish the visit in progress, saying how it ended; asked to confirm. */
export function FinishVisit({ id, version, onFinished }: { id: string; version: number; onFinished: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<EncounterOutcome>("SENT_HOME");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function finish() {
    setError(null);
    try {
      const d = await run((key) => gql<FinishVisitMutation, FinishVisitMutationVariables>(FINISH_VISIT, { id, version, outcome }, { idempotencyKey: key }));
      if (d) onFinished();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card" aria-labelledby="finish-title">
      <h2 id="finish-title">{t("visit.finish")}</h2>
      <SelectField label={t("visit.outcome")} value={outcome} onChange={(e) => setOutcome(e.target.value as EncounterOutcome)} options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} disabled={busy} />
      <ErrorText error={error} />
      {confirming ? (
        <div className="warning" role="alertdialog" aria-labelledby="finish-confirm">
          <p id="finish-confirm">{t("visit.confirm", { outcome: t(`outcome.${outcome}`) })}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void finish()}>
              {t("visit.finishNow")}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("visit.finish")}
        </button>
      )}
    </section>
  );
}
