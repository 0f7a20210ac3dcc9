import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useParam } from "../../hooks/useParam";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { SupplyAlertsQuery } from "../../gql/types";
import { SUPPLY_ALERTS } from "./queries.counts";

type Alert = SupplyAlertsQuery["supplyAlerts"][number];

const KINDS = ["STOCK_OUT", "BELOW_MINIMUM", "EXPIRED", "EXPIRING_SOON", "EXPIRING"] as const;
const KIND_CLASS: Record<string, string> = { STOCK_OUT: "pill pill--alert", EXPIRED: "pill pill--alert", BELOW_MINIMUM: "pill pill--warn", EXPIRING_SOON: "pill pill--warn", EXPIRING: "pill" };

/** How many open alerts of each kind, as bars: what needs doing first stands out. */
function KindChart({ alerts }: { alerts: Alert[] }) {
  const { t, number: n } = useI18n();
  const counts = KINDS.map((k) => ({ k, c: alerts.filter((a) => a.kind === k).length }));
  const top = Math.max(1, ...counts.map((x) => x.c));
  return (
    <section aria-labelledby="alert-kinds">
      <h2 id="alert-kinds">{t("supply.alerts.byKind")}</h2>
      <ul className="bars">
        {counts.map(({ k, c }) => (
          <li key={k}>
            <span className="bars__label">
              {t(`supply.alertKind.${k}` as MessageKey)}: {n(c)}
            </span>
            <span className="bars__track" aria-hidden="true">
              <span className={`bars__bar${k === "STOCK_OUT" || k === "EXPIRED" ? " bars__bar--low" : ""}`} style={{ width: `${(100 * c) / top}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Open supply alerts of every store in reach (stock-out, below minimum, batches
 *  expired or expiring), as the maintenance task last checked them; filters are kept
 *  in the address so reload and back keep them. */
export default function Alerts() {
  const { t, dateTime } = useI18n();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [kind, setKind] = useParam("kind");
  const [store, setStore] = useParam("store");
  useEffect(() => {
    gql<SupplyAlertsQuery>(SUPPLY_ALERTS).then((d) => setAlerts(d.supplyAlerts), setError);
  }, []);
  const stores = [...new Map((alerts ?? []).map((a) => [a.storeId, a.storeName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const inStore = (alerts ?? []).filter((a) => !store || a.storeId === store);
  const shown = inStore.filter((a) => !kind || a.kind === kind);
  return (
    <section>
      <h1>{t("supply.alerts.title")}</h1>
      <ErrorText error={error} />
      {alerts && <p role="status">{t("supply.alerts.summary", { count: alerts.length, stores: stores.length })}</p>}
      {alerts && alerts.length > 0 && <KindChart alerts={inStore} />}
      <div className="filters">
        <SelectField
          label={t("supply.store")}
          value={store}
          onChange={(e) => setStore(e.target.value)}
          options={[{ value: "", label: t("supply.alerts.allStores") }, ...stores.map(([id, name]) => ({ value: id, label: name }))]}
        />
        <SelectField
          label={t("supply.alerts.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[{ value: "", label: t("supply.alerts.allKinds") }, ...KINDS.map((k) => ({ value: k, label: t(`supply.alertKind.${k}` as MessageKey) }))]}
        />
      </div>
      {alerts && shown.length === 0 && <p>{t("supply.alerts.none")}</p>}
      <ul className="cards">
        {shown.map((a) => (
          <li key={a.id} className="panel">
            <p>
              <span className={KIND_CLASS[a.kind]}>{t(`supply.alertKind.${a.kind}` as MessageKey)}</span> <strong>{a.storeName}</strong>
            </p>
            <p>{a.message}</p>
            <p>
              <small>{t("supply.alerts.since", { when: dateTime(a.raisedAt) })}</small> · <Link to={`/stores?store=${a.storeId}`}>{t("supply.stock.title")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
