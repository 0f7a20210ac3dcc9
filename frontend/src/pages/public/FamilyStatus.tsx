import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { FamilyStatusMutation, FamilyStatusMutationVariables, RequestFamilyCodeMutation, RequestFamilyCodeMutationVariables } from "../../gql/types";
import { FAMILY_STATUS, REQUEST_CODE } from "./queries";

type Status = FamilyStatusMutation["familyStatus"];

/**
 * The family's page, without signing in: name the patient, receive a code on the
 * attendant's phone the ward registered, see where the patient is and how ill, once.
 */
export default function FamilyStatus() {
  const { t, dateTime } = useI18n();
  const { busy, run } = useSubmit();
  const [tenant, setTenant] = useState("WB");
  const [healthId, setHealthId] = useState("");
  const [requestId, setRequestId] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await run(() => gql<RequestFamilyCodeMutation, RequestFamilyCodeMutationVariables>(REQUEST_CODE, { tenantCode: tenant.trim().toUpperCase(), lookup: { healthId: healthId.trim() } }));
      if (r) setRequestId(r.requestFamilyCode.requestId);
    } catch (err) {
      setError(err);
    }
  };
  const show = async (e: FormEvent) => {
    e.preventDefault();
    if (!requestId) return;
    setError(null);
    try {
      const r = await run(() => gql<FamilyStatusMutation, FamilyStatusMutationVariables>(FAMILY_STATUS, { tenantCode: tenant.trim().toUpperCase(), requestId, code: code.trim() }));
      if (r) setStatus(r.familyStatus);
    } catch (err) {
      setError(err);
    }
  };
  const again = () => {
    setStatus(null);
    setRequestId(null);
    setCode("");
  };

  return (
    <main className="public">
      <LanguageSwitch />
      <h1>{t("family.title")}</h1>
      {status ? (
        <section aria-live="polite" className="panel">
          <p>
            <strong>{t("family.hospitalWard", { hospital: status.hospital, ward: status.ward })}</strong>
          </p>
          {status.discharged ? (
            <p>{t("family.discharged", { outcome: status.outcome ? t(`outcome.${status.outcome}` as MessageKey) : "—" })}</p>
          ) : (
            <>
              {status.category && (
                <p className={`status status--${status.category.toLowerCase()}`}>
                  {t(`category.${status.category}` as MessageKey)}: {t(`categoryHint.${status.category}` as MessageKey)}
                </p>
              )}
              {status.lifeSupport && <p>{t(`support.${status.lifeSupport}` as MessageKey)}</p>}
            </>
          )}
          <p>{t("family.updated", { when: dateTime(status.updatedAt) })}</p>
          {status.wardPhone && <p>{t("family.wardPhone", { phone: status.wardPhone })}</p>}
          <button type="button" onClick={again}>
            {t("family.again")}
          </button>
        </section>
      ) : requestId ? (
        <form onSubmit={show}>
          <p role="status">{t("family.sent")}</p>
          <TextField label={t("family.code")} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={fieldError(error, "code")} />
          <ErrorText error={error} />
          <button type="submit" disabled={busy}>
            {t("family.show")}
          </button>
        </form>
      ) : (
        <form onSubmit={ask}>
          <p>{t("family.intro")}</p>
          <TextField label={t("family.tenant")} value={tenant} onChange={(e) => setTenant(e.target.value)} />
          <TextField label={t("family.healthId")} required value={healthId} onChange={(e) => setHealthId(e.target.value)} />
          <ErrorText error={error} />
          <button type="submit" disabled={busy}>
            {t("family.send")}
          </button>
        </form>
      )}
    </main>
  );
}
