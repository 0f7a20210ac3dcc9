import { useCallback, useState } from "react";

export interface PageOf<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list read a page at a time: `load(null)` starts again, `load(next)` appends the
 * next page. `fetchPage` is the screen's query with its current filter.
 */
export function usePaged<T>(fetchPage: (after: string | null) => Promise<PageOf<T>>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    (after: string | null) => {
      setError(null);
      if (!after) setRows(null);
      fetchPage(after).then((page) => {
        setRows((old) => (after ? [...(old ?? []), ...page.nodes] : page.nodes));
        setNext(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
      }, setError);
    },
    [fetchPage],
  );
  return { rows, next, error, load };
}
