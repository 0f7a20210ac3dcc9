import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { gql } from "../../api/client";
import { subscribe } from "../../api/live";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  AdmissionsChangedSubscription,
  AdmittedQuery,
  AdmittedQueryVariables,
  ConditionCategory,
  LifeSupport,
  OccupancyHistoryQuery,
  OccupancyHistoryQueryVariables,
  WardsInSightQuery,
} from "../../gql/types";
import { CATEGORIES, SUPPORT } from "./labels";
import { ObservationRule } from "./ObservationRule";
import { OccupancyPanel } from "./OccupancyPanel";
import { todayInIndia } from "./MedicationRound";
import { ADMISSIONS_CHANGED, ADMITTED, OCCUPANCY_HISTORY, WARDS_IN_SIGHT } from "./queries";

/** Thirty days back from an ISO date. */
function monthBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
}

/** Officials' and ward staff's list of admitted patients: counts at the top, the sickest first. */
export default function Inpatients() {
  const { t } = useI18n();
  const { has } = useAuth();
  const [params, setParams] = useSearchParams();
  const category = (params.get("category") ?? "") as ConditionCategory | "";
  const support = (params.get("support") ?? "") as LifeSupport | "";
  const facility = params.get("facility") ?? "";
  const ward = params.get("ward") ?? "";
  const minStay = params.get("minStay") ?? "";
  const [wards, setWards] = useState<WardsInSightQuery["wardsInSight"]>([]);
  const [list, setList] = useState<AdmittedQuery["admittedPatients"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<OccupancyHistoryQuery["occupancyHistory"] | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    gql<WardsInSightQuery>(WARDS_IN_SIGHT).then((d) => setWards(d.wardsInSight), setError);
    const to = todayInIndia();
    // Officials and ward staff alike; a caller seeing several facilities one by one gets none.
    gql<OccupancyHistoryQuery, OccupancyHistoryQueryVariables>(OCCUPANCY_HISTORY, { from: monthBefore(to), to }).then(
      (d) => setHistory(d.occupancyHistory),
      () => setHistory(null),
    );
  }, []);
  // Live: any admission, condition change, transfer or discharge in sight reloads the list.
  useEffect(() => subscribe<AdmissionsChangedSubscription>(ADMISSIONS_CHANGED, {}, () => setChanges((n) => n + 1), () => {}), []);
  useEffect(() => {
    const days = Number.parseInt(minStay, 10);
    const filter = { category: category || null, lifeSupport: support ? [support] : [], facilityId: facility || null, wardId: ward || null, minStayDays: Number.isFinite(days) && days > 0 ? days : null };
    gql<AdmittedQuery, AdmittedQueryVariables>(ADMITTED, { filter }).then((d) => setList(d.admittedPatients), setError);
  }, [category, support, facility, ward, minStay, changes]);
  const facilities = Array.from(new Map(wards.map((w) => [w.ward.facilityId, w.facilityName])).entries());

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const count = (c: ConditionCategory) => list?.byCategory.find((x) => x.category === c)?.patients ?? 0;
  const ventilated = list?.byLifeSupport.filter((x) => x.lifeSupport === "INVASIVE_VENTILATION" || x.lifeSupport === "NON_INVASIVE_VENTILATION").reduce((n, x) => n + x.patients, 0) ?? 0;

  return (
    <section>
      <h1>{t("inpatients.title")}</h1>
      <ErrorText error={error} />
      <h2>{t("inpatients.wards")}</h2>
      {wards.length === 0 ? (
        <p>{t("inpatients.noWards")}</p>
      ) : (
        <ul className="chips">
          {wards.map((w) => (
            <li key={w.ward.id}>
              <Link to={`/wards/${w.ward.id}`}>
                {w.ward.name} · {w.facilityName}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list && (
        <p className="counts" aria-live="polite">
          <strong>{t("inpatients.total", { n: list.total })}</strong> · {t("category.CRITICAL")}: {count("CRITICAL") + count("ACTIVELY_DYING")} · {t("category.MODERATE")}: {count("MODERATE")} · {t("inpatients.ventilated")}: {ventilated}
        </p>
      )}
      <OccupancyPanel history={history} />
      {has("STATE_ADMIN") && <ObservationRule />}
      <div className="filters">
        <SelectField
          label={t("inpatients.filterCategory")}
          value={category}
          onChange={(e) => set("category", e.target.value)}
          options={[{ value: "", label: t("inpatients.any") }, ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) }))]}
        />
        <SelectField
          label={t("inpatients.filterSupport")}
          value={support}
          onChange={(e) => set("support", e.target.value)}
          options={[{ value: "", label: t("inpatients.any") }, ...SUPPORT.map((s) => ({ value: s, label: t(`support.${s}` as MessageKey) }))]}
        />
        {facilities.length > 1 && (
          <SelectField
            label={t("inpatients.filterFacility")}
            value={facility}
            onChange={(e) => set("facility", e.target.value)}
            options={[{ value: "", label: t("inpatients.any") }, ...facilities.map(([id, name]) => ({ value: id, label: name }))]}
          />
        )}
        <SelectField
          label={t("inpatients.filterWard")}
          value={ward}
          onChange={(e) => set("ward", e.target.value)}
          options={[{ value: "", label: t("inpatients.any") }, ...wards.filter((w) => !facility || w.ward.facilityId === facility).map((w) => ({ value: w.ward.id, label: `${w.ward.name} · ${w.facilityName}` }))]}
        />
        <TextField label={t("inpatients.filterStay")} inputMode="numeric" value={minStay} onChange={(e) => set("minStay", e.target.value.replace(/\D/g, ""))} />
      </div>
      {list && list.patients.length === 0 && <p>{t("inpatients.none")}</p>}
      {list && list.patients.length > 0 && (
        <div className="table-scroll">
          <table aria-label={t("inpatients.title")}>
            <thead>
              <tr>
                <th>{t("inpatients.patient")}</th>
                <th>{t("inpatients.where")}</th>
                <th>{t("inpatients.condition")}</th>
                <th>{t("inpatients.stay")}</th>
              </tr>
            </thead>
            <tbody>
              {list.patients.map((a) => (
                <tr key={a.id} className={a.category === "CRITICAL" || a.category === "ACTIVELY_DYING" ? "row--alert" : undefined}>
                  <td>
                    {a.name ?? "—"} {a.healthId && <small>({a.healthId})</small>}
                  </td>
                  <td>
                    <Link to={`/wards/${a.wardId}?bed=${a.bedId}`}>
                      {a.facilityName} · {a.wardName} · {a.bedLabel}
                    </Link>
                  </td>
                  <td>
                    {a.category ? t(`category.${a.category}` as MessageKey) : "—"}
                    {a.lifeSupport && a.lifeSupport !== "NONE" && <> · {t(`support.${a.lifeSupport}` as MessageKey)}</>}
                    {a.news2 != null && <> · {t("stay.news2", { score: a.news2 })}</>}
                    {a.overdue && <span className="pill pill--alert"> {t("inpatients.overdue")}</span>}
                  </td>
                  <td>{a.lengthOfStayDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
