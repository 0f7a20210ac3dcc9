import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { ErrorText } from "./ErrorText";

/**
 * A list read page by page, as a table: the error, "loading", the empty message, the
 * rows, and a button for the next page.
 */
export function PagedTable<T>({
  rows,
  error,
  next,
  onMore,
  empty,
  head,
  row,
}: {
  rows: T[] | null;
  error: unknown;
  next: string | null;
  onMore: (after: string) => void;
  empty: string;
  head: string[];
  row: (r: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorText error={error} />
      {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {rows?.length === 0 && <p className="muted">{empty}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows.map(row)}</tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => onMore(next)}>
          {t("facilities.more")}
        </button>
      )}
    </>
  );
}
