// The indicators as the screens list them: their order, labels, and CSV columns.
import type { IndicatorFigureFieldsFragment } from "../../gql/types";
import type { MessageKey } from "../../i18n/en";
import type { Translate } from "../../i18n";

export type Figures = IndicatorFigureFieldsFragment;
export type FigureKey = Exclude<keyof Figures, "beds" | "days">;

/** The indicators recounted from other modules' records every few minutes (the time
 * of the last recount is shown beside them). */
export const RECOUNTED_KEYS: FigureKey[] = ["registrations", "cardsIssued", "householdsSurveyed", "surveyCoverage", "helplineCalls", "helplineInTargetRate", "professionalsVerified", "notifiableCases", "stockOuts", "oxygenDaysOfCover"];

/** Every indicator shown, counts first, then rates, then the recounted ones. */
export const FIGURE_KEYS: FigureKey[] = ["opdVisits", "admissions", "discharges", "deaths", "referralsOut", "inpatientDays", "labTests", "prescriptions", "mortalityRate", "averageLengthOfStay", "bedOccupancyRate", "bedTurnover", "labTurnaroundHours", "prescriptionsPerVisit", ...RECOUNTED_KEYS];

export const figureLabel = (t: Translate, k: FigureKey) => t(`ind.${k}` as MessageKey);

/** A value as shown: a rate with no denominator is a dash. */
export function figureText(n: (x: number) => string, f: Figures, k: FigureKey): string {
  const v = f[k];
  return v === null || v === undefined ? "–" : n(v);
}

/** The months of the last financial year (April–March) and of this one to date. */
export function financialYears(today: string): { thisYear: [string, string]; lastYear: [string, string] } {
  const [y, m] = today.split("-").map(Number);
  const start = m >= 4 ? y : y - 1;
  const thisMonth = today.slice(0, 7);
  return { thisYear: [`${start}-04`, thisMonth], lastYear: [`${start - 1}-04`, `${start}-03`] };
}

/** The `count` months ending with today's month. */
export function lastMonths(today: string, count: number): [string, string] {
  const [y, m] = today.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 - (count - 1), 1));
  return [`${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}`, today.slice(0, 7)];
}
