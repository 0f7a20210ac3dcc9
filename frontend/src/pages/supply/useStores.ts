import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { gql } from "../../api/client";
import type { StoresQuery } from "../../gql/types";
import { STORES } from "./queries";

export type StoreRef = StoresQuery["stores"][number];

/** The stores in the caller's reach, and the one chosen (kept in the address as
 *  `?store=`, so reload and back keep it; the first worked store otherwise). */
export function useStores() {
  const [params, setParams] = useSearchParams();
  const [stores, setStores] = useState<StoreRef[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<StoresQuery>(STORES).then((d) => setStores(d.stores), setError);
  }, []);
  const wanted = params.get("store");
  const chosen = stores?.find((s) => s.id === wanted) ?? stores?.find((s) => s.worksHere) ?? stores?.[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set("store", id);
        return p;
      },
      { replace: false },
    );
  return { stores, chosen, choose, error };
}
