import { useEffect, useState } from "react";
import { gql } from "../api/client";
import { useAuth } from "../api/auth";
import { useI18n } from "../i18n";
import { ErrorText } from "../components/ErrorText";
import { Link } from "react-router-dom";
import type { AdminDashboardQuery, AdminDashboardQueryVariables, HelplineDashboardQuery, HelplineDashboardQueryVariables, PatientsRegisteredTodayQuery, PatientsRegisteredTodayQueryVariables } from "../gql/types";

const HELPLINE = /* GraphQL */ `
  query HelplineDashboard($day: NaiveDate!, $tier2: Boolean!) {
    tier1: ticketQueue(tier: 1, limit: 200) {
      status
    }
    tier2: ticketQueue(tier: 2, limit: 200) @include(if: $tier2) {
      status
    }
    helplineStats(day: $day) {
      calls
      slaBreaches
    }
  }
`;

/** Today's date in India. */
function todayInIndia(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span className="stat__value">{value}</span>
      <span className="stat__label">{label}</span>
    </div>
  );
}

function HelplineCounts({ tier2 }: { tier2: boolean }) {
  const { t, number } = useI18n();
  const [data, setData] = useState<HelplineDashboardQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<HelplineDashboardQuery, HelplineDashboardQueryVariables>(HELPLINE, { day: todayInIndia(), tier2 })
      .then(setData)
      .catch(setError);
  }, [tier2]);
  if (error) return <ErrorText error={error} />;
  if (!data) return <p aria-busy="true">{t("common.loading")}</p>;
  // A queue is read up to 200 tickets: a full page is shown as "200+".
  const count = (rows: { status: string }[] | null | undefined, status: string) => {
    const n = (rows ?? []).filter((r) => r.status === status).length;
    return `${number(n)}${(rows?.length ?? 0) >= 200 ? "+" : ""}`;
  };
  return (
    <div className="stats">
      <Stat label={t("dashboard.waitingTier", { tier: 1 })} value={count(data.tier1, "NEW")} />
      <Stat label={t("dashboard.inProgressTier", { tier: 1 })} value={count(data.tier1, "IN_PROGRESS")} />
      {tier2 && <Stat label={t("dashboard.waitingTier", { tier: 2 })} value={count(data.tier2, "ESCALATED")} />}
      {tier2 && <Stat label={t("dashboard.inProgressTier", { tier: 2 })} value={count(data.tier2, "IN_PROGRESS")} />}
      <Stat label={t("dashboard.callsToday")} value={number(data.helplineStats.calls)} />
      <Stat label={t("dashboard.breachesToday")} value={number(data.helplineStats.slaBreaches)} />
    </div>
  );
}

const ADMIN = /* GraphQL */ `
  query AdminDashboard($state: Boolean!) {
    failedNotifications(limit: 20) @include(if: $state) {
      id
      channel
      destination
      subject
      lastError
      createdAt
    }
    professionals(filter: { status: PENDING }, first: 100) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
    hospitalApplications(statuses: [SUBMITTED], first: 100) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

function AdminCounts({ state }: { state: boolean }) {
  const { t, number, dateTime } = useI18n();
  const [data, setData] = useState<AdminDashboardQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<AdminDashboardQuery, AdminDashboardQueryVariables>(ADMIN, { state }).then(setData, setError);
  }, [state]);
  if (error) return <ErrorText error={error} />;
  if (!data) return <p aria-busy="true">{t("common.loading")}</p>;
  const count = (c: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } }) => `${number(c.nodes.length)}${c.pageInfo.hasNextPage ? "+" : ""}`;
  return (
    <div className="stats">
      <Stat label={t("dashboard.pendingVerifications")} value={count(data.professionals)} />
      <Stat label={t("dashboard.pendingApplications")} value={count(data.hospitalApplications)} />
      {data.failedNotifications && data.failedNotifications.length > 0 && (
        <section className="card notice stats__wide" aria-labelledby="undelivered-title">
          <h2 id="undelivered-title">{t("dashboard.undelivered", { count: number(data.failedNotifications.length) })}</h2>
          <ul>
            {data.failedNotifications.map((n) => (
              <li key={n.id}>
                {dateTime(n.createdAt)} · {n.channel} · {n.destination} · {n.subject}
                {n.lastError && <div className="muted">{n.lastError}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const REGISTERED = /* GraphQL */ `
  query PatientsRegisteredToday($day: NaiveDate!) {
    patientsRegistered(day: $day)
  }
`;

function PatientCounts({ own }: { own: boolean }) {
  const { t, number } = useI18n();
  const [n, setN] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<PatientsRegisteredTodayQuery, PatientsRegisteredTodayQueryVariables>(REGISTERED, { day: todayInIndia() }).then((d) => setN(d.patientsRegistered), setError);
  }, []);
  if (error) return <ErrorText error={error} />;
  if (n === null) return <p aria-busy="true">{t("common.loading")}</p>;
  return (
    <div className="stats">
      <Stat label={t(own ? "dashboard.registeredByYouToday" : "dashboard.registeredToday")} value={number(n)} />
    </div>
  );
}

export default function Dashboard() {
  const { t } = useI18n();
  const { me, has } = useAuth();
  if (!me) return null;
  return (
    <section>
      <h1>{t("dashboard.title", { name: me.displayName })}</h1>
      {me.tenant && <p className="muted">{t("dashboard.tenant", { name: me.tenant.name })}</p>}
      <h2>{t("dashboard.roles")}</h2>
      <ul className="chips">
        {me.isPlatformAdmin && <li>{t("role.PLATFORM_ADMIN")}</li>}
        {me.roles.map((r, i) => (
          <li key={`${r.role}-${i}`}>{t(`role.${r.role}`)}</li>
        ))}
      </ul>
      {has("HELPLINE_OPERATOR", "HELPLINE_DOCTOR") && <HelplineCounts tier2={has("HELPLINE_DOCTOR")} />}
      {has("STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE", "SURVEYOR") && (
        <PatientCounts own={has("SURVEYOR") && !has("STATE_ADMIN", "DISTRICT_ADMIN", "FACILITY_ADMIN", "DOCTOR", "NURSE")} />
      )}
      {has("STATE_ADMIN", "DISTRICT_ADMIN") && <AdminCounts state={has("STATE_ADMIN")} />}
      {has("SURVEYOR") && (
        <p>
          <Link to="/survey">{t("survey.title")}</Link>
        </p>
      )}
      {has("HOSPITAL_APPLICANT") && (
        <p>
          <Link to="/applications">{t("apply.mine")}</Link>
        </p>
      )}
    </section>
  );
}
