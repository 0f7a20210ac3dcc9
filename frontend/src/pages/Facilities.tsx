import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
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
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (after: string | null) => {
      setError(null);
      const filter = { search: search.trim() || null, types: type ? [type as FacilityType] : [], status: (status || null) as OperationalStatus | null };
      gql<FacilitiesQuery, FacilitiesQueryVariables>(FACILITIES, { filter, after }).then((d) => {
        setRows((old) => (after ? [...(old ?? []), ...d.facilities.nodes] : d.facilities.nodes));
        setNext(d.facilities.pageInfo.hasNextPage ? (d.facilities.pageInfo.endCursor ?? null) : null);
      }, setError);
    },
    [search, type, status],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(null), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRows(null);
    load(null);
  };

  return (
    <section>
      <h1>{t("facilities.title")}</h1>
      <form className="inline card" role="search" onSubmit={submit}>
        <TextField label={t("facilities.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label={t("apply.facilityType")} value={type} onChange={(e) => setType(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...FACILITY_TYPES.map((v) => ({ value: v, label: t(`facilityType.${v}` as MessageKey) }))]} />
        <SelectField label={t("facilities.status")} value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...OPERATIONAL.map((v) => ({ value: v, label: t(`opStatus.${v}` as MessageKey) }))]} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t("facilities.none")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("apply.facilityName")}</th>
                <th scope="col">{t("apply.facilityType")}</th>
                <th scope="col">{t("facilities.district")}</th>
                <th scope="col">{t("facilities.status")}</th>
                <th scope="col">{t("facilities.beds")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/registry/facilities/${f.id}`}>{f.name}</Link>
                  </td>
                  <td>{t(`facilityType.${f.type}` as MessageKey)}</td>
                  <td>{f.district?.name ?? f.unit?.name ?? "—"}</td>
                  <td>{t(`opStatus.${f.operationalStatus}` as MessageKey)}</td>
                  <td>{number(f.totalBeds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => load(next)}>
          {t("facilities.more")}
        </button>
      )}
    </section>
  );
}
