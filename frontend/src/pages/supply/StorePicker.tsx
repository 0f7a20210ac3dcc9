import { Link } from "react-router-dom";
import { SelectField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { StoreRef } from "./useStores";

/** The store a supply screen shows, chosen among those in reach, and a link back to
 *  its stock on hand. */
export function StorePicker({ stores, chosen, choose, stockLink = true }: { stores: StoreRef[] | null; chosen: StoreRef | null; choose: (id: string) => void; stockLink?: boolean }) {
  const { t } = useI18n();
  if (!stores || !chosen) return null;
  return (
    <>
      <SelectField
        label={t("supply.store")}
        value={chosen.id}
        onChange={(e) => choose(e.target.value)}
        options={stores.map((x) => ({ value: x.id, label: `${x.name} · ${t(`supply.level.${x.level}` as MessageKey)}` }))}
      />
      {stockLink && (
        <p>
          <Link to={`/stores?store=${chosen.id}`}>{t("supply.stock.title")}</Link>
        </p>
      )}
    </>
  );
}
