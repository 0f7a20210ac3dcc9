import { useCallback, useEffect, useState } from "react";
import { usePaged } from "../hooks/usePaged";
import { Link, useParams } from "react-router-dom";
import { gql } from "../api/client";
import { PagedTable } from "../components/PagedTable";
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
  const fetchPage = useCallback(
    async (after: string | null) => {
      const p = (await gql<AccessLogQuery, AccessLogQueryVariables>(LOG, { healthId, after })).patientByHealthId;
      setName([p.givenName, p.familyName].filter(Boolean).join(" "));
      return p.recordAccessLog;
    },
    [healthId],
  );
  const { rows, next, error, load } = usePaged<Row>(fetchPage);
  useEffect(() => load(null), [load]);

  return (
    <section>
      <p>
        <Link to="/patients">{t("nav.patients")}</Link>
      </p>
      <h1>{t("access.title", { name: name || healthId })}</h1>
      <PagedTable
        rows={rows}
        error={error}
        next={next}
        onMore={load}
        empty={t("access.none")}
        head={[t("access.when"), t("access.who"), t("access.what"), t("access.why")]}
        row={(r) => (
          <tr key={r.id} className={r.breakGlass ? "row--alert" : undefined}>
            <td>{dateTime(r.at)}</td>
            <td>{r.professional?.name ?? r.actor?.displayName ?? "—"}</td>
            <td>{t(`viewed.${r.viewed}` as MessageKey)}</td>
            <td>
              {r.breakGlass && <span className="pill pill--alert">{t("access.breakGlass")}</span>} {r.reason ?? r.purpose ?? "—"}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
