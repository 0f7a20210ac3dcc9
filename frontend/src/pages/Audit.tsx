import { useCallback, useEffect, useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { usePaged } from "../hooks/usePaged";
import { useI18n } from "../i18n";
import type { AuditEventFilter, AuditTrailQuery, AuditTrailQueryVariables } from "../gql/types";
import { csvCell } from "../components/csv";

const AUDIT = /* GraphQL */ `
  query AuditTrail($filter: AuditEventFilter, $after: String, $first: Int) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        entityType
        entityId
        occurredAt
        actorKind
        clientAddress
        detail
        actor {
          username
        }
      }
    }
  }
`;

type Row = AuditTrailQuery["auditEvents"]["nodes"][number];

/** Families of actions, filtered by their prefix on the server. */
const FAMILIES = ["", "auth.", "user.", "tenant.", "patient.", "record.", "card.", "professional.", "facility.", "unit.", "application.", "document.", "ticket.", "kb.", "appointment."];

/** The most rows one CSV export reads (100 a page). */
const EXPORT_LIMIT = 10_000;

export function auditCsv(rows: Row[]): string {
  const head = ["occurredAt", "actor", "actorKind", "action", "entityType", "entityId", "clientAddress", "detail"];
  const lines = rows.map((r) => [r.occurredAt, r.actor?.username ?? "", r.actorKind, r.action, r.entityType, r.entityId ?? "", r.clientAddress ?? "", r.detail].map(csvCell).join(","));
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}

/** The tenant's audit trail, newest first (administrators): filters, paging, CSV. */
export default function Audit() {
  const { t, dateTime } = useI18n();
  const [family, setFamily] = useState("");
  const [action, setAction] = useState("");
  const [entityType, setEntityType] = useState("");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [filter, setFilter] = useState<AuditEventFilter | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const fetchPage = useCallback(
    async (after: string | null) => (await gql<AuditTrailQuery, AuditTrailQueryVariables>(AUDIT, { filter, after, first: 50 })).auditEvents,
    [filter],
  );
  const { rows, next, error, load } = usePaged(fetchPage);
  useEffect(() => load(null), [load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = (d: string, end: boolean) => (d ? new Date(`${d}T${end ? "23:59:59.999" : "00:00:00"}+05:30`).toISOString() : null);
    setFilter({ action: action.trim() || family || null, entityType: entityType.trim() || null, since: day(since, false), until: day(until, true) });
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const all: Row[] = [];
      let after: string | null = null;
      do {
        const page: AuditTrailQuery["auditEvents"] = (await gql<AuditTrailQuery, AuditTrailQueryVariables>(AUDIT, { filter, after, first: 100 })).auditEvents;
        all.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after && all.length < EXPORT_LIMIT);
      const url = URL.createObjectURL(new Blob([auditCsv(all)], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <form className="card" role="search" onSubmit={submit} aria-label={t("audit.filters")}>
        <div className="inline">
          <SelectField label={t("audit.family")} value={family} onChange={(e) => setFamily(e.target.value)} options={FAMILIES.map((f) => ({ value: f, label: f ? f.slice(0, -1) : t("audit.all") }))} />
          <TextField label={t("audit.filter")} value={action} placeholder="auth.login" onChange={(e) => setAction(e.target.value)} />
          <TextField label={t("audit.entity")} value={entityType} placeholder="patient" onChange={(e) => setEntityType(e.target.value)} />
          <TextField label={t("audit.from")} type="date" value={since} onChange={(e) => setSince(e.target.value)} />
          <TextField label={t("audit.to")} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="submit">{t("common.search")}</button>
          <button type="button" className="secondary" disabled={exporting} onClick={() => void exportCsv()}>
            {exporting ? t("common.loading") : t("audit.csv")}
          </button>
        </div>
      </form>
      <ErrorText error={error ?? exportError} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
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
      {next && (
        <button type="button" className="secondary" onClick={() => load(next)}>
          {t("common.more")}
        </button>
      )}
    </section>
  );
}
