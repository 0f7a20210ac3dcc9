import { NewProfessional } from "./registry/NewProfessional";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { usePaged } from "../hooks/usePaged";
import { Link } from "react-router-dom";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { PagedTable } from "../components/PagedTable";
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
  const fetchPage = useCallback(
    async (after: string | null) => {
      const filter = { search: search.trim() || null, registrationNumber: number.trim() || null, kind: (kind || null) as ProfessionalKind | null, status: (status || null) as VerificationStatus | null };
      return (await gql<ProfessionalsQuery, ProfessionalsQueryVariables>(PROFESSIONALS, { filter, after })).professionals;
    },
    [search, number, kind, status],
  );
  const { rows, next, error, load } = usePaged<Row>(fetchPage);
  // The first page once; a changed filter applies when searched (not on every keystroke).
  const [added, setAdded] = useState("");
  useEffect(() => load(null), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    load(null);
  };

  return (
    <section>
      <h1>{t("professionals.title")}</h1>
      {added && <p role="status">{t("professionals.added", { name: added })}</p>}
      {has("STATE_ADMIN", "DISTRICT_ADMIN") && (
        <NewProfessional
          onCreated={(name) => {
            setAdded(name);
            load(null);
          }}
        />
      )}
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
      <PagedTable
        rows={rows}
        error={error}
        next={next}
        onMore={load}
        empty={t("professionals.none")}
        head={[t("owner.name"), t("professionals.kind"), t("professionals.registration"), t("professionals.postedAt"), t("facilities.status")]}
        row={(p) => (
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
        )}
      />
    </section>
  );
}
