import { fieldError } from "../../api/errors";
import { TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { OxygenReadingsInput } from "../../gql/types";

/** What came and went since the last reading: liquid into each tank, full cylinders
 *  received and empties returned by type, each group with its supplier and challan. */
export type MovementsValue = {
  liquid: Record<string, string>;
  supplier: string;
  tanker: string;
  challan: string;
  received: Record<string, string>;
  returned: Record<string, string>;
  cylinderSupplier: string;
  cylinderChallan: string;
};

export const NO_MOVEMENTS: MovementsValue = { liquid: {}, supplier: "", tanker: "", challan: "", received: {}, returned: {}, cylinderSupplier: "", cylinderChallan: "" };

const filled = (s: string | undefined) => (s ?? "").trim() !== "";
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** The movements as the reading's input: only the lines with a number. */
export function movementsInput(v: MovementsValue, tanks: string[], types: string[]): Pick<OxygenReadingsInput, "liquidReceived" | "cylindersReceived" | "cylindersReturned"> {
  const cylinders = (counts: Record<string, string>) =>
    types.filter((id) => filled(counts[id])).map((id) => ({ cylinderTypeId: id, count: Number(counts[id]), supplier: v.cylinderSupplier, challan: orNull(v.cylinderChallan) }));
  return {
    liquidReceived: tanks
      .filter((id) => filled(v.liquid[id]))
      .map((id) => ({ sourceId: id, quantity: Number(v.liquid[id]), unit: "KILOLITRE", supplier: v.supplier, tanker: orNull(v.tanker), challan: orNull(v.challan) })),
    cylindersReceived: cylinders(v.received),
    cylindersReturned: cylinders(v.returned),
  };
}

export function Movements({
  tanks,
  types,
  value: v,
  onChange,
  error,
}: {
  tanks: { id: string; name: string }[];
  types: { id: string; name: string }[];
  value: MovementsValue;
  onChange: (v: MovementsValue) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  // Errors name the line's place among the lines sent (those with a number).
  const place = (counts: Record<string, string>, ids: string[], id: string) => ids.filter((x) => filled(counts[x])).indexOf(id);
  const tankIds = tanks.map((x) => x.id);
  const typeIds = types.map((x) => x.id);
  const anyLiquid = tankIds.some((id) => filled(v.liquid[id]));
  const anyCylinders = typeIds.some((id) => filled(v.received[id]) || filled(v.returned[id]));
  const firstError = (prefix: string, field: string) => fieldError(error, `${prefix}[0].${field}`);
  return (
    <details className="panel">
      <summary>{t("oxygen.entry.received")}</summary>
      {tanks.length > 0 && (
        <fieldset>
          <legend>{t("oxygen.entry.liquid")}</legend>
          {tanks.map((s) => (
            <TextField
              key={s.id}
              label={t("oxygen.entry.lmoKlInto", { tank: s.name })}
              inputMode="decimal"
              value={v.liquid[s.id] ?? ""}
              error={fieldError(error, `liquidReceived[${place(v.liquid, tankIds, s.id)}].quantity`)}
              onChange={(e) => onChange({ ...v, liquid: { ...v.liquid, [s.id]: e.target.value } })}
            />
          ))}
          <TextField label={t("oxygen.entry.supplier")} value={v.supplier} required={anyLiquid} error={firstError("liquidReceived", "supplier")} onChange={(e) => onChange({ ...v, supplier: e.target.value })} />
          <TextField label={t("oxygen.entry.tanker")} value={v.tanker} onChange={(e) => onChange({ ...v, tanker: e.target.value })} />
          <TextField label={t("oxygen.entry.challan")} value={v.challan} onChange={(e) => onChange({ ...v, challan: e.target.value })} />
        </fieldset>
      )}
      {types.length > 0 && (
        <fieldset>
          <legend>{t("oxygen.entry.cylinderMoves")}</legend>
          {types.map((c) => (
            <div key={c.id}>
              <TextField
                label={t("oxygen.entry.cylindersReceived", { type: c.name })}
                inputMode="numeric"
                value={v.received[c.id] ?? ""}
                error={fieldError(error, `cylindersReceived[${place(v.received, typeIds, c.id)}].count`)}
                onChange={(e) => onChange({ ...v, received: { ...v.received, [c.id]: e.target.value } })}
              />
              <TextField
                label={t("oxygen.entry.cylindersReturned", { type: c.name })}
                inputMode="numeric"
                value={v.returned[c.id] ?? ""}
                error={fieldError(error, `cylindersReturned[${place(v.returned, typeIds, c.id)}].count`)}
                onChange={(e) => onChange({ ...v, returned: { ...v.returned, [c.id]: e.target.value } })}
              />
            </div>
          ))}
          <TextField
            label={t("oxygen.entry.supplier")}
            value={v.cylinderSupplier}
            required={anyCylinders}
            error={firstError("cylindersReceived", "supplier") ?? firstError("cylindersReturned", "supplier")}
            onChange={(e) => onChange({ ...v, cylinderSupplier: e.target.value })}
          />
          <TextField label={t("oxygen.entry.challan")} value={v.cylinderChallan} onChange={(e) => onChange({ ...v, cylinderChallan: e.target.value })} />
        </fieldset>
      )}
    </details>
  );
}
