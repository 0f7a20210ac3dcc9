import { useCallback, useEffect, useState } from "react";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { cachedGql } from "../../offline/cache";
import type { EmrRolloutQuery, EmrRolloutQueryVariables, FacilityType } from "../../gql/types";
import { FACILITY_TYPES } from "../Facilities";
import { DeadlineForm } from "./DeadlineForm";
import { NotAdoptedList } from "./NotAdoptedList";
import { ReadinessImport } from "./ReadinessImport";
import { RolloutGroups } from "./RolloutGroups";
import { EMR_ROLLOUT } from "./queries";
import { ITEMS, itemLabel, lackingOf, typeLabel, type Rollout } from "./rollout";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * The EMR roll-out: how many facilities keep electronic records and how that grew
 * month by month, by district and by type, what those not yet adopted lack, and who is
 * at risk of missing the deadline. Filters are kept in the address (reload and back
 * keep them). The state sets the deadline; state and district officers load sheets.
 */
export default function EmrRollout() {
  const { t, number: n, date } = useI18n();
  const auth = useAuth();
  const admin = auth.has("STATE_ADMIN", "DISTRICT_ADMIN");
  const [unit, setUnit] = useParam("district");
  const [type, setType] = useParam("type");
  const [data, setData] = useState<Rollout | null>(null);
  const [districts, setDistricts] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    const vars: EmrRolloutQueryVariables = { unitId: unit || null, facilityType: (type || null) as FacilityType | null };
    cachedGql<EmrRolloutQuery, EmrRolloutQueryVariables>("emrRollout", EMR_ROLLOUT, vars).then((d) => {
      setData(d.emrRollout);
      if (!unit) setDistricts(d.emrRollout.byDistrict.filter((g) => g.key).map((g) => ({ value: g.key as string, label: g.label })));
    }, setError);
  }, [unit, type]);
  useEffect(load, [load]);
  const all = data?.all;
  const deadline = data?.deadline;
  return (
    <section>
      <h1>{t("emr.title")}</h1>
      <p className="muted">{t("emr.intro")}</p>
      <div className="filters no-print">
        <SelectField
          label={t("emr.district")}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          options={[{ value: "", label: t("emr.allDistricts") }, ...(districts.some((d) => d.value === unit) || !unit ? districts : [...districts, { value: unit, label: data?.byDistrict[0]?.label ?? unit }])]}
        />
        <SelectField label={t("emr.type")} value={type} onChange={(e) => setType(e.target.value)} options={[{ value: "", label: t("facilities.any") }, ...FACILITY_TYPES.map((v) => ({ value: v, label: t(`facilityType.${v}` as MessageKey) }))]} />
      </div>
      <ErrorText error={error} />
      {!data && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {data && all && (
        <>
          <div className="stats">
            <div className="stat">
              <strong className="stat__value">{n(all.adoptedPercent)}%</strong>
              <span className="stat__label">{t("emr.adoptedOf", { adopted: n(all.adopted), total: n(all.total) })}</span>
            </div>
            <div className="stat">
              <strong className="stat__value">{n(all.atRisk + all.overdue)}</strong>
              <span className="stat__label">{t("emr.atRiskTile", { overdue: n(all.overdue) })}</span>
            </div>
            <div className="stat">
              {deadline ? (
                <>
                  <strong className="stat__value">{date(deadline.deadline)}</strong>
                  <span className="stat__label">{daysBetween(data.today, deadline.deadline) >= 0 ? t("emr.daysLeft", { n: n(daysBetween(data.today, deadline.deadline)) }) : t("emr.deadlinePassed")}</span>
                </>
              ) : (
                <span className="stat__label">{t("emr.noDeadline")}</span>
              )}
            </div>
          </div>
          <section aria-labelledby="lacking-title" className="card">
            <h2 id="lacking-title">{t("emr.lackingTitle")}</h2>
            <ul className="bars">
              {ITEMS.map((i) => (
                <li key={i}>
                  <span className="bars__label">
                    {itemLabel(t, i)}: {n(lackingOf(all, i))}
                  </span>
                  <span className="bars__track" aria-hidden="true">
                    <span className="bars__bar bars__bar--low" style={{ width: `${(100 * lackingOf(all, i)) / Math.max(1, all.total - all.adopted)}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <LineChart
            title={t("emr.trend")}
            days={data.monthly.map((m) => m.month)}
            series={[
              { label: t("emr.facilities"), values: data.monthly.map((m) => m.facilities), colour: "#6b7280" },
              { label: t("emr.adopted"), values: data.monthly.map((m) => m.adopted), colour: "#1f6f4a" },
            ]}
          />
          <RolloutGroups
            id="by-district"
            title={t("emr.byDistrict")}
            first={t("emr.district")}
            groups={data.byDistrict.map((g) => ({ key: g.key ?? "", label: g.key ? g.label : t("emr.noDistrict"), tally: g.tally }))}
            file={`emr-by-district-${data.today}.csv`}
            onPick={setUnit}
          />
          <RolloutGroups
            id="by-type"
            title={t("emr.byType")}
            first={t("emr.type")}
            groups={data.byType.map((g) => ({ key: g.key ?? "", label: typeLabel(t, g.key), tally: g.tally }))}
            file={`emr-by-type-${data.today}.csv`}
          />
          <NotAdoptedList rollout={data} historyLinks={admin} />
          {auth.has("STATE_ADMIN") && <DeadlineForm key={deadline?.version ?? 0} current={deadline ?? null} onSaved={load} />}
          {admin && <ReadinessImport onDone={load} />}
        </>
      )}
    </section>
  );
}
