import { useAuth } from "../api/auth";
import { NewFacility } from "./registry/NewFacility";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { usePaged } from "../hooks/usePaged";
import { Link } from "react-router-dom";
import { gql } from "../api/client";
import { PagedTable } from "../components/PagedTable";
import { SelectField, TextField } from "../components/Field";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type { FacilitiesQuery, FacilitiesQueryVariables, FacilityType, OperationalStatus } from "../gql/types";
import { FACILITIES } from "./registry/queries";

export const FACILITY_TYPES: FacilityType[] = [
  "MEDICAL_COLLEGE_HOSPITAL", "DISTRICT_HOSPITAL", "SUB_DIVISIONAL_HOSPITAL", "STATE_GENERAL_HOSPITAL", "RURAL_HOSPITAL_CHC", "BLOCK_PHC",
  "PHC", "SUB_CENTRE_HWC", "PRIVATE_HOSPITAL", "NURSING_HOME", "DIAGNOSTIC_LABORATORY", "BLOOD_BANK",
];
export const OPERATIONAL: OperationalStatus[] = ["OPERATIONAL", "NON_OPERATIONAL", "CLOSED"];

type Row = FacilitiesQuery["facilities"]["nodes"][number];

/** The facility registry: search by words of the name, type and status; 25 a page. */
export default function Facilities() {
  const { t, number } = useI18n();
  const [search, setSearch] = useState("");
  const [type, setType] = useState("");
  const [status, setStatus] = useState("");
  const fetchPage = useCallback(
    async (after: string | null) => {
      const filter = { search: search.trim() || null, types: type ? [type as FacilityType] : [], status: (status || null) as OperationalStatus | null };
      return (await gql<FacilitiesQuery, FacilitiesQueryVariables>(FACILITIES, { filter, after })).facilities;
    },
    [search, type, status],
  );
  const { rows, next, error, load } = usePaged<Row>(fetchPage);
  // The first page once; a changed filter applies when searched (not on every keystroke).
  const { has } = useAuth();
  const [added, setAdded] = useState("");
  useEffect(() => load(null), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    load(null);
  };

  return (
    <section>
      <h1>{t("facilities.title")}</h1>
      {added && <p role="status">{t("facilities.added", { name: added })}</p>}
      {has("STATE_ADMIN", "DISTRICT_ADMIN") && (
        <NewFacility
          onCreated={(name) => {
            setAdded(name);
            load(null);
          }}
        />
      )}
      <form className="inline card" role="search" onSubmit={submit}>
        <TextField label={t("facilities.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label={t("apply.facilityType")} value={type} onChange={(e) => setType(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...FACILITY_TYPES.map((v) => ({ value: v, label: t(`facilityType.${v}` as MessageKey) }))]} />
        <SelectField label={t("facilities.status")} value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...OPERATIONAL.map((v) => ({ value: v, label: t(`opStatus.${v}` as MessageKey) }))]} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <PagedTable
        rows={rows}
        error={error}
        next={next}
        onMore={load}
        empty={t("facilities.none")}
        head={[t("apply.facilityName"), t("apply.facilityType"), t("facilities.district"), t("facilities.status"), t("facilities.beds")]}
        row={(f) => (
          <tr key={f.id}>
            <td>
              <Link to={`/registry/facilities/${f.id}`}>{f.name}</Link>
            </td>
            <td>{t(`facilityType.${f.type}` as MessageKey)}</td>
            <td>{f.district?.name ?? f.unit?.name ?? "—"}</td>
            <td>{t(`opStatus.${f.operationalStatus}` as MessageKey)}</td>
            <td>{number(f.totalBeds)}</td>
          </tr>
        )}
      />
    </section>
  );
}
