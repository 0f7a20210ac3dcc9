import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { TextField } from "../components/Field";
import { useI18n } from "../i18n";
import type { AuditTrailQuery, AuditTrailQueryVariables } from "../gql/types";

const AUDIT = /* GraphQL */ `
  query AuditTrail($filter: AuditEventFilter) {
    auditEvents(filter: $filter, first: 50) {
      nodes {
        id
        action
        entityType
        entityId
        occurredAt
        actorKind
        actor {
          username
        }
      }
    }
  }
`;

/** The tenant's audit trail, newest first (administrators). */
export default function Audit() {
  const { t, dateTime } = useI18n();
  const [action, setAction] = useState("");
  const [rows, setRows] = useState<AuditTrailQuery["auditEvents"]["nodes"] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = (a: string) => {
    setError(null);
    gql<AuditTrailQuery, AuditTrailQueryVariables>(AUDIT, { filter: a.trim() ? { action: a.trim() } : null }).then((d) => setRows(d.auditEvents.nodes), setError);
  };
  useEffect(() => load(""), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    load(action);
  }

  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <form className="inline" role="search" onSubmit={submit}>
        <TextField label={t("audit.filter")} value={action} placeholder="auth.login" onChange={(e) => setAction(e.target.value)} />
        <button type="submit">{t("common.search")}</button>
      </form>
      <ErrorText error={error} />
      {rows?.length === 0 && <p className="muted">{t("common.empty")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <time dateTime={r.occurredAt}>{dateTime(r.occurredAt)}</time>
                  </td>
                  <td>{r.actor?.username ?? t("audit.system")}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.entityType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
