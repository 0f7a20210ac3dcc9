import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useParam } from "../../hooks/useParam";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { StoreStockQuery, StoreStockQueryVariables } from "../../gql/types";
import { STORE_STOCK } from "./queries";
import { ReturnForm } from "./ReturnForm";
import { StorePicker } from "./StorePicker";
import { useStores } from "./useStores";

export type Position = StoreStockQuery["storeStock"]["items"][number];

const STATUS_CLASS: Record<string, string> = {
  STOCK_OUT: "pill pill--alert",
  UNDER_STOCKED: "pill pill--warn",
  NORMAL: "pill pill--ok",
  OVER_STOCKED: "pill",
};
const EXPIRY_CLASS: Record<string, string> = { EXPIRED: "pill pill--alert", ALERT: "pill pill--alert", WARNING: "pill pill--warn", GOOD: "" };
const STATUSES = ["STOCK_OUT", "UNDER_STOCKED", "NORMAL", "OVER_STOCKED"] as const;

/** Months of stock as bars against the store's minimum and maximum: a store keeper
 *  sees at a glance what is about to run out and what is piling up. */
function MonthsChart({ items, min, max }: { items: Position[]; min: number; max: number }) {
  const { t, number: n } = useI18n();
  const rows = items.filter((p) => p.monthsOfStock != null || p.status === "STOCK_OUT");
  if (rows.length === 0) return null;
  const top = Math.max(max * 1.5, ...rows.map((p) => Math.min(p.monthsOfStock ?? 0, max * 3)));
  return (
    <section aria-labelledby="months-title">
      <h2 id="months-title">{t("supply.chart", { min: n(min), max: n(max) })}</h2>
      <ul className="bars">
        {rows.map((p) => {
          const m = p.monthsOfStock ?? 0;
          return (
            <li key={p.item.id}>
              <span className="bars__label">
                {p.item.name}: {n(m)} · <span className={STATUS_CLASS[p.status]}>{t(`supply.status.${p.status}` as MessageKey)}</span>
              </span>
              <span className="bars__track" aria-hidden="true">
                <span className={`bars__bar${p.status === "UNDER_STOCKED" || p.status === "STOCK_OUT" ? " bars__bar--low" : ""}`} style={{ width: `${(100 * Math.min(m, top)) / top}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A store's stock on hand: each item's usable stock, monthly use, months of stock,
 *  status and suggested indent, and its batches coloured by expiry. */
export default function Stock() {
  const { t, number: n, date } = useI18n();
  const { stores, chosen, choose, error: storesError } = useStores();
  const [data, setData] = useState<StoreStockQuery["storeStock"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  // Shown here: the item's card is rebuilt once the stock reloads.
  const [notice, setNotice] = useState<string | null>(null);
  const [text, setText] = useParam("q");
  const [status, setStatus] = useParam("status");
  useEffect(() => {
    if (!chosen) return;
    setData(null);
    gql<StoreStockQuery, StoreStockQueryVariables>(STORE_STOCK, { storeId: chosen.id }).then((d) => setData(d.storeStock), setError);
  }, [chosen?.id, changes]);

  if (stores && stores.length === 0) return <p>{t("supply.noStores")}</p>;
  const items = (data?.items ?? []).filter(
    (p) => (!status || p.status === status) && (!text || `${p.item.name} ${p.item.code}`.toLowerCase().includes(text.toLowerCase())),
  );
  const s = data?.store;
  const all = data?.items ?? [];
  return (
    <section>
      <h1>{t("supply.stock.title")}</h1>
      <ErrorText error={storesError ?? error} />
      <StorePicker stores={stores} chosen={chosen} choose={choose} stockLink={false} />
      {chosen && (
        <p>
          <Link to={`/stores/indents?store=${chosen.id}`}>{t("supply.indents.link")}</Link>
          {" · "}
          <Link to={`/stores/counts?store=${chosen.id}`}>{t("supply.counts.link")}</Link>
          {" · "}
          <Link to={`/stores/alerts?store=${chosen.id}`}>{t("supply.alerts.title")}</Link>
          {chosen.worksHere && (chosen.level === "FACILITY" || chosen.level === "WARD") && (
            <>
              {" · "}
              <Link to={`/dispensing?store=${chosen.id}`}>{t("nav.dispensing")}</Link>
            </>
          )}
        </p>
      )}
      {s && (
        <p role="status">
          {t("supply.summary", {
            items: all.length,
            out: all.filter((p) => p.status === "STOCK_OUT").length,
            under: all.filter((p) => p.status === "UNDER_STOCKED").length,
            expiring: all.filter((p) => p.expiring > 0).length,
            days: s.settings.expiryWarnDays,
          })}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {s && <MonthsChart items={all} min={s.settings.minMonths} max={s.settings.maxMonths} />}
      <div className="filters">
        <TextField label={t("supply.search")} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField
          label={t("supply.filter.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[{ value: "", label: t("supply.filter.all") }, ...STATUSES.map((x) => ({ value: x, label: t(`supply.status.${x}` as MessageKey) }))]}
        />
      </div>
      {data && items.length === 0 && <p>{t("supply.noItems")}</p>}
      <ul className="cards">
        {items.map((p) => (
          <li key={p.item.id} className="panel">
            <p>
              <span className={STATUS_CLASS[p.status]}>{t(`supply.status.${p.status}` as MessageKey)}</span>{" "}
              <strong>
                {p.item.name} {p.item.strength}
              </strong>{" "}
              · {p.item.code}
            </p>
            <p>
              {t("supply.onHand", { usable: n(p.usable), onHand: n(p.onHand) })} {p.item.unitOfIssue} ·{" "}
              {p.amc == null ? t("supply.noAmc") : `${t("supply.col.amc")}: ${n(p.amc)}`}
              {p.monthsOfStock != null && ` · ${t("supply.col.months")}: ${n(p.monthsOfStock)}`}
              {p.inTransit > 0 && ` · ${t("supply.col.transit")}: ${n(p.inTransit)}`}
              {p.suggestedQuantity > 0 && (
                <strong>
                  {" · "}
                  {t("supply.col.suggested")}: {n(p.suggestedQuantity)}
                </strong>
              )}
            </p>
            {p.daysOutOfStock > 0 && p.amc != null && <p>{t("supply.outDays", { days: p.daysOutOfStock, lookback: s?.settings.lookbackDays ?? 90 })}</p>}
            {p.wastedBeforeExpiry > 0 && (
              <p>
                <strong>{t("supply.wasted", { quantity: n(p.wastedBeforeExpiry) })}</strong>
              </p>
            )}
            {p.batches.length > 0 && (
              <ul className="chips" aria-label={t("supply.col.batches")}>
                {p.batches.map((b) => (
                  <li key={b.batchId} className={EXPIRY_CLASS[b.expiry]}>
                    {t("supply.batch", { batch: b.batchNo, quantity: n(b.quantity), date: date(b.expiresOn) })}
                    {b.expiry !== "GOOD" && ` · ${t(`supply.expiry.${b.expiry}` as MessageKey, { days: b.expiry === "ALERT" ? (s?.settings.expiryAlertDays ?? 30) : (s?.settings.expiryWarnDays ?? 90) })}`}
                    {b.blocked && ` · ${t("supply.blocked", { why: b.blocked })}`}
                  </li>
                ))}
              </ul>
            )}
            {chosen?.worksHere && chosen.parentId && p.batches.length > 0 && (
              <details>
                <summary>{t("supply.return.open")}</summary>
                <ReturnForm
                  key={`${p.item.id}-${p.onHand}`}
                  storeId={chosen.id}
                  position={p}
                  onDone={(m) => {
                    setNotice(m);
                    setChanges((c) => c + 1);
                  }}
                />
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
