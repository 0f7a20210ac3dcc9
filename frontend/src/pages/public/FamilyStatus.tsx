import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  FamilyLookupInput,
  FamilyStatusMutation,
  FamilyStatusMutationVariables,
  PublicBedsQuery,
  PublicBedsQueryVariables,
  PublicDistrictsQuery,
  PublicDistrictsQueryVariables,
  RequestFamilyCodeMutation,
  RequestFamilyCodeMutationVariables,
} from "../../gql/types";
import { DISTRICTS, FAMILY_STATUS, FREE_BEDS, REQUEST_CODE } from "./queries";

type Status = FamilyStatusMutation["familyStatus"];

/**
 * The family's page, without signing in: name the patient, receive a code on the
 * attendant's phone the ward registered, see where the patient is and how ill, once.
 */
export default function FamilyStatus() {
  const { t, dateTime } = useI18n();
  const { busy, run } = useSubmit();
  const [tenant, setTenant] = useState("WB");
  const [byName, setByName] = useState(false);
  const [healthId, setHealthId] = useState("");
  const [name, setName] = useState("");
  const [districts, setDistricts] = useState<PublicDistrictsQuery["publicDistricts"]>([]);
  const [hospitals, setHospitals] = useState<{ facilityId: string; name: string }[]>([]);
  const [hospital, setHospital] = useState("");
  const [requestId, setRequestId] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Hospitals to choose from: those of a district with wards, as the public bed page lists them.
  const loadHospitals = async (districtId: string) => {
    setHospitals([]);
    setHospital("");
    if (!districtId) return;
    try {
      const d = await gql<PublicBedsQuery, PublicBedsQueryVariables>(FREE_BEDS, { tenantCode: tenant.trim().toUpperCase(), districtId });
      setHospitals(d.publicBedAvailability.facilities);
      setHospital(d.publicBedAvailability.facilities[0]?.facilityId ?? "");
    } catch (err) {
      setError(err);
    }
  };
  const loadDistricts = async () => {
    setError(null);
    try {
      const d = await gql<PublicDistrictsQuery, PublicDistrictsQueryVariables>(DISTRICTS, { tenantCode: tenant.trim().toUpperCase() });
      setDistricts(d.publicDistricts);
      await loadHospitals(d.publicDistricts[0]?.id ?? "");
    } catch (err) {
      setError(err);
    }
  };
  const chooseByName = (yes: boolean) => {
    setByName(yes);
    if (yes && districts.length === 0) void loadDistricts();
  };

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lookup: FamilyLookupInput = byName ? { nameAtHospital: { name: name.trim(), facilityId: hospital } } : { healthId: healthId.trim() };
    try {
      const r = await run(() => gql<RequestFamilyCodeMutation, RequestFamilyCodeMutationVariables>(REQUEST_CODE, { tenantCode: tenant.trim().toUpperCase(), lookup }));
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
          <TextField label={t("family.tenant")} value={tenant} onChange={(e) => setTenant(e.target.value)} onBlur={() => byName && void loadDistricts()} />
          <fieldset className="plain choice">
            <label>
              <input type="radio" name="lookup" checked={!byName} onChange={() => chooseByName(false)} /> {t("family.byHealthId")}
            </label>
            <label>
              <input type="radio" name="lookup" checked={byName} onChange={() => chooseByName(true)} /> {t("family.byName")}
            </label>
          </fieldset>
          {byName ? (
            <>
              <TextField label={t("family.orName")} required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
              {districts.length > 0 && <SelectField label={t("beds.district")} onChange={(e) => void loadHospitals(e.target.value)} options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
              <SelectField label={t("family.hospital")} required value={hospital} onChange={(e) => setHospital(e.target.value)} options={hospitals.map((h) => ({ value: h.facilityId, label: h.name }))} />
            </>
          ) : (
            <TextField label={t("family.healthId")} required value={healthId} onChange={(e) => setHealthId(e.target.value)} />
          )}
          <ErrorText error={error} />
          <button type="submit" disabled={busy || (byName && !hospital)}>
            {t("family.send")}
          </button>
        </form>
      )}
    </main>
  );
}
