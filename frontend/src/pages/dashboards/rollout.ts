// Shared pieces of the EMR roll-out screens: the items' order, labels and CSV files.
import type { EmrItem, EmrRolloutQuery } from "../../gql/types";
import type { MessageKey } from "../../i18n/en";
import type { Translate } from "../../i18n";
import { toCsv } from "../../components/csv";

export type Rollout = EmrRolloutQuery["emrRollout"];
export type Tally = Rollout["all"];

export const ITEMS: EmrItem[] = ["WORKSTATIONS", "LAN", "SERVER_BACKUP", "INFORMATION_SECURITY"];

export const itemLabel = (t: Translate, item: EmrItem) => t(`emr.item.${item}` as MessageKey);

/** A facility type as the server groups it (its stored code), in the reader's language. */
export const typeLabel = (t: Translate, code: string | null) => (code ? t(`facilityType.${code.toUpperCase()}` as MessageKey) : "");

export const lackingOf = (tally: Tally, item: EmrItem) => tally.lacking.find((l) => l.item === item)?.facilities ?? 0;

/** A table of groups (districts or types) as CSV, with the same columns as on screen. */
export function groupsCsv(t: Translate, first: string, rows: { label: string; tally: Tally }[]): string {
  const head = [first, t("emr.facilities"), t("emr.adopted"), t("emr.adoptedPercent"), t("emr.atRisk"), t("emr.overdue"), ...ITEMS.map((i) => `${t("emr.lacking")}: ${itemLabel(t, i)}`)];
  return toCsv(
    head,
    rows.map((r) => [r.label, r.tally.total, r.tally.adopted, r.tally.adoptedPercent, r.tally.atRisk, r.tally.overdue, ...ITEMS.map((i) => lackingOf(r.tally, i))]),
  );
}
