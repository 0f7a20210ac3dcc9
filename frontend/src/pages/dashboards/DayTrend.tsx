import { useEffect, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useI18n } from "../../i18n";
import { cachedGql } from "../../offline/cache";
import type { IndicatorDaysQuery, IndicatorDaysQueryVariables } from "../../gql/types";
import { figureLabel } from "./figures";
import { IndicatorTable } from "./IndicatorTable";
import { INDICATOR_DAYS } from "./indicatorQueries";

/** The last 14 days day by day, or the last 13 weeks week by week (weeks begin on
 *  Monday), of the place on screen: a line and a table with CSV. */
export function DayTrend({ unit, facility, department, today }: { unit: string; facility: string; department: string; today: string }) {
  const { t } = useI18n();
  const [span, setSpan] = useState<"days" | "weeks">("days");
  const [data, setData] = useState<IndicatorDaysQuery["indicatorDays"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    const back = span === "days" ? 13 : 90;
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    const vars: IndicatorDaysQueryVariables = { unitId: unit || null, facilityId: facility || null, from, to: today, department: department || null, weekly: span === "weeks" };
    cachedGql<IndicatorDaysQuery, IndicatorDaysQueryVariables>("indicatorDays", INDICATOR_DAYS, vars).then((d) => setData(d.indicatorDays), setError);
  }, [unit, facility, department, today, span]);
  return (
    <section className="card" aria-labelledby="day-trend">
      <h2 id="day-trend">{span === "days" ? t("ind.byDay") : t("ind.byWeek")}</h2>
      <div className="filters no-print">
        <SelectField
          label={t("ind.span")}
          value={span}
          onChange={(e) => setSpan(e.target.value as "days" | "weeks")}
          options={[
            { value: "days", label: t("ind.span.days") },
            { value: "weeks", label: t("ind.span.weeks") },
          ]}
        />
      </div>
      <ErrorText error={error} />
      {data && (
        <>
          <LineChart
            title={span === "days" ? t("ind.byDay") : t("ind.byWeek")}
            days={data.points.map((p) => p.day)}
            series={[
              { label: figureLabel(t, "opdVisits"), values: data.points.map((p) => p.figures.opdVisits), colour: "#1f6f4a" },
              { label: figureLabel(t, "admissions"), values: data.points.map((p) => p.figures.admissions), colour: "#b7791f" },
            ]}
          />
          <IndicatorTable
            id={`ind-${span}`}
            title={span === "days" ? t("ind.dayTable") : t("ind.weekTable")}
            first={span === "days" ? t("ind.rowDay") : t("ind.weekOf")}
            rows={data.points.map((p) => ({ key: p.day, label: p.day, figures: p.figures }))}
            file={`indicators-${span}-${data.from}-${data.to}.csv`}
          />
        </>
      )}
    </section>
  );
}
