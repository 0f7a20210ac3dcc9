/** ISO weeks in India's calendar, as the API writes them (`2026W49`). */

/** Today's date in India. */
export function indiaToday(now = Date.now()): Date {
  const d = new Date(now + 330 * 60_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The ISO week of a (UTC midnight) date. */
export function isoWeek(d: Date): string {
  const t = new Date(d);
  const day = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - day + 3); // Thursday of the week
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}W${week}`;
}

/** The week `n` weeks before the week of `d`. */
export function weeksBefore(d: Date, n: number): string {
  return isoWeek(new Date(d.getTime() - n * 7 * 86_400_000));
}
