import { useCallback, useEffect, useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  ChangeEquipmentStatusMutation,
  ChangeEquipmentStatusMutationVariables,
  EquipmentStatus,
  FacilityEquipmentQuery,
  FacilityEquipmentQueryVariables,
} from "../../gql/types";
import { CHANGE_EQUIPMENT_STATUS, FACILITY_EQUIPMENT } from "./queries";

type Item = FacilityEquipmentQuery["equipment"][number];
const STATUSES: EquipmentStatus[] = ["FUNCTIONAL", "UNDER_REPAIR", "CONDEMNED"];

function StatusChange({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<EquipmentStatus>(item.status === "FUNCTIONAL" ? "UNDER_REPAIR" : "FUNCTIONAL");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const save = async () => {
    setError(null);
    try {
      const r = await run((key) =>
        gql<ChangeEquipmentStatusMutation, ChangeEquipmentStatusMutationVariables>(CHANGE_EQUIPMENT_STATUS, { id: item.id, expectedVersion: item.version, status, note: note || null }, { idempotencyKey: key }),
      );
      if (r) onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <SelectField label={t("oxygen.equipment.newStatus")} value={status} onChange={(e) => setStatus(e.target.value as EquipmentStatus)} options={STATUSES.map((s) => ({ value: s, label: t(`equipment.status.${s}`) }))} error={fieldError(error, "status")} />
      <TextField label={t("oxygen.equipment.note")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("oxygen.equipment.change")}
      </button>
    </form>
  );
}

/** One facility's register: each item, its status and history, and a status change. */
export function FacilityEquipment({ facilities }: { facilities: { value: string; label: string }[] }) {
  const { t, date, dateTime } = useI18n();
  // The list arrives after the first render: the first facility until one is chosen.
  const [chosen, setFacility] = useState("");
  const facility = chosen || facilities[0]?.value || "";
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (!facility) return;
    gql<FacilityEquipmentQuery, FacilityEquipmentQueryVariables>(FACILITY_EQUIPMENT, { facilityId: facility }).then((d) => setItems(d.equipment), setError);
  }, [facility]);
  useEffect(load, [load]);
  if (facilities.length === 0) return null;
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t("oxygen.equipment.register")}</h2>
      <SelectField label={t("oxygen.facility")} value={facility} onChange={(e) => setFacility(e.target.value)} options={facilities} />
      <ErrorText error={error} />
      {items && items.length === 0 && <p>{t("oxygen.equipment.none")}</p>}
      <ul className="cards">
        {items?.map((i) => (
          <li key={i.id} className="panel">
            <p>
              <strong>{t(`equipment.kind.${i.kind ?? "MONITOR"}` as MessageKey)}</strong> · {i.make} {i.model} · {i.serialNumber}{" "}
              <span className={i.status === "FUNCTIONAL" ? "pill pill--ok" : "pill pill--warn"}>{t(`equipment.status.${i.status ?? "FUNCTIONAL"}` as MessageKey)}</span>
            </p>
            {i.lastMaintenanceOn && <p>{t("oxygen.equipment.maintained", { on: date(i.lastMaintenanceOn) })}</p>}
            <details>
              <summary>{t("oxygen.equipment.history")}</summary>
              <ol>
                {i.history.map((h) => (
                  <li key={h.at}>
                    {dateTime(h.at)}: {t(`equipment.status.${h.status ?? "FUNCTIONAL"}` as MessageKey)}
                    {h.note && ` (${h.note})`}
                  </li>
                ))}
              </ol>
            </details>
            {i.status !== "CONDEMNED" && <StatusChange item={i} onDone={load} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
