import { useEffect, useState } from "react";
import { gql } from "../../api/client";
import { LineChart } from "../../components/LineChart";
import { SelectField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { BedsNowQuery, OccupancyHistoryQuery } from "../../gql/types";
import { BEDS_NOW } from "./queries";

type Counts = BedsNowQuery["bedOccupancy"]["rows"][number]["counts"];

/** Beds now by type (everything the caller oversees), and the last 30 days for all types or one. */
export function OccupancyPanel({ history }: { history: OccupancyHistoryQuery["occupancyHistory"] | null }) {
  const { t } = useI18n();
  const [now, setNow] = useState<Map<string, Counts>>(new Map());
  const [type, setType] = useState("");
  useEffect(() => {
    gql<BedsNowQuery>(BEDS_NOW).then(
      (d) => {
        // One line per bed type, summed over the districts.
        const byType = new Map<string, Counts>();
        for (const r of d.bedOccupancy.rows) {
          const c = byType.get(r.bedType) ?? { total: 0, occupied: 0, reserved: 0, free: 0, outOfService: 0 };
          byType.set(r.bedType, {
            total: c.total + r.counts.total,
            occupied: c.occupied + r.counts.occupied,
            reserved: c.reserved + r.counts.reserved,
            free: c.free + r.counts.free,
            outOfService: c.outOfService + r.counts.outOfService,
          });
        }
        setNow(byType);
      },
      () => setNow(new Map()),
    );
  }, []);
  const rows = history?.days.filter((d) => !type || d.bedType === type) ?? [];
  const days = Array.from(new Set(rows.map((d) => d.day))).sort();
  const sum = (day: string, key: "total" | "occupied") => rows.filter((d) => d.day === day).reduce((n, d) => n + d[key], 0);
  const types = Array.from(new Set([...(history?.days.flatMap((d) => (d.bedType ? [d.bedType] : [])) ?? []), ...now.keys()])).sort();
  const label = (ty: string) => t(`bedType.${ty}` as MessageKey);
  return (
    <section aria-label={t("occupancy.title")}>
      {now.size > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t("occupancy.now")}</caption>
            <thead>
              <tr>
                <th>{t("occupancy.type")}</th>
                <th>{t("occupancy.occupied")}</th>
                <th>{t("occupancy.reserved")}</th>
                <th>{t("occupancy.free")}</th>
                <th>{t("occupancy.out")}</th>
                <th>{t("occupancy.beds")}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(now.entries()).map(([ty, c]) => (
                <tr key={ty}>
                  <td>{label(ty)}</td>
                  <td>{c.occupied}</td>
                  <td>{c.reserved}</td>
                  <td>{c.free}</td>
                  <td>{c.outOfService}</td>
                  <td>{c.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history && history.days.length > 0 && (
        <>
          <SelectField label={t("occupancy.type")} value={type} onChange={(e) => setType(e.target.value)} options={[{ value: "", label: t("inpatients.any") }, ...types.map((ty) => ({ value: ty, label: label(ty) }))]} />
          <LineChart
            title={type ? `${t("occupancy.title")} · ${label(type)}` : t("occupancy.title")}
            days={days}
            series={[
              { label: t("occupancy.beds"), values: days.map((d) => sum(d, "total")), colour: "#6b7280" },
              { label: t("occupancy.occupied"), values: days.map((d) => sum(d, "occupied")), colour: "#1d4ed8" },
            ]}
          />
          <p>
            {t("occupancy.stays", {
              discharges: history.discharges,
              alos: history.averageLengthOfStayDays ?? "—",
              turnover: history.bedTurnover ?? "—",
            })}
          </p>
        </>
      )}
    </section>
  );
}
