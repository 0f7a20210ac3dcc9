// The reviewer's decision on a submitted application: approve, reject with a reason,
// or send it back with comments on fields and documents.
import { useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextArea } from "../../components/Field";
import { Confirm } from "../../components/Confirm";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  ApplicationFullFragment,
  ApproveApplicationMutation,
  ApproveApplicationMutationVariables,
  RejectApplicationMutation,
  RejectApplicationMutationVariables,
  RequestChangesMutation,
  RequestChangesMutationVariables,
} from "../../gql/types";
import { APPROVE, REJECT, REQUEST_CHANGES } from "./queries";

const FIELD_LABELS: [string, MessageKey][] = [
  ["facility.name", "apply.facilityName"],
  ["facility.address", "apply.address"],
  ["facility.unitId", "apply.place"],
  ["capacity.general", "beds.general"],
  ["licences.clinicalEstablishmentNumber", "licence.clinicalEstablishmentNumber"],
  ["licences.fireNocNumber", "licence.fireNocNumber"],
  ["owner.registrationNumber", "owner.registrationNumber"],
];

/** A comment's target in words: a document kind, a known field, or the path as written. */
export function targetLabel(target: string, t: (k: MessageKey) => string): string {
  if (target.startsWith("document:")) return t(`docPurpose.${target.slice("document:".length).toUpperCase()}` as MessageKey);
  const known = FIELD_LABELS.find(([path]) => path === target);
  return known ? t(known[1]) : target;
}

/** What a comment can point at: each step's fields, and each document kind. */
function targets(app: ApplicationFullFragment, t: (k: MessageKey) => string): { value: string; label: string }[] {
  const docs = [...new Set(app.documents.map((d) => d.purpose).concat(app.requiredDocuments.map((r) => r.purpose)))];
  return [
    { value: "", label: t("review.wholeApplication") },
    ...FIELD_LABELS.map(([value, key]) => ({ value, label: t(key) })),
    ...docs.map((p) => ({ value: `document:${p.toLowerCase()}`, label: t(`docPurpose.${p}` as MessageKey) })),
  ];
}

export function Review({ app, onDecided }: { app: ApplicationFullFragment; onDecided: (a: ApplicationFullFragment) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [target, setTarget] = useState("");
  const [comment, setComment] = useState("");
  const [comments, setComments] = useState<{ target: string; text: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const can = (a: string) => app.allowedActions.includes(a);
  const options = targets(app, t);

  async function run(action: () => Promise<ApplicationFullFragment>) {
    setBusy(true);
    setError(null);
    try {
      onDecided(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const withPending = () => (comment.trim() && target ? [...comments, { target, text: comment.trim() }] : comments);
  const requestChanges = () =>
    run(async () => {
      const d = await gql<RequestChangesMutation, RequestChangesMutationVariables>(REQUEST_CHANGES, {
        input: { applicationId: app.id, expectedVersion: app.version, note: note.trim() || null, comments: withPending() },
      });
      return d.requestApplicationChanges;
    });
  const approve = () =>
    run(async () => (await gql<ApproveApplicationMutation, ApproveApplicationMutationVariables>(APPROVE, { id: app.id, v: app.version, note: note.trim() || null })).approveHospitalApplication);
  const reject = () =>
    run(async () => (await gql<RejectApplicationMutation, RejectApplicationMutationVariables>(REJECT, { id: app.id, v: app.version, reason: note })).rejectHospitalApplication);

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t("review.title")}</h2>
      <TextArea label={t("review.note")} hint={t("review.noteHint")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "reason") ?? fieldError(error, "note")} />
      <fieldset>
        <legend>{t("review.comments")}</legend>
        {comments.length > 0 && (
          <ul>
            {comments.map((c, i) => (
              <li key={i}>
                {targetLabel(c.target, t)}: {c.text}
              </li>
            ))}
          </ul>
        )}
        <SelectField label={t("review.target")} value={target} onChange={(e) => setTarget(e.target.value)} options={options} />
        <TextArea label={t("review.comment")} value={comment} onChange={(e) => setComment(e.target.value)} error={fieldError(error, "comments")} />
        <button
          type="button"
          className="secondary"
          disabled={!target || !comment.trim()}
          onClick={() => {
            setComments(withPending());
            setComment("");
          }}
        >
          {t("review.addComment")}
        </button>
      </fieldset>
      <ErrorText error={error} />
      <div className="actions">
        {can("approve") && (
          <Confirm label={t("review.approve")} disabled={busy} question={t("review.approveQuestion", { name: app.facility?.name ?? app.name ?? "" })} confirmLabel={t("review.approveNow")} onConfirm={() => approve()} />
        )}
        {can("request_changes") && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void requestChanges()}>
            {t("review.requestChanges")}
          </button>
        )}
        {can("reject") && (
          <button type="button" className="secondary danger" disabled={busy} onClick={() => void reject()}>
            {t("review.reject")}
          </button>
        )}
      </div>
    </section>
  );
}
