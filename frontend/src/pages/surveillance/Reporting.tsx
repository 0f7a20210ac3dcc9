import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { authorisedBlobUrl, gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import type { SurveillanceReportingQuery, SurveillanceReportingQueryVariables, UnitTreeQuery } from "../../gql/types";
import { placeChoices } from "../onboarding/units";
import { UNIT_TREE } from "../registry/queries";
import { REPORTING } from "./queries";
import { indiaToday, isoWeek, weeksBefore } from "./weeks";

type Week = SurveillanceReportingQuery["surveillanceReporting"][number];

/**
 * Completeness and timeliness of weekly reporting under a place: a chart over the
 * weeks, the facilities that sent nothing or sent late in the week chosen, and that
 * week's S, P and L forms to print or open in a spreadsheet. Place and week stay in
 * the address.
 */
export default function Reporting() {
  const { t, dateTime } = useI18n();
  const [unit, setUnit] = useParam("unit");
  const [weekParam, setWeek] = useParam("week");
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [weeks, setWeeks] = useState<Week[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const today = indiaToday();
  const from = weeksBefore(today, 7);
  const to = isoWeek(today);
  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, []);
  useEffect(() => {
    setWeeks(null);
    setError(null);
    gql<SurveillanceReportingQuery, SurveillanceReportingQueryVariables>(REPORTING, { unitId: unit || null, from, to }).then((d) => setWeeks(d.surveillanceReporting), setError);
  }, [unit, from, to]);
  const places = useMemo(() => placeChoices(units, false), [units]);
  const chosen = weeks?.find((w) => w.week === weekParam) ?? weeks?.[weeks.length - 2] ?? weeks?.[0];
  const download = async (level: string, kind: "pdf" | "csv") => {
    if (!chosen) return;
    setError(null);
    try {
      const q = new URLSearchParams({ week: chosen.week, level, ...(unit ? { unit } : {}) });
      const a = document.createElement("a");
      a.href = await authorisedBlobUrl(`/surveillance/weekly-form.${kind}?${q}`);
      a.download = `weekly-form-${level}-${chosen.week}.${kind}`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <p>
        <Link to="/surveillance">← {t("surveillance.title")}</Link>
      </p>
      <h1>{t("reporting.title")}</h1>
      <SelectField label={t("surveillance.place")} value={unit} onChange={(e) => setUnit(e.target.value)} options={[{ value: "", label: t("surveillance.wholeTenant") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} />
      <ErrorText error={error} />
      {!weeks && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {weeks && (
        <LineChart
          title={t("reporting.chart")}
          days={weeks.map((w) => w.week)}
          series={[
            { label: t("reporting.completeness"), values: weeks.map((w) => w.completeness ?? 0), colour: "#146c43" },
            { label: t("reporting.timeliness"), values: weeks.map((w) => w.timeliness ?? 0), colour: "#b7791f" },
          ]}
        />
      )}
      {weeks && chosen && (
        <>
          <SelectField label={t("surveillance.week")} value={chosen.week} onChange={(e) => setWeek(e.target.value)} options={weeks.map((w) => ({ value: w.week, label: w.week }))} />
          <p>{t("reporting.summary", { reported: chosen.reported, expected: chosen.expected, onTime: chosen.onTime, deadline: dateTime(new Date(Date.parse(chosen.deadline) - 60_000).toISOString()) })}</p>
          <h2>{t("reporting.forms")}</h2>
          <div className="actions">
            {["S", "P", "L"].map((l) => (
              <span key={l}>
                <button type="button" className="secondary" onClick={() => void download(l, "pdf")}>
                  {t("reporting.formPdf", { level: l })}
                </button>{" "}
                <button type="button" className="secondary" onClick={() => void download(l, "csv")}>
                  CSV
                </button>
              </span>
            ))}
          </div>
          <h2>{t("reporting.units")}</h2>
          <ul className="plain mappings">
            {chosen.units.map((u) => (
              <li key={u.facilityId}>
                <strong>{u.facilityName}</strong> <span className="muted">· {u.unitName}</span>
                <br />
                {u.sentAt ? (
                  <span className={u.onTime ? "pill pill--ok" : "pill pill--warn"}>{t(u.onTime ? "week.sentOnTime" : "week.sentLate", { when: dateTime(u.sentAt) })}</span>
                ) : (
                  <span className="pill pill--alert">{t("week.notSent")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
