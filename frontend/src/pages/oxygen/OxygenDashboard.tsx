import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { subscribe } from "../../api/live";
import { ErrorText } from "../../components/ErrorText";
import { LineChart } from "../../components/LineChart";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { OxygenAlertChangedSubscription, OxygenDailyQuery, OxygenDailyQueryVariables, OxygenOverviewQuery } from "../../gql/types";
import { AlertQueue } from "./AlertQueue";
import { ALERT_CHANGED, OXYGEN_DAILY, OXYGEN_OVERVIEW } from "./queries";

type Overview = OxygenOverviewQuery["oxygenOverview"];

const RISK_CLASS: Record<string, string> = { CRITICAL: "pill pill--alert", WARNING: "pill pill--warn", NOT_REPORTED: "pill pill--warn", OK: "pill pill--ok" };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The oxygen committee's dashboard: every facility in reach by urgency, the districts'
 *  totals, stock and use over 30 days, the alert queue (live), and the conversion factors. */
export default function OxygenDashboard() {
  const { t, number: n } = useI18n();
  const [data, setData] = useState<OxygenOverviewQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string>("");
  const [days, setDays] = useState<OxygenDailyQuery["oxygenDaily"]>([]);
  const [live, setLive] = useState(false);
  const [changes, setChanges] = useState(0);

  const load = useCallback(() => gql<OxygenOverviewQuery>(OXYGEN_OVERVIEW).then(setData, setError), []);
  useEffect(() => {
    void load();
  }, [load, changes]);
  useEffect(() => subscribe<OxygenAlertChangedSubscription>(ALERT_CHANGED, {}, () => setChanges((c) => c + 1), setLive), []);
  useEffect(() => {
    const to = new Date();
    const from = new Date(Date.now() - 29 * 86400000);
    gql<OxygenDailyQuery, OxygenDailyQueryVariables>(OXYGEN_DAILY, { facilityId: chosen || null, from: isoDay(from), to: isoDay(to) }).then((d) => setDays(d.oxygenDaily), setError);
  }, [chosen, changes]);

  if (!data) return <ErrorText error={error} />;
  const o: Overview = data.oxygenOverview;
  const hours = (h: number | null | undefined) => (h == null ? "—" : h < 1 ? t("oxygen.underAnHour") : `${n(Math.round(h))} h`);
  const chosenName = o.facilities.find((f) => f.facilityId === chosen)?.facilityName ?? t("oxygen.allInReach");
  return (
    <section>
      <h1>{t("oxygen.dashboard.title")}</h1>
      <p>
        <Link className="button button--big" to="/oxygen/entry">
          {t("oxygen.entry.title")}
        </Link>{" "}
        <Link to="/oxygen/equipment">{t("oxygen.equipment.title")}</Link>{" "}
        <Link to="/oxygen/deliveries">{t("oxygen.ledger.title")}</Link>{" "}
        <span className={live ? "badge badge--live" : "badge badge--off"}>{live ? t("helpline.live") : t("helpline.offline")}</span>
      </p>
      <p role="status">{t("oxygen.dashboard.summary", { facilities: o.facilities.length, missing: o.notReportedToday, deadline: String(o.rules.deadlineHour).padStart(2, "0") })}</p>

      <h2>{t("oxygen.dashboard.atRisk")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("oxygen.facility")}</th>
              <th>{t("oxygen.risk")}</th>
              <th>{t("oxygen.timeToEmpty")}</th>
              <th>{t("oxygen.usable")}</th>
              <th>{t("oxygen.burn")}</th>
              <th>{t("oxygen.need")}</th>
              <th>{t("oxygen.lastReading")}</th>
            </tr>
          </thead>
          <tbody>
            {o.facilities.map((f) => (
              <tr key={f.facilityId} aria-selected={f.facilityId === chosen}>
                <td>
                  <button type="button" className="link" onClick={() => setChosen(f.facilityId === chosen ? "" : f.facilityId)}>
                    {f.facilityName}
                  </button>
                </td>
                <td>
                  <span className={RISK_CLASS[f.risk]}>{t(`oxygen.risk.${f.risk}` as MessageKey)}</span>
                </td>
                <td>{hours(f.timeToEmptyHours)}</td>
                <td>{f.usableNm3 == null ? "—" : `${n(Math.round(f.usableNm3))} Nm³`}</td>
                <td>{f.burn24h ? `${n(Math.round(f.burn24h.nm3PerHour * 10) / 10)} Nm³/h` : "—"}</td>
                <td>{`${n(Math.round(f.needOfPatientsNm3PerHour * 10) / 10)} Nm³/h`}</td>
                <td>{f.hoursSinceLastReading == null ? t("oxygen.never") : t("oxygen.hoursAgo", { h: n(Math.round(f.hoursSinceLastReading)) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <LineChart
        title={t("oxygen.dashboard.chart", { name: chosenName })}
        days={days.map((d) => d.day)}
        series={[
          { label: t("oxygen.stock"), values: days.map((d) => Math.round(d.stockNm3)), colour: "#1d6b4f" },
          { label: t("oxygen.consumption"), values: days.map((d) => Math.round(d.consumptionNm3)), colour: "#b45309" },
        ]}
      />

      <AlertQueue changes={changes} onAnswered={() => setChanges((c) => c + 1)} />

      <h2>{t("oxygen.dashboard.districts")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("facilities.district")}</th>
              <th>{t("oxygen.reportedToday")}</th>
              <th>{t("oxygen.risk.CRITICAL")}</th>
              <th>{t("oxygen.risk.WARNING")}</th>
              <th>{t("oxygen.usable")}</th>
              <th>{t("oxygen.burn")}</th>
            </tr>
          </thead>
          <tbody>
            {o.districts.map((d) => (
              <tr key={d.districtId ?? d.name}>
                <td>{d.name}</td>
                <td>{`${d.reportedToday} / ${d.facilities}`}</td>
                <td>{d.critical}</td>
                <td>{d.warning}</td>
                <td>{`${n(Math.round(d.usableNm3))} Nm³`}</td>
                <td>{`${n(Math.round(d.burnNm3PerHour))} Nm³/h`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/oxygen/daily.csv?from=${isoDay(new Date(Date.now() - 89 * 86400000))}&to=${isoDay(new Date())}`} download>
          {t("oxygen.csv")}
        </a>
      </p>

      <details className="panel">
        <summary>{t("oxygen.factors.title")}</summary>
        <p>{t("oxygen.factors.intro")}</p>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t("oxygen.factors.unit")}</th>
                <th>Nm³</th>
                <th>{t("oxygen.factors.stated")}</th>
                <th>{t("oxygen.factors.source")}</th>
              </tr>
            </thead>
            <tbody>
              {data.oxygenConversionFactors.map((f) => (
                <tr key={f.code}>
                  <td>{f.unit}</td>
                  <td>{f.nm3PerUnit.toFixed(4)}</td>
                  <td>{f.statedAs}</td>
                  <td>{f.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
