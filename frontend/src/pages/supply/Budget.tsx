import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { authorisedBlobUrl, gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { BudgetQuery, BudgetQueryVariables } from "../../gql/types";
import { BUDGET } from "./queries.counts";

type Head = BudgetQuery["budgetHeads"][number];

/** India's financial year (April to March) of a day, as "2026-27". */
export function financialYear(d: Date): string {
  const start = d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Each head's allocation as a bar: spent, then committed, then what is left. */
function HeadBar({ h }: { h: Head }) {
  const { t } = useI18n();
  const whole = Math.max(h.allocationPaise, h.spentPaise + h.committedPaise, 1);
  const pc = (x: number) => `${(100 * x) / whole}%`;
  return (
    <span className="bars__track" role="img" aria-label={t("supply.budget.barLabel", { percent: Math.round(h.utilisationPercent) })}>
      <span className="bars__bar" style={{ width: pc(h.spentPaise) }} />
      <span className="bars__bar bars__bar--coming" style={{ width: pc(h.committedPaise) }} />
    </span>
  );
}

/** The budget view: each head of the financial year with allocation, committed
 *  (open orders), spent (goods accepted) and balance; and the purchase orders. */
export default function Budget() {
  const { t, number: n, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const current = financialYear(new Date());
  const year = params.get("year") ?? current;
  const [data, setData] = useState<BudgetQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setData(null);
    gql<BudgetQuery, BudgetQueryVariables>(BUDGET, { financialYear: year }).then(setData, setError);
  }, [year]);
  const rupees = (paise: number) => `₹${n(Math.round(paise / 100))}`;
  const years = [0, 1, 2].map((k) => {
    const start = Number(current.slice(0, 4)) - k;
    return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
  });
  const heads = data?.budgetHeads ?? [];
  const names = new Map(heads.map((h) => [h.id, `${h.code} · ${h.name}`]));
  const orders = (data?.purchaseOrders ?? []).filter((o) => names.has(o.budgetHeadId));
  const download = async () => {
    try {
      window.open(await authorisedBlobUrl(`/supply/reports/budget.csv?year=${encodeURIComponent(year)}`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <h1>{t("supply.budget.title")}</h1>
      <ErrorText error={error} />
      <div className="filters">
        <SelectField
          label={t("supply.budget.year")}
          value={year}
          onChange={(e) => setParams({ year: e.target.value })}
          options={years.map((y) => ({ value: y, label: y }))}
        />
      </div>
      <p>
        <button type="button" className="link" onClick={() => void download()}>
          {t("supply.budget.csv")}
        </button>
      </p>
      {data && heads.length === 0 && <p>{t("supply.budget.none", { year })}</p>}
      <ul className="cards">
        {heads.map((h) => (
          <li key={h.id} className="panel">
            <p>
              <strong>
                {h.code} · {h.name}
              </strong>{" "}
              · {t("supply.budget.used", { percent: n(Math.round(h.utilisationPercent)) })}
            </p>
            <HeadBar h={h} />
            <p>
              {t("supply.budget.figures", {
                allocation: rupees(h.allocationPaise),
                committed: rupees(h.committedPaise),
                spent: rupees(h.spentPaise),
                balance: rupees(h.balancePaise),
              })}
            </p>
          </li>
        ))}
      </ul>
      {orders.length > 0 && (
        <>
          <h2>{t("supply.budget.orders")}</h2>
          <ul className="cards">
            {orders.map((o) => (
              <li key={o.id} className="panel">
                <p>
                  <span className={o.status === "RECEIVED" ? "pill pill--ok" : "pill pill--warn"}>{t(`supply.orderStatus.${o.status}` as MessageKey)}</span> <strong>{o.number}</strong> · {o.supplier} ·{" "}
                  {rupees(o.totalPaise)}
                </p>
                <p>
                  {names.get(o.budgetHeadId)} · {t("supply.budget.ordered", { on: date(o.orderedOn), expected: date(o.expectedOn) })}
                  {o.leadTimeDays != null && ` · ${t("supply.budget.leadTime", { days: o.leadTimeDays })}`}
                </p>
                {o.overrideReason && <p>{t("supply.budget.override", { reason: o.overrideReason })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
