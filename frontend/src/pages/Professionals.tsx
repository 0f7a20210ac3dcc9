import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type { ProfessionalKind, ProfessionalsQuery, ProfessionalsQueryVariables, VerificationStatus } from "../gql/types";

const PROFESSIONALS = /* GraphQL */ `
  query Professionals($filter: ProfessionalFilter, $after: String) {
    professionals(filter: $filter, first: 25, after: $after) {
      nodes {
        id
        name
        kind
        verificationStatus
        registrations {
          council
          number
        }
        postings {
          designation
          facility {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const KINDS: ProfessionalKind[] = ["DOCTOR", "NURSE", "MIDWIFE", "PHARMACIST", "LAB_TECHNICIAN", "RADIOGRAPHER", "ASHA_CHW", "OTHER"];
const STATUSES: VerificationStatus[] = ["PENDING", "VERIFIED", "REJECTED"];
type Row = ProfessionalsQuery["professionals"]["nodes"][number];

/** The Health Professional Registry: search by name or registration number, kind and status. */
export default function Professionals() {
  const { t } = useI18n();
  const { has } = useAuth();
  const [search, setSearch] = useState("");
  const [number, setNumber] = useState("");
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (after: string | null) => {
      setError(null);
      const filter = { search: search.trim() || null, registrationNumber: number.trim() || null, kind: (kind || null) as ProfessionalKind | null, status: (status || null) as VerificationStatus | null };
      gql<ProfessionalsQuery, ProfessionalsQueryVariables>(PROFESSIONALS, { filter, after }).then((d) => {
        setRows((old) => (after ? [...(old ?? []), ...d.professionals.nodes] : d.professionals.nodes));
        setNext(d.professionals.pageInfo.hasNextPage ? (d.professionals.pageInfo.endCursor ?? null) : null);
      }, setError);
    },
    [search, number, kind, status],
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
      <h1>{t("professionals.title")}</h1>
      {has("STATE_ADMIN", "DISTRICT_ADMIN") && (
        <p>
          <Link to="/registry/verification">{t("verify.title")}</Link>
        </p>
      )}
      <form className="inline card" role="search" onSubmit={submit}>
        <TextField label={t("facilities.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        <TextField label={t("owner.registrationNumber")} value={number} onChange={(e) => setNumber(e.target.value)} />
        <SelectField label={t("professionals.kind")} value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))]} />
        <SelectField label={t("facilities.status")} value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...STATUSES.map((s) => ({ value: s, label: t(`verification.${s}` as MessageKey) }))]} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t("professionals.none")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("owner.name")}</th>
                <th scope="col">{t("professionals.kind")}</th>
                <th scope="col">{t("professionals.registration")}</th>
                <th scope="col">{t("professionals.postedAt")}</th>
                <th scope="col">{t("facilities.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`kind.${p.kind}` as MessageKey)}</td>
                  <td>{p.registrations.map((r) => `${r.council} ${r.number}`).join("; ") || "—"}</td>
                  <td>
                    {p.postings.map((x, i) =>
                      x.facility ? (
                        <div key={i}>
                          <Link to={`/registry/facilities/${x.facility.id}`}>{x.facility.name}</Link> · {x.designation}
                        </div>
                      ) : null,
                    )}
                  </td>
                  <td>{t(`verification.${p.verificationStatus}` as MessageKey)}</td>
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
