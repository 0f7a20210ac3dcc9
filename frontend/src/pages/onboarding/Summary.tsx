// An application as the reviewer reads it: every step's answers and the documents,
// each document opened through a short-lived download link.
import { useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { ApplicationFullFragment, DocumentDownloadQuery, DocumentDownloadQueryVariables } from "../../gql/types";
import { BED_KINDS } from "./steps";
import { DOWNLOAD } from "./queries";

function Row({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
    </>
  );
}

export function Summary({ app, placeName }: { app: ApplicationFullFragment; placeName: (id: string) => string }) {
  const { t, number } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const f = app.facility;

  async function open(documentId: string) {
    setError(null);
    try {
      const d = await gql<DocumentDownloadQuery, DocumentDownloadQueryVariables>(DOWNLOAD, { documentId });
      const req = d.documentDownload;
      const res = await fetch(req.url, { method: req.method, headers: Object.fromEntries(req.headers.map((h) => [h.name, h.value])) });
      if (!res.ok) throw new Error(`storage answered ${res.status}`);
      window.open(URL.createObjectURL(await res.blob()), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("apply.summary")}</h2>
      <h3>{t("apply.step.facility")}</h3>
      <dl className="facts">
        <Row label={t("apply.facilityName")} value={f?.name} />
        <Row label={t("apply.facilityType")} value={f?.type ? t(`facilityType.${f.type}` as MessageKey) : null} />
        <Row label={t("apply.ownershipSubtype")} value={f?.ownershipSubtype} />
        <Row label={t("apply.place")} value={f ? placeName(f.unitId) : null} />
        <Row label={t("apply.address")} value={[f?.address, f?.pincode].filter(Boolean).join(", ")} />
        <Row label={t("apply.phone")} value={f?.phone} />
        <Row label={t("apply.email")} value={f?.email} />
        <Row label={t("apply.systems")} value={f?.systemsOfMedicine.map((s) => t(`system.${s}` as MessageKey)).join(", ")} />
        <Row label={t("apply.services")} value={f?.services.map((s) => t(`service.${s}` as MessageKey)).join(", ")} />
        <Row label={t("apply.opdHours")} value={f ? (f.open24x7 ? t("apply.open24x7") : f.opdHours) : null} />
      </dl>
      <h3>{t("apply.step.capacity")}</h3>
      <dl className="facts">
        {BED_KINDS.map((k) => (
          <Row key={k} label={t(`beds.${k}`)} value={app.capacity ? number(app.capacity[k]) : null} />
        ))}
      </dl>
      <h3>{t("apply.step.licences")}</h3>
      <dl className="facts">
        <Row label={t("licence.clinicalEstablishmentNumber")} value={app.licences?.clinicalEstablishmentNumber} />
        <Row label={t("licence.fireNocNumber")} value={app.licences?.fireNocNumber} />
        <Row label={t("licence.biomedicalWasteAuthorisationNumber")} value={app.licences?.biomedicalWasteAuthorisationNumber} />
        <Row label={t("licence.pollutionConsentNumber")} value={app.licences?.pollutionConsentNumber} />
        <Row label={t("licence.pan")} value={app.licences?.pan} />
        <Row label={t("licence.gstin")} value={app.licences?.gstin} />
      </dl>
      <h3>{t("apply.step.owner")}</h3>
      <dl className="facts">
        <Row label={t("owner.name")} value={app.owner?.name} />
        <Row label={t("owner.designation")} value={app.owner?.designation} />
        <Row label={t("owner.council")} value={app.owner?.council} />
        <Row label={t("owner.registrationNumber")} value={app.owner?.registrationNumber} />
      </dl>
      <h3>{t("apply.step.documents")}</h3>
      <ErrorText error={error} />
      <ul>
        {app.documents.map((d) => (
          <li key={d.id}>
            {t(`docPurpose.${d.purpose}` as MessageKey)}: {d.fileName} · {t(`docStatus.${d.status}` as MessageKey)}{" "}
            {d.status === "AVAILABLE" && (
              <button type="button" className="link" onClick={() => void open(d.id)}>
                {t("docs.open", { file: d.fileName })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
