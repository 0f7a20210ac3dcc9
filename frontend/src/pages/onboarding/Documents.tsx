// The documents step: each required document, what has been uploaded for it, and an
// upload straight to storage with a progress bar.
import { useRef, useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  ApplicationFullFragment,
  ConfirmUploadMutation,
  ConfirmUploadMutationVariables,
  DeleteDocumentMutationVariables,
  DocumentPurpose,
  RequestUploadMutation,
  RequestUploadMutationVariables,
} from "../../gql/types";
import { CONFIRM_UPLOAD, DELETE_DOCUMENT, REQUEST_UPLOAD } from "./queries";
import { putFile, sha256Hex, UploadError } from "./upload";

const ACCEPT = "application/pdf,image/jpeg,image/png";

function Upload({ app, purpose, onChanged }: { app: ApplicationFullFragment; purpose: DocumentPurpose; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const label = t(`docPurpose.${purpose}` as MessageKey);

  async function upload(file: File) {
    setError(null);
    setNotice("");
    setProgress(0);
    try {
      const slot = await gql<RequestUploadMutation, RequestUploadMutationVariables>(REQUEST_UPLOAD, {
        input: { purpose, fileName: file.name, contentType: file.type || "application/octet-stream", sizeBytes: file.size, applicationId: app.id },
      });
      const [digest] = await Promise.all([sha256Hex(file), putFile(file, slot.requestUpload.upload, setProgress)]);
      const d = await gql<ConfirmUploadMutation, ConfirmUploadMutationVariables>(CONFIRM_UPLOAD, { documentId: slot.requestUpload.document.id, sha256: digest });
      setNotice(d.confirmUpload.status === "AVAILABLE" ? t("docs.uploaded", { file: file.name }) : t("docs.refused", { file: file.name, reason: d.confirmUpload.rejectReason ?? "" }));
      await onChanged();
    } catch (err) {
      setError(err instanceof UploadError ? new Error(t(`docs.upload.${err.kind}`, { status: err.status ? ` (${err.status})` : "" })) : err);
    } finally {
      setProgress(null);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="upload">
      <label className="button secondary">
        {t("docs.choose", { document: label })}
        <input ref={input} type="file" accept={ACCEPT} className="visually-hidden" disabled={progress !== null} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </label>
      {progress !== null && (
        <progress max={1} value={progress} aria-label={t("docs.progress", { document: label })}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error} />
    </div>
  );
}

export function DocumentsStep({ app, editable, onChanged }: { app: ApplicationFullFragment; editable: boolean; onChanged: () => Promise<void> }) {
  const { t, number } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const purposes: DocumentPurpose[] = [...app.requiredDocuments.map((r) => r.purpose), "OTHER_LICENCE"];
  const unique = [...new Set(purposes)];

  async function remove(id: string, version: number) {
    setError(null);
    try {
      await gql<unknown, DeleteDocumentMutationVariables>(DELETE_DOCUMENT, { documentId: id, v: version });
      await onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="docs-title">
      <h2 id="docs-title">{t("apply.step.documents")}</h2>
      <p className="muted">{t("docs.intro")}</p>
      <ErrorText error={error} />
      <ul className="plain">
        {unique.map((purpose) => {
          const required = app.requiredDocuments.find((r) => r.purpose === purpose);
          const docs = app.documents.filter((d) => d.purpose === purpose);
          return (
            <li key={purpose} className="doc" aria-label={t(`docPurpose.${purpose}` as MessageKey)}>
              <h3>
                {t(`docPurpose.${purpose}` as MessageKey)}{" "}
                {required && <span className={`pill${required.satisfied ? " pill--ok" : ""}`}>{t(required.satisfied ? "docs.satisfied" : "docs.required")}</span>}
              </h3>
              <ul>
                {docs.map((d) => (
                  <li key={d.id}>
                    {d.fileName} · {t("docs.size", { kb: number(Math.max(1, Math.round(d.sizeBytes / 1024))) })} · {t(`docStatus.${d.status}` as MessageKey)}
                    {d.rejectReason && <> · {d.rejectReason}</>}
                    {editable && (
                      <button type="button" className="link" onClick={() => void remove(d.id, d.version)}>
                        {t("docs.remove", { file: d.fileName })}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {editable && <Upload app={app} purpose={purpose} onChanged={onChanged} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
