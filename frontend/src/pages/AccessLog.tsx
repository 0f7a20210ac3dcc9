import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import type { AccessLogQuery, AccessLogQueryVariables } from "../gql/types";

const LOG = /* GraphQL */ `
  query AccessLog($healthId: String!, $after: String) {
    patientByHealthId(healthId: $healthId, purpose: "access review") {
      healthId
      givenName
      familyName
      recordAccessLog(first: 50, after: $after) {
        nodes {
          id
          at
          viewed
          purpose
          breakGlass
          reason
          actor {
            displayName
          }
          professional {
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

type Row = AccessLogQuery["patientByHealthId"]["recordAccessLog"]["nodes"][number];

/** Who opened a patient's health record, when, what and why; emergency openings marked. */
export default function AccessLog() {
  const { healthId = "" } = useParams();
  const { t, dateTime } = useI18n();
  const [name, setName] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = (after: string | null) =>
    gql<AccessLogQuery, AccessLogQueryVariables>(LOG, { healthId, after }).then((d) => {
      const p = d.patientByHealthId;
      setName([p.givenName, p.familyName].filter(Boolean).join(" "));
      setRows((old) => (after ? [...(old ?? []), ...p.recordAccessLog.nodes] : p.recordAccessLog.nodes));
      setNext(p.recordAccessLog.pageInfo.hasNextPage ? (p.recordAccessLog.pageInfo.endCursor ?? null) : null);
    }, setError);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(null), [healthId]);

  return (
    <section>
      <p>
        <Link to="/patients">{t("nav.patients")}</Link>
      </p>
      <h1>{t("access.title", { name: name || healthId })}</h1>
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{t("access.none")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("access.when")}</th>
                <th scope="col">{t("access.who")}</th>
                <th scope="col">{t("access.what")}</th>
                <th scope="col">{t("access.why")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.breakGlass ? "row--alert" : undefined}>
                  <td>{dateTime(r.at)}</td>
                  <td>{r.professional?.name ?? r.actor?.displayName ?? "—"}</td>
                  <td>{t(`viewed.${r.viewed}` as MessageKey)}</td>
                  <td>
                    {r.breakGlass && <span className="pill pill--alert">{t("access.breakGlass")}</span>} {r.reason ?? r.purpose ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          {t("facilities.more")}
        </button>
      )}
    </section>
  );
}
