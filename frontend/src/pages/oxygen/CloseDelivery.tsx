import { useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { CancelOxygenDeliveryMutation, CancelOxygenDeliveryMutationVariables, ReceiveOxygenDeliveryMutation, ReceiveOxygenDeliveryMutationVariables } from "../../gql/types";
import type { Delivery } from "./Deliveries";
import { CANCEL_DELIVERY, RECEIVE_DELIVERY } from "./queries";

/** The receiving facility says what arrived (a shortfall is kept), or that nothing will. */
export function CloseDelivery({ delivery, onDone }: { delivery: Delivery; onDone: () => void }) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(String(delivery.quantity));
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const close = async (arrived: boolean) => {
    setError(null);
    try {
      const r = arrived
        ? await run((key) =>
            gql<ReceiveOxygenDeliveryMutation, ReceiveOxygenDeliveryMutationVariables>(
              RECEIVE_DELIVERY,
              { id: delivery.id, expectedVersion: delivery.version, receivedQuantity: Number(quantity), note: note.trim() || null },
              { idempotencyKey: key },
            ),
          )
        : await run((key) =>
            gql<CancelOxygenDeliveryMutation, CancelOxygenDeliveryMutationVariables>(CANCEL_DELIVERY, { id: delivery.id, expectedVersion: delivery.version, note }, { idempotencyKey: key }),
          );
      if (r) onDone();
    } catch (e) {
      setError(e);
    }
  };
  // Folded: only the receiving facility's people may close it (the server says so to others).
  return (
    <details>
      <summary>{t("oxygen.ledger.close")}</summary>
      <form
        aria-label={t("oxygen.ledger.confirm", { facility: delivery.facilityName })}
        onSubmit={(e) => {
          e.preventDefault();
          void close(true);
        }}
      >
        <TextField label={t("oxygen.ledger.arrivedQuantity")} type="number" inputMode="decimal" min={0} step="any" value={quantity} onChange={(e) => setQuantity(e.target.value)} error={fieldError(error, "receivedQuantity")} />
        <TextField label={t("oxygen.ledger.note")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          {t("oxygen.ledger.receive")}
        </button>{" "}
        <button type="button" disabled={busy || note.trim() === ""} onClick={() => void close(false)}>
          {t("oxygen.ledger.cancel")}
        </button>
      </form>
    </details>
  );
}
