import { useI18n } from "../../i18n";
import { downloadCsv, toCsv } from "../../components/csv";
import { Sparkline } from "../../components/Sparkline";
import { FIGURE_KEYS, figureLabel, figureText, type Figures } from "./figures";

export interface Row {
  key: string;
  label: string;
  figures: Figures;
  /** Outpatient visits month by month, drawn beside the name. */
  trend?: number[];
}

/** Rows of indicators (districts, facilities, departments…), every indicator a column,
 *  with each row's outpatient visits month by month as a small line where given, or a
 *  bar of its visits and admissions against the largest, so the busiest and the
 *  changing stand out; downloadable as the same table in CSV. */
export function IndicatorTable({ id, title, first, rows, file, onPick }: { id: string; title: string; first: string; rows: Row[]; file: string; onPick?: (key: string) => void }) {
  const { t, number: n } = useI18n();
  const top = Math.max(1, ...rows.map((r) => r.figures.admissions + r.figures.opdVisits));
  function csv() {
    const head = [first, ...FIGURE_KEYS.map((k) => figureLabel(t, k)), t("ind.beds")];
    downloadCsv(file, toCsv(head, rows.map((r) => [r.label, ...FIGURE_KEYS.map((k) => r.figures[k] ?? ""), r.figures.beds])));
  }
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("ind.nothing")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          <table>
            <thead>
              <tr>
                <th scope="col">{first}</th>
                {FIGURE_KEYS.map((k) => (
                  <th key={k} scope="col">
                    {figureLabel(t, k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {onPick ? (
                      <button type="button" className="link" onClick={() => onPick(r.key)}>
                        {r.label}
                      </button>
                    ) : (
                      r.label
                    )}
                    {r.trend ? (
                      <>
                        <br />
                        <Sparkline label={t("ind.trendOf", { name: r.label })} values={r.trend} />
                      </>
                    ) : (
                      <span className="bars__track" aria-hidden="true">
                        <span className="bars__bar" style={{ width: `${(100 * (r.figures.admissions + r.figures.opdVisits)) / top}%` }} />
                      </span>
                    )}
                  </th>
                  {FIGURE_KEYS.map((k) => (
                    <td key={k}>{figureText(n, r.figures, k)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <button type="button" className="secondary no-print" onClick={csv}>
          {t("emr.csv")}
        </button>
      )}
    </section>
  );
}
