import { useI18n } from "../../i18n";
import { downloadCsv } from "../../components/csv";
import { ITEMS, groupsCsv, itemLabel, lackingOf, type Tally } from "./rollout";

interface Group {
  key: string;
  label: string;
  tally: Tally;
}

/** One table of groups (districts, or facility types): how many facilities, how many
 *  adopted (as a bar too, read at a glance), at risk, and what those not yet adopted
 *  lack; downloadable as the same table in CSV. */
export function RolloutGroups({ id, title, first, groups, file, onPick }: { id: string; title: string; first: string; groups: Group[]; file: string; onPick?: (key: string) => void }) {
  const { t, number: n } = useI18n();
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {/* Focusable, so a keyboard can scroll a table wider than the phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">{t("emr.adopted")}</th>
              <th scope="col">{t("emr.atRisk")}</th>
              {ITEMS.map((i) => (
                <th key={i} scope="col">
                  {t("emr.lacking")}: {itemLabel(t, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">
                  {onPick && g.key ? (
                    <button type="button" className="link" onClick={() => onPick(g.key)}>
                      {g.label}
                    </button>
                  ) : (
                    g.label
                  )}
                </th>
                <td>
                  {t("emr.ofTotal", { adopted: n(g.tally.adopted), total: n(g.tally.total), percent: n(g.tally.adoptedPercent) })}
                  <span className="bars__track" aria-hidden="true">
                    <span className="bars__bar" style={{ width: `${g.tally.adoptedPercent}%` }} />
                  </span>
                </td>
                <td>{n(g.tally.atRisk + g.tally.overdue)}</td>
                {ITEMS.map((i) => (
                  <td key={i}>{n(lackingOf(g.tally, i))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={() => downloadCsv(file, groupsCsv(t, first, groups))}>
        {t("emr.csv")}
      </button>
    </section>
  );
}
