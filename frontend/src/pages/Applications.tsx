import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useAuth } from "../api/auth";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { SelectField } from "../components/Field";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type { ApplicationStatus, ApplicationsQuery, ApplicationsQueryVariables, CreateApplicationMutation } from "../gql/types";
import { APPLICATIONS, CREATE_APPLICATION } from "./onboarding/queries";

const REVIEW_FILTERS: ApplicationStatus[] = ["SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REJECTED", "WITHDRAWN"];

/**
 * Hospital applications: an applicant's own (and a button to start one), or the
 * reviewers' queue of submitted applications in their reach.
 */
export default function Applications() {
  const { t, dateTime } = useI18n();
  const { has } = useAuth();
  const navigate = useNavigate();
  const applicant = has("HOSPITAL_APPLICANT");
  const [status, setStatus] = useState<ApplicationStatus>("SUBMITTED");
  const [rows, setRows] = useState<ApplicationsQuery["hospitalApplications"]["nodes"] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setRows(null);
    gql<ApplicationsQuery, ApplicationsQueryVariables>(APPLICATIONS, { statuses: applicant ? null : [status] }).then((d) => setRows(d.hospitalApplications.nodes), setError);
  }, [applicant, status]);
  useEffect(() => load(), [load]);

  async function start() {
    setError(null);
    try {
      const d = await gql<CreateApplicationMutation>(CREATE_APPLICATION);
      navigate(`/applications/${d.createHospitalApplication.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t(applicant ? "apply.mine" : "review.queue")}</h1>
      {applicant && (
        <button type="button" onClick={() => void start()}>
          {t("apply.start")}
        </button>
      )}
      {!applicant && (
        <SelectField label={t("review.show")} value={status} onChange={(e) => setStatus(e.target.value as ApplicationStatus)} options={REVIEW_FILTERS.map((s) => ({ value: s, label: t(`appStatus.${s}` as MessageKey) }))} />
      )}
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t(applicant ? "apply.none" : "review.empty")}</p>}
      <ul className="plain">
        {rows?.map((a) => (
          <li key={a.id} className="card">
            <Link to={`/applications/${a.id}`}>{a.name ?? t("apply.untitled")}</Link> <span className="pill">{t(`appStatus.${a.status}` as MessageKey)}</span>
            <p className="muted">{a.submittedAt ? t("apply.submittedAt", { at: dateTime(a.submittedAt) }) : t("apply.updatedAt", { at: dateTime(a.updatedAt) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
