import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { authorisedBlobUrl } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { cachedGql } from "../../offline/cache";
import type { IndicatorsQuery, IndicatorsQueryVariables } from "../../gql/types";
import { FIGURE_KEYS, RECOUNTED_KEYS, figureLabel, figureText, financialYears, lastMonths } from "./figures";
import { IndicatorTable } from "./IndicatorTable";
import { ReportRecipients } from "./ReportRecipients";
import { RowsBehind } from "./RowsBehind";
import { DayTrend } from "./DayTrend";
import { useAuth } from "../../api/auth";
import { INDICATORS } from "./indicatorQueries";

type Report = IndicatorsQuery["indicators"];

const PERIODS = ["6m", "12m", "fy", "lastfy"] as const;
const DEPARTMENTS = ["medicine", "surgery", "paediatrics", "orthopaedics", "obstetrics", "icu", "hdu", "emergency", "isolation", "other", "unspecified"];

function indiaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
}

function range(period: string): [string, string] {
  const today = indiaToday();
  const fy = financialYears(today);
  if (period === "12m") return lastMonths(today, 12);
  if (period === "fy") return fy.thisYear;
  if (period === "lastfy") return fy.lastYear;
  return lastMonths(today, 6);
}

/**
 * The indicators dashboard: a place (the caller's reach, a district, a block or a
 * facility: tap a row to go down, the breadcrumb back up), a period (the last months
 * or a financial year) and a department; the headline figures, the months as a line,
 * then the parts, the departments and — for a facility or a block — age and sex, each
 * a table with CSV. Everything from roll-ups; the choice is kept in the address.
 */
export default function Indicators() {
  const { t, number: n, dateTime } = useI18n();
  const auth = useAuth();
  const [unit, setUnit] = useParam("unit");
  const [facility, setFacility] = useParam("facility");
  const [period, setPeriod] = useParam("period");
  const [department, setDepartment] = useParam("department");
  const [data, setData] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [from, to] = range(period);
  useEffect(() => {
    setError(null);
    const vars: IndicatorsQueryVariables = { unitId: unit || null, facilityId: facility || null, from, to, department: department || null };
    cachedGql<IndicatorsQuery, IndicatorsQueryVariables>("indicators", INDICATORS, vars).then((d) => setData(d.indicators), setError);
  }, [unit, facility, from, to, department]);
  const pick = (kind: string) => (id: string) => {
    if (kind === "facility") {
      setFacility(id);
    } else {
      setFacility("");
      setUnit(id);
    }
  };
  const totals = data?.totals;
  // The month shown last, as a printable report with its eleven months before.
  async function report() {
    const place = facility ? `&facility=${encodeURIComponent(facility)}` : unit ? `&unit=${encodeURIComponent(unit)}` : "";
    try {
      window.open(await authorisedBlobUrl(`/dashboards/report.pdf?month=${to}${place}`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{t("ind.title")}</h1>
      <p className="muted">{t("ind.intro")}</p>
      <div className="filters no-print">
        <SelectField label={t("ind.period")} value={period || "6m"} onChange={(e) => setPeriod(e.target.value === "6m" ? "" : e.target.value)} options={PERIODS.map((p) => ({ value: p, label: t(`ind.period.${p}` as MessageKey) }))} />
        <SelectField label={t("ind.department")} value={department} onChange={(e) => setDepartment(e.target.value)} options={[{ value: "", label: t("ind.allDepartments") }, ...DEPARTMENTS.map((d) => ({ value: d, label: t(`ind.dept.${d}` as MessageKey) }))]} />
      </div>
      {(unit || facility) && (
        <p className="no-print">
          <Link to="/dashboards">{t("ind.backToAll")}</Link>
        </p>
      )}
      <ErrorText error={error} />
      {!data && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {data && totals && (
        <>
          <h2>{t("ind.placePeriod", { place: data.placeName || t("ind.everything"), from: data.from, to: data.to })}</h2>
          <p className="muted">{t("ind.asOf", { time: dateTime(data.asOf) })}</p>
          <p className="no-print">
            <button type="button" className="secondary" onClick={report}>
              {t("ind.report", { month: to })}
            </button>
          </p>
          <div className="stats">
            {FIGURE_KEYS.filter((k) => k !== "inpatientDays" && k !== "discharges" && !RECOUNTED_KEYS.includes(k)).map((k) => (
              <div className="stat" key={k}>
                <span className="stat__value">{figureText(n, totals, k)}</span>
                <span className="stat__label">{figureLabel(t, k)}</span>
              </div>
            ))}
          </div>
          <h3>{t("ind.programmes")}</h3>
          <p className="muted" id="ind-recounted">
            {data.recountedAt ? t("ind.recountedAt", { time: dateTime(data.recountedAt) }) : t("ind.notRecounted")}
          </p>
          <div className="stats">
            {RECOUNTED_KEYS.map((k) => (
              <div className="stat" key={k}>
                <span className="stat__value">{figureText(n, totals, k)}</span>
                <span className="stat__label">{figureLabel(t, k)}</span>
              </div>
            ))}
          </div>
          <LineChart
            title={t("ind.trend")}
            days={data.months.map((m) => m.month)}
            series={[
              { label: figureLabel(t, "opdVisits"), values: data.months.map((m) => m.figures.opdVisits), colour: "#1f6f4a" },
              { label: figureLabel(t, "admissions"), values: data.months.map((m) => m.figures.admissions), colour: "#b7791f" },
            ]}
          />
          <DayTrend unit={unit} facility={facility} department={department} today={indiaToday()} />
          <IndicatorTable
            id="ind-months"
            title={t("ind.byMonth")}
            first={t("ind.month")}
            rows={data.months.map((m) => ({ key: m.month, label: m.month, figures: m.figures }))}
            file={`indicators-months-${data.from}-${data.to}.csv`}
          />
          <IndicatorTable
            id="ind-parts"
            title={data.parts[0]?.kind === "facility" ? t("ind.byFacility") : t("ind.byPlace")}
            first={data.parts[0]?.kind === "facility" ? t("emr.facility") : t("ind.place")}
            rows={data.parts.map((p) => ({ key: p.id, label: p.name, figures: p.figures, trend: p.months.map((m) => m.figures.opdVisits) }))}
            file={`indicators-places-${data.from}-${data.to}.csv`}
            onPick={data.parts[0] ? pick(data.parts[0].kind) : undefined}
          />
          <IndicatorTable
            id="ind-departments"
            title={t("ind.byDepartment")}
            first={t("ind.department")}
            rows={data.departments.map((d) => ({ key: d.department, label: t(`ind.dept.${d.department}` as MessageKey), figures: d.figures }))}
            file={`indicators-departments-${data.from}-${data.to}.csv`}
            onPick={setDepartment}
          />
          {data.groups.length > 0 && (
            <IndicatorTable
              id="ind-groups"
              title={t("ind.byAgeSex")}
              first={t("ind.ageSex")}
              rows={data.groups.map((g) => ({ key: `${g.ageGroup}-${g.sex}`, label: `${g.ageGroup} · ${t(`ind.sex.${g.sex}` as MessageKey)}`, figures: g.figures }))}
              file={`indicators-age-sex-${data.from}-${data.to}.csv`}
            />
          )}
          {auth.has("STATE_ADMIN", "DISTRICT_ADMIN") && <RowsBehind key={`${facility}-${unit}-${from}-${to}-${department}`} facilityId={facility || undefined} unitId={facility ? undefined : unit || undefined} from={from} to={to} department={department} />}
          {auth.has("STATE_ADMIN") && <ReportRecipients unitId={unit} facilityId={facility} placeName={data.placeName} />}
          <details className="card">
            <summary>{t("ind.definitions")}</summary>
            <dl>
              {FIGURE_KEYS.map((k) => (
                <div key={k}>
                  <dt>{figureLabel(t, k)}</dt>
                  <dd>{t(`ind.def.${k}` as MessageKey)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </section>
  );
}
