import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { OxygenDeliveriesQuery, OxygenDeliveriesQueryVariables, OxygenOverviewQuery } from "../../gql/types";
import { CloseDelivery } from "./CloseDelivery";
import { DispatchForm } from "./DispatchForm";
import { OXYGEN_DELIVERIES, OXYGEN_OVERVIEW } from "./queries";

export type Delivery = OxygenDeliveriesQuery["oxygenDeliveries"][number];

const STATUS_CLASS: Record<string, string> = { dispatched: "pill pill--warn", received: "pill pill--ok", cancelled: "pill" };

/** Oxygen delivered to each facility over the period: what arrived and what is on its
 *  way, as bars, so a district sees where oxygen went (and a facility taking far more
 *  than its neighbours stands out). */
function WhereItWent({ list }: { list: Delivery[] }) {
  const { t, number: n } = useI18n();
  const by = new Map<string, { name: string; received: number; coming: number }>();
  for (const d of list) {
    if (d.status === "cancelled") continue;
    const row = by.get(d.facilityId) ?? { name: d.facilityName, received: 0, coming: 0 };
    if (d.status === "received") row.received += d.quantity > 0 ? (d.nm3 * (d.receivedQuantity ?? d.quantity)) / d.quantity : 0;
    else row.coming += d.nm3;
    by.set(d.facilityId, row);
  }
  const rows = [...by.values()].sort((a, b) => b.received + b.coming - (a.received + a.coming));
  const most = Math.max(1, ...rows.map((r) => r.received + r.coming));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="went-title">
      <h2 id="went-title">{t("oxygen.ledger.whereItWent")}</h2>
      <ul className="bars">
        {rows.map((r) => (
          <li key={r.name}>
            <span className="bars__label">
              {r.name}: {t("oxygen.ledger.amounts", { received: n(Math.round(r.received)), coming: n(Math.round(r.coming)) })}
            </span>
            <span className="bars__track" aria-hidden="true">
              <span className="bars__bar" style={{ width: `${(100 * r.received) / most}%` }} />
              <span className="bars__bar bars__bar--coming" style={{ width: `${(100 * r.coming) / most}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The supply ledger: deliveries of the last 30 days to the facilities in reach, each
 *  dispatched by the committee or the facility and confirmed (or called off) by the
 *  facility when it arrives. */
export default function Deliveries() {
  const { t, dateTime, number: n } = useI18n();
  const [list, setList] = useState<Delivery[] | null>(null);
  const [facilities, setFacilities] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const from = new Date(Date.now() - 30 * 86400000).toISOString();
    gql<OxygenDeliveriesQuery, OxygenDeliveriesQueryVariables>(OXYGEN_DELIVERIES, { from }).then((d) => setList(d.oxygenDeliveries), setError);
  }, [changes]);
  useEffect(() => {
    gql<OxygenOverviewQuery>(OXYGEN_OVERVIEW).then((d) => setFacilities(d.oxygenOverview.facilities.map((f) => ({ value: f.facilityId, label: f.facilityName }))), setError);
  }, []);
  const changed = () => setChanges((c) => c + 1);
  return (
    <section>
      <h1>{t("oxygen.ledger.title")}</h1>
      <p>
        <Link to="/oxygen">{t("oxygen.dashboard.title")}</Link>
      </p>
      <ErrorText error={error} />
      {facilities.length > 0 && <DispatchForm facilities={facilities} onDone={changed} />}
      {list && <WhereItWent list={list} />}
      <h2>{t("oxygen.ledger.list")}</h2>
      {list && list.length === 0 && <p>{t("oxygen.ledger.none")}</p>}
      <ul className="cards">
        {list?.map((d) => {
          const unit = t(`oxygen.ledger.unit.${d.unit}` as MessageKey);
          return (
            <li key={d.id} className="panel">
              <p>
                <span className={STATUS_CLASS[d.status] ?? "pill"}>{t(`oxygen.ledger.status.${d.status}` as MessageKey)}</span> <strong>{d.facilityName}</strong> · {d.supplier}
                {d.vehicle && <> · {d.vehicle}</>}
                {d.challan && <> · {t("oxygen.ledger.challan", { challan: d.challan })}</>}
              </p>
              <p>
                {t("oxygen.ledger.load", { quantity: n(d.quantity), unit, nm3: n(Math.round(d.nm3)) })} ·{" "}
                {t("oxygen.ledger.times", { dispatched: dateTime(d.dispatchedAt), expected: dateTime(d.expectedAt) })}
              </p>
              {d.status === "received" && (
                <p>
                  {t("oxygen.ledger.arrived", { at: d.receivedAt ? dateTime(d.receivedAt) : "—", quantity: `${n(d.receivedQuantity ?? 0)} ${unit}` })}
                  {d.shortfall != null && d.shortfall > 0 && <strong> · {t("oxygen.ledger.short", { quantity: `${n(d.shortfall)} ${unit}` })}</strong>}
                </p>
              )}
              {d.note && <p>{d.note}</p>}
              {d.status === "dispatched" && <CloseDelivery delivery={d} onDone={changed} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
