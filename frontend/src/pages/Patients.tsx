import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { gql } from "../api/client";
import { ApiError, fieldError } from "../api/errors";
import { TextField } from "../components/Field";
import { ErrorText } from "../components/ErrorText";
import { useI18n } from "../i18n";
import { Register } from "./patients/Register";
import type { PatientByHealthIdQuery, PatientByHealthIdQueryVariables } from "../gql/types";

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

export default function Patients() {
  const { t, date } = useI18n();
  const [healthId, setHealthId] = useState("");
  const [found, setFound] = useState<PatientByHealthIdQuery["patientByHealthId"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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
    void find(healthId);
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
          <Link to={`/patients/${encodeURIComponent(found.healthId)}/record`}>{t("record.open")}</Link>
        </article>
      )}
      <Register
        onOpen={(id) => {
          setHealthId(id);
          void find(id);
          window.scrollTo({ top: 0 });
        }}
      />
    </section>
  );
}
