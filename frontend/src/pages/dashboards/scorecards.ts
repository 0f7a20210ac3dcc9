// Scorecards as the screens show them: indicator labels, values, the trend and CSV rows.
import type { ScoreDirection, ScoreIndicator, StandingFieldsFragment } from "../../gql/types";
import type { MessageKey } from "../../i18n/en";
import type { Translate } from "../../i18n";

export const SCORE_INDICATORS: ScoreIndicator[] = ["OPD_VISITS", "ADMISSIONS", "MORTALITY_RATE", "AVERAGE_LENGTH_OF_STAY", "REFERRAL_RATE"];
export const SPECIALTIES = ["medicine", "surgery", "paediatrics", "orthopaedics", "obstetrics", "icu", "hdu", "emergency", "isolation"];

export const indicatorLabel = (t: Translate, i: ScoreIndicator) => t(`sc.ind.${i}` as MessageKey);

/** The direction a new item takes: volumes higher, rates lower (as the server does). */
export const usualDirection = (i: ScoreIndicator): ScoreDirection => (i === "OPD_VISITS" || i === "ADMISSIONS" ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER");

/** How a score moved against the period before: up, down, same, or new (no score then). */
export function trendOf(score: number | null, previous: number | null): { kind: "up" | "down" | "same" | "new"; delta: number } {
  if (score === null || previous === null) return { kind: "new", delta: 0 };
  const delta = Math.round((score - previous) * 10) / 10;
  return { kind: delta > 0 ? "up" : delta < 0 ? "down" : "same", delta };
}

/** A ranking as CSV rows: rank, hospital, district, volume, score, then each indicator's
 *  value and points, then the previous score and rank when given. */
export function rankingRows(
  hospitals: (StandingFieldsFragment & { district?: string | null; previousScore?: number | null; previousRank?: number | null })[],
): unknown[][] {
  return hospitals.map((h) => [
    h.rank ?? "",
    h.name,
    h.district ?? "",
    h.volume,
    h.score ?? "",
    ...h.parts.flatMap((p) => [p.value ?? "", p.points]),
    h.previousScore ?? "",
    h.previousRank ?? "",
  ]);
}
