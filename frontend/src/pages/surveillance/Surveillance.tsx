import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { authorisedBlobUrl, gql } from "../../api/client";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import type { NotifiableConditionsQuery, UnitTreeQuery, WeeklyCaseTableQuery, WeeklyCaseTableQueryVariables } from "../../gql/types";
import { placeChoices } from "../onboarding/units";
import { UNIT_TREE } from "../registry/queries";
import { AlertQueue } from "./AlertQueue";
import { InvestigationList } from "./InvestigationList";
import { CONDITIONS, WEEKLY_TABLE } from "./queries";
import { indiaToday, isoWeek, weeksBefore } from "./weeks";

type Cell = WeeklyCaseTableQuery["weeklyCaseTable"][number];

/** A cell's colour: red for an outbreak (an alert verified as a true signal), amber for
 *  an alert to verify; otherwise a shade, darker with more cases ("<5" is the lightest). */
function shade(c: Cell | undefined): string | undefined {
  if (c?.alert === "true_signal") return "heat heat--outbreak";
  if (c?.alert === "open") return "heat heat--alert";
  const n = c?.cases.exact ?? (c ? 1 : 0);
  if (!n) return undefined;
  return n >= 20 ? "heat heat--3" : n >= 5 ? "heat heat--2" : "heat heat--1";
}

/**
 * The weekly table for surveillance: places by condition over the last weeks, shaded
 * by cases, and the epidemic curve of one condition. The place, the weeks and the
 * condition stay in the address.
 */
export default function Surveillance() {
  const { t } = useI18n();
  const today = indiaToday();
  const [weeksParam, setWeeks] = useParam("weeks");
  const weeks = weeksParam || "8";
  // Narrowing to a place is a step down: it adds a history entry, so Back goes up again.
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? "";
  const setUnit = (v: string) =>
    setParams((p) => {
      if (v) p.set("unit", v);
      else p.delete("unit");
      return p;
    });
  const [curveOf, setCurveOf] = useParam("condition");
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [cells, setCells] = useState<Cell[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [verified, setVerified] = useState(0);
  const from = weeksBefore(today, Number(weeks) - 1);
  const to = isoWeek(today);
  const auth = useAuth();
  const officer = auth.has("SURVEILLANCE_OFFICER");
  // The line list with names, for the surveillance officer's spreadsheet (the read is logged).
  const download = async () => {
    setError(null);
    try {
      const q = new URLSearchParams({ from, to, ...(unit ? { unit } : {}) });
      const a = document.createElement("a");
      a.href = await authorisedBlobUrl(`/surveillance/line-list.csv?${q}`);
      a.download = `line-list-${from}-${to}.csv`;
      a.click();
      // The file holds names: let the browser forget it once it has been saved.
      window.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
    gql<NotifiableConditionsQuery>(CONDITIONS).then((d) => setNames(new Map(d.notifiableConditions.map((c) => [c.code, c.name]))), setError);
  }, []);
  useEffect(() => {
    setCells(null);
    gql<WeeklyCaseTableQuery, WeeklyCaseTableQueryVariables>(WEEKLY_TABLE, { unitId: unit || null, from, to }).then((d) => setCells(d.weeklyCaseTable), setError);
    // A verified alert recolours its cells.
  }, [unit, from, to, verified]);

  const places = useMemo(() => placeChoices(units, false), [units]);
  const rows = [...new Map((cells ?? []).map((c) => [c.unitId, c.unitName])).entries()];
  const conditions = [...new Set((cells ?? []).map((c) => c.condition))].sort();
  const at = (u: string, c: string) => cells?.find((x) => x.unitId === u && x.condition === c);
  const curve = curveOf || conditions[0] || "";
  const curveWeeks = cells?.find((c) => c.condition === curve)?.byWeek.map((w) => w.week) ?? [];
  const curveValues = curveWeeks.map((wk) => (cells ?? []).filter((c) => c.condition === curve).reduce((sum, c) => sum + (c.byWeek.find((w) => w.week === wk)?.cases.exact ?? 0), 0));

  return (
    <section className="surveillance">
      <h1>{t("surveillance.title")}</h1>
      <p>
        <Link to="/surveillance/report">{t("nav.fieldReport")}</Link>
        {" · "}
        <Link to="/surveillance/reporting">{t("reporting.link")}</Link>
        {(officer || auth.has("STATE_ADMIN")) && (
          <>
            {" · "}
            <Link to="/surveillance/dhis2">{t("dhis2.title")}</Link>
            {" · "}
            <Link to="/surveillance/rules">{t("rules.link")}</Link>
          </>
        )}
      </p>
      {officer && (
        <p>
          <button type="button" className="secondary" onClick={() => void download()}>
            {t("surveillance.lineListCsv")}
          </button>
        </p>
      )}
      <AlertQueue names={names} onVerified={() => setVerified((n) => n + 1)} />
      <InvestigationList names={names} refresh={verified} />
      <div className="filters">
        <SelectField label={t("surveillance.place")} value={unit} onChange={(e) => setUnit(e.target.value)} options={[{ value: "", label: t("surveillance.wholeTenant") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} />
        <SelectField label={t("surveillance.weeks")} value={weeks} onChange={(e) => setWeeks(e.target.value)} options={["4", "8", "13", "26", "52"].map((w) => ({ value: w, label: w }))} />
      </div>
      <ErrorText error={error} />
      {!cells && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {cells && cells.length === 0 && <p className="muted">{t("surveillance.noCases")}</p>}
      {cells && cells.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="weekly">
              <caption>{t("surveillance.weeklyTable", { from, to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("surveillance.place")}</th>
                  {conditions.map((c) => (
                    <th key={c} scope="col">
                      {names.get(c) ?? c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([id, name]) => (
                  <tr key={id}>
                    <th scope="row">{name}</th>
                    {conditions.map((c) => (
                      <td key={c} className={shade(at(id, c))}>
                        {at(id, c)?.cases.shown ?? "0"}
                        {at(id, c)?.alert && <span className="visually-hidden"> ({t(at(id, c)?.alert === "true_signal" ? "surveillance.legendOutbreak" : "surveillance.legendAlert")})</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="legend">
            <span className="heat heat--outbreak">{t("surveillance.legendOutbreak")}</span> <span className="heat heat--alert">{t("surveillance.legendAlert")}</span> <span className="heat heat--2">{t("surveillance.legendCases")}</span>
          </p>
          <SelectField label={t("surveillance.curveOf")} value={curve} onChange={(e) => setCurveOf(e.target.value)} options={conditions.map((c) => ({ value: c, label: names.get(c) ?? c }))} />
          <LineChart title={names.get(curve) ?? curve} days={curveWeeks} series={[{ label: t("surveillance.cases"), values: curveValues, colour: "#b42318" }]} />
        </>
      )}
    </section>
  );
}
