import { Link } from "react-router-dom";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { downloadCsv, toCsv } from "../../components/csv";
import { ITEMS, itemLabel, typeLabel, type Rollout } from "./rollout";

const STANDING_CLASS: Record<string, string> = { OVERDUE: "pill pill--alert", AT_RISK: "pill pill--warn", ON_TRACK: "pill pill--ok" };

/** Facilities not yet keeping electronic records, the worst first, each with what it
 *  still lacks and a link to its history (for those who may see it). */
export function NotAdoptedList({ rollout, historyLinks }: { rollout: Rollout; historyLinks: boolean }) {
  const { t, number: n } = useI18n();
  const rows = rollout.facilities;
  const lacking = (f: Rollout["facilities"][number]) => f.checklist.filter((c) => c.status !== "DONE").map((c) => `${itemLabel(t, c.item)} (${t(`emr.status.${c.status}` as MessageKey)})`);
  function csv() {
    const head = [t("emr.facility"), t("emr.type"), t("emr.district"), t("emr.standing"), ...ITEMS.map((i) => itemLabel(t, i))];
    const body = rows.map((f) => [f.name, f.facilityType ? t(`facilityType.${f.facilityType}` as MessageKey) : "", f.district ?? "", t(`emr.standing.${f.standing}` as MessageKey), ...ITEMS.map((i) => t(`emr.status.${f.checklist.find((c) => c.item === i)?.status ?? "NOT_STARTED"}` as MessageKey))]);
    downloadCsv(`emr-not-adopted-${rollout.today}.csv`, toCsv(head, body));
  }
  return (
    <section aria-labelledby="not-adopted" className="card">
      <h2 id="not-adopted">{t("emr.notAdoptedTitle", { n: n(rollout.notAdopted) })}</h2>
      {rows.length < rollout.notAdopted && <p className="muted">{t("emr.listedFirst", { n: n(rows.length) })}</p>}
      {rows.length === 0 && <p className="muted">{t("emr.allAdopted")}</p>}
      <ul className="plain">
        {rows.map((f) => (
          <li key={f.id} className="card">
            <span className={STANDING_CLASS[f.standing] ?? "pill"}>{t(`emr.standing.${f.standing}` as MessageKey)}</span>{" "}
            {historyLinks ? <Link to={`/dashboards/emr/${f.id}`}>{f.name}</Link> : <strong>{f.name}</strong>}
            <br />
            <small className="muted">
              {[f.facilityType ? typeLabel(t, f.facilityType) : "", f.district ?? ""].filter(Boolean).join(" · ")}
            </small>
            <br />
            <small>{lacking(f).length ? `${t("emr.lacking")}: ${lacking(f).join(", ")}` : t("emr.readyToAdopt")}</small>
          </li>
        ))}
      </ul>
      {rows.length > 0 && (
        <button type="button" className="secondary" onClick={csv}>
          {t("emr.csv")}
        </button>
      )}
    </section>
  );
}
