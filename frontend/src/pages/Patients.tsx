import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { gql } from "../api/client";
import { ApiError, fieldError } from "../api/errors";
import { TextField } from "../components/Field";
import { ErrorText } from "../components/ErrorText";
import { useI18n } from "../i18n";
import { useAuth } from "../api/auth";
import { CardPanel } from "./patients/CardPanel";
import { Register } from "./patients/Register";
import type { PatientByHealthIdQuery, PatientByHealthIdQueryVariables, SearchPatientsQuery, SearchPatientsQueryVariables } from "../gql/types";

const FIND = /* GraphQL */ `
  query PatientByHealthId($healthId: String!) {
    patientByHealthId(healthId: $healthId, purpose: "lookup") {
      id
      healthId
      givenName
      familyName
      localName
      birthDate
      birthDateEstimated
      phone
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query SearchPatients($input: PatientSearchInput!) {
    searchPatients(input: $input) {
      id
      healthId
      givenName
      familyName
      localName
      ageYears
      sex
    }
  }
`;

/** Find by phone, or by words of the name (spelling variants match) within an age band. */
function Search({ onOpen }: { onOpen: (healthId: string) => void }) {
  const { t } = useI18n();
  // The search lives in the address (?phone= or ?name=&age=): Back, Forward and Reload
  // show the same results.
  const [params, setParams] = useSearchParams();
  const [phone, setPhone] = useState(params.get("phone") ?? "");
  const [name, setName] = useState(params.get("name") ?? "");
  const [age, setAge] = useState(params.get("age") ?? "");
  const [rows, setRows] = useState<SearchPatientsQuery["searchPatients"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = `${params.get("phone") ?? ""}|${params.get("name") ?? ""}|${params.get("age") ?? ""}`;
  useEffect(() => {
    const [p, n, a] = asked.split("|");
    setPhone(p);
    setName(n);
    setAge(a);
    if (p || n) void run(p, n, a);
    else setRows(null);
    // Runs when the address changes; `run` reads only its arguments.
  }, [asked]);
  function submit(e: FormEvent) {
    e.preventDefault();
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const k of ["phone", "name", "age"]) next.delete(k);
      if (phone.trim()) next.set("phone", phone.trim());
      else {
        next.set("name", name.trim());
        if (age.trim()) next.set("age", age.trim());
      }
      return next;
    });
  }
  async function run(phone: string, name: string, age: string) {
    setError(null);
    setRows(null);
    const years = Number.parseInt(age, 10);
    const band = Number.isFinite(years) ? { ageFrom: Math.max(0, years - 5), ageTo: years + 5 } : {};
    try {
      const input = phone.trim() ? { phone: phone.trim() } : { name: name.trim(), ...band };
      const d = await gql<SearchPatientsQuery, SearchPatientsQueryVariables>(SEARCH, { input });
      setRows(d.searchPatients);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit} role="search" aria-labelledby="search-title" noValidate>
      <h2 id="search-title">{t("patients.search")}</h2>
      <div className="inline">
        <TextField label={t("patients.phone")} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(error, "phone")} />
        <TextField label={t("patients.name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "name")} />
        <TextField label={t("patients.about")} inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} error={fieldError(error, "ageFrom")} />
        <button type="submit">{t("common.search")}</button>
      </div>
      <ErrorText error={error} />
      {rows?.length === 0 && <p role="status">{t("patients.noMatches")}</p>}
      {rows && rows.length > 0 && (
        <ul className="plain">
          {rows.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => onOpen(p.healthId)}>
                {p.givenName} {p.familyName} {p.localName && `(${p.localName})`}
              </button>{" "}
              <span className="muted">
                {p.healthId} · {t(`sex.${p.sex}`)} · {p.ageYears}
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

export default function Patients() {
  const { t, date } = useI18n();
  const { has } = useAuth();
  const [params, setParams] = useSearchParams();
  const shown = params.get("hid") ?? "";
  // Lab technicians find patients by health ID only; the rest also by contact, and print cards.
  const canRegister = has("STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE", "HELPLINE_OPERATOR", "HELPLINE_DOCTOR", "SURVEYOR");
  const [healthId, setHealthId] = useState(shown);
  const [found, setFound] = useState<PatientByHealthIdQuery["patientByHealthId"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // The patient shown is in the address (?hid=): Back, Forward and Reload keep it.
  const open = useCallback(
    (id: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set("hid", id.trim());
        return next;
      }),
    [setParams],
  );
  useEffect(() => {
    setHealthId(shown);
    if (shown) void find(shown);
    else setFound(null);
    // Runs when the address changes; `find` reads only its argument.
  }, [shown]);

  async function find(id: string) {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      const d = await gql<PatientByHealthIdQuery, PatientByHealthIdQueryVariables>(FIND, { healthId: id.trim() });
      setFound(d.patientByHealthId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    open(healthId);
  }

  const notFound = error instanceof ApiError && error.code === "NOT_FOUND";
  return (
    <section>
      <h1>{t("patients.title")}</h1>
      <form className="inline" onSubmit={submit} role="search">
        <TextField label={t("patients.healthId")} value={healthId} onChange={(e) => setHealthId(e.target.value)} placeholder="WB-1234-5678-9012" error={fieldError(error, "healthId")} />
        <button type="submit" disabled={busy}>
          {t("patients.find")}
        </button>
      </form>
      {notFound ? <p role="status">{t("patients.notFound")}</p> : <ErrorText error={error} />}
      {found && (
        <article className="card">
          <h2>
            {found.givenName} {found.familyName}
            {found.localName && (
              <>
                {" "}
                <span className="local">({found.localName})</span>
              </>
            )}
          </h2>
          <dl className="facts">
            <dt>{t("patients.healthId")}</dt>
            <dd>{found.healthId}</dd>
            <dt>{t("patients.born")}</dt>
            <dd>{date(found.birthDate)}{found.birthDateEstimated ? " ~" : ""}</dd>
            {found.phone && (
              <>
                <dt>{t("patients.phone")}</dt>
                <dd>{found.phone}</dd>
              </>
            )}
          </dl>
          <div className="actions">
            {has("DOCTOR", "NURSE", "LAB_TECHNICIAN") && <Link to={`/patients/${encodeURIComponent(found.healthId)}/record`}>{t("record.open")}</Link>}
            {has("STATE_ADMIN", "DISTRICT_ADMIN") && <Link to={`/patients/${encodeURIComponent(found.healthId)}/access`}>{t("access.open")}</Link>}
          </div>
        </article>
      )}
      {found && canRegister && <CardPanel key={found.healthId} healthId={found.healthId} />}
      {canRegister && (
        <Search onOpen={open} />
      )}
      {canRegister && (
        <Register
          onOpen={(id) => {
            open(id);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </section>
  );
}
