import { useEffect, useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { StoreIndentsQuery, StoreIndentsQueryVariables, StoreStockQuery, StoreStockQueryVariables } from "../../gql/types";
import { IndentCard, type IndentView } from "./IndentCard";
import { INDENTS, STORE_STOCK } from "./queries";
import { RaiseIndent } from "./RaiseIndent";
import type { Position } from "./Stock";
import { StorePicker } from "./StorePicker";
import { useStores } from "./useStores";

/** A store's indents: those it raised (to receive when issued) and those it must
 *  answer (approve, then issue); and the form to ask the store above. */
export default function Indents() {
  const { t } = useI18n();
  const { stores, chosen, choose, error: storesError } = useStores();
  const [list, setList] = useState<IndentView[] | null>(null);
  const [items, setItems] = useState<Position[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (!chosen) return;
    gql<StoreIndentsQuery, StoreIndentsQueryVariables>(INDENTS, { storeId: chosen.id }).then((d) => setList(d.indents), setError);
    gql<StoreStockQuery, StoreStockQueryVariables>(STORE_STOCK, { storeId: chosen.id }).then((d) => setItems(d.storeStock.items), setError);
  }, [chosen?.id, changes]);
  const changed = () => setChanges((c) => c + 1);
  // Shown here, not in the form: the form is rebuilt once the indent is sent.
  const [sent, setSent] = useState<string | null>(null);
  if (stores && stores.length === 0) return <p>{t("supply.noStores")}</p>;
  return (
    <section className="supply-print">
      <h1>{chosen ? t("supply.indents.title", { store: chosen.name }) : t("supply.indents.link")}</h1>
      <ErrorText error={storesError ?? error} />
      <StorePicker stores={stores} chosen={chosen} choose={choose} />
      {chosen?.worksHere && chosen.parentId && items.length > 0 && (
        <RaiseIndent
          key={`${chosen.id}-${changes}`}
          storeId={chosen.id}
          items={items}
          onDone={(number) => {
            setSent(number);
            changed();
          }}
        />
      )}
      {sent && <p role="status">{t("supply.indents.sent", { number: sent })}</p>}
      {list && list.length === 0 && <p>{t("supply.indents.none")}</p>}
      <ul className="cards">
        {chosen && list?.map((i) => <IndentCard key={`${i.id}-${i.version}`} indent={i} storeId={chosen.id} worksHere={chosen.worksHere} onDone={changed} />)}
      </ul>
    </section>
  );
}
