import { useI18n } from "../../i18n";
import { downloadCsv, toCsv } from "../../components/csv";
import type { ScoreIndicator, StandingFieldsFragment } from "../../gql/types";
import { indicatorLabel, rankingRows, trendOf } from "./scorecards";

type Standing = StandingFieldsFragment & { district?: string | null; previousScore?: number | null; previousRank?: number | null };

/** A ranking: each hospital's rank, its score as a bar out of 100, its move against
 *  the period before (when given), and every indicator's value with the points it
 *  earned; the unranked last, marked. Downloadable as CSV. */
export function RankingTable({ id, title, items, hospitals, file, trend }: { id: string; title: string; items: ScoreIndicator[]; hospitals: Standing[]; file: string; trend: boolean }) {
  const { t, number: n } = useI18n();
  function csv() {
    const head = [t("sc.rank"), t("emr.facility"), t("emr.district"), t("sc.volume"), t("sc.score"), ...items.flatMap((i) => [indicatorLabel(t, i), t("sc.pointsOf", { name: indicatorLabel(t, i) })]), t("sc.previousScore"), t("sc.previousRank")];
    downloadCsv(file, toCsv(head, rankingRows(hospitals)));
  }
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {hospitals.length === 0 ? (
        <p className="muted">{t("sc.noHospitals")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("sc.rank")}</th>
                <th scope="col">{t("emr.facility")}</th>
                <th scope="col">{t("sc.score")}</th>
                {trend && <th scope="col">{t("sc.trend")}</th>}
                {items.map((i) => (
                  <th key={i} scope="col">
                    {indicatorLabel(t, i)}
                  </th>
                ))}
                <th scope="col">{t("sc.volume")}</th>
              </tr>
            </thead>
            <tbody>
              {hospitals.map((h) => {
                const move = trendOf(h.score, h.previousScore ?? null);
                return (
                  <tr key={h.facilityId}>
                    <td>{h.rank === null ? t("sc.notRanked") : n(h.rank)}</td>
                    <th scope="row">
                      {h.name}
                      {h.district && <small className="muted"> · {h.district}</small>}
                    </th>
                    <td>
                      {h.score === null ? "–" : n(h.score)}
                      <span className="bars__track" aria-hidden="true">
                        <span className="bars__bar" style={{ width: `${h.score ?? 0}%` }} />
                      </span>
                    </td>
                    {trend && (
                      <td>
                        {move.kind === "new"
                          ? t("sc.trend.new")
                          : t(`sc.trend.${move.kind}`, { delta: n(Math.abs(move.delta)), rank: h.previousRank === null || h.previousRank === undefined ? "–" : n(h.previousRank) })}
                      </td>
                    )}
                    {h.parts.map((p) => (
                      <td key={p.indicator}>
                        {p.value === null ? t("sc.missing") : n(p.value)}
                        {h.rank !== null && <small className="muted"> ({t("sc.points", { n: n(p.points) })})</small>}
                      </td>
                    ))}
                    <td>{n(h.volume)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hospitals.length > 0 && (
        <button type="button" className="secondary no-print" onClick={csv}>
          {t("emr.csv")}
        </button>
      )}
    </section>
  );
}
