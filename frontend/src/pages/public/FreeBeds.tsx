import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { PublicBedsQuery, PublicBedsQueryVariables, PublicDistrictsQuery, PublicDistrictsQueryVariables } from "../../gql/types";
import { DISTRICTS, FREE_BEDS } from "./queries";

/** Free beds by type at each hospital of a district, for anyone, without signing in. */
export default function FreeBeds() {
  const { t, dateTime } = useI18n();
  const [tenant, setTenant] = useState("WB");
  const [districts, setDistricts] = useState<PublicDistrictsQuery["publicDistricts"]>([]);
  const [district, setDistrict] = useState("");
  const [beds, setBeds] = useState<PublicBedsQuery["publicBedAvailability"] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadDistricts = async () => {
    setError(null);
    try {
      const d = await gql<PublicDistrictsQuery, PublicDistrictsQueryVariables>(DISTRICTS, { tenantCode: tenant.trim().toUpperCase() });
      setDistricts(d.publicDistricts);
      setDistrict(d.publicDistricts[0]?.id ?? "");
    } catch (e) {
      setError(e);
    }
  };
  const load = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const d = await gql<PublicBedsQuery, PublicBedsQueryVariables>(FREE_BEDS, { tenantCode: tenant.trim().toUpperCase(), districtId: district });
      setBeds(d.publicBedAvailability);
    } catch (err) {
      setError(err);
    }
  };
  const types = Array.from(new Set(beds?.facilities.flatMap((f) => f.free.map((x) => x.bedType)) ?? []));

  return (
    <main className="public">
      <LanguageSwitch />
      <h1>{t("beds.title")}</h1>
      <form onSubmit={load}>
        <TextField label={t("beds.tenant")} value={tenant} onChange={(e) => setTenant(e.target.value)} onBlur={loadDistricts} />
        {districts.length > 0 && <SelectField label={t("beds.district")} value={district} onChange={(e) => setDistrict(e.target.value)} options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
        <ErrorText error={error} />
        <button type="submit" disabled={!district}>
          {t("beds.load")}
        </button>
      </form>
      {beds && (
        <section>
          <h2>{beds.district}</h2>
          <p>{t("beds.asOf", { when: dateTime(beds.asOf) })}</p>
          {beds.facilities.length === 0 ? (
            <p>{t("beds.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t("beds.facility")}</th>
                    {types.map((ty) => (
                      <th key={ty}>{t(`bedType.${ty}` as MessageKey)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {beds.facilities.map((f) => (
                    <tr key={f.facilityId}>
                      <td>{f.name}</td>
                      {types.map((ty) => (
                        <td key={ty}>{f.free.find((x) => x.bedType === ty)?.free ?? "—"}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
