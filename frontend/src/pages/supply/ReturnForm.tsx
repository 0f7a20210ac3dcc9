import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { ReturnStockMutation, ReturnStockMutationVariables, ReturnReason } from "../../gql/types";
import { RETURN_STOCK } from "./queries.counts";
import type { Position } from "./Stock";

const REASONS: ReturnReason[] = ["NEAR_EXPIRY", "EXCESS", "EXPIRED", "RECALLED", "DAMAGED"];

/** Give a batch of an item back to the store above; opened from the item's card. */
export function ReturnForm({ storeId, position, onDone }: { storeId: string; position: Position; onDone: (message: string) => void }) {
  const { t, number: n } = useI18n();
  const batches = position.batches.filter((b) => b.quantity > 0);
  const [batch, setBatch] = useState(batches[0]?.batchId ?? "");
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState<ReturnReason>(batches[0]?.blocked === "expired" ? "EXPIRED" : "NEAR_EXPIRY");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const q = Math.round(Number(quantity || 0));
    try {
      const r = await run((key) =>
        gql<ReturnStockMutation, ReturnStockMutationVariables>(RETURN_STOCK, { input: { storeId, batchId: batch, quantity: q, reason, note: note.trim() || null } }, { idempotencyKey: key }),
      );
      const chosen = batches.find((b) => b.batchId === batch);
      if (r) onDone(t("supply.return.done", { quantity: n(q), batch: chosen?.batchNo ?? "", left: n(r.returnStock.out.batchBalance) }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t("supply.return.title", { item: position.item.name })}>
      <SelectField
        label={t("supply.return.batch")}
        value={batch}
        onChange={(e) => setBatch(e.target.value)}
        options={batches.map((b) => ({ value: b.batchId, label: `${b.batchNo} (${n(b.quantity)})${b.blocked ? ` · ${b.blocked}` : ""}` }))}
        error={fieldError(error, "batchId")}
      />
      <TextField label={t("supply.return.quantity")} type="number" inputMode="numeric" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} error={fieldError(error, "quantity")} />
      <SelectField
        label={t("supply.return.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value as ReturnReason)}
        options={REASONS.map((r) => ({ value: r, label: t(`supply.returnReason.${r}` as MessageKey) }))}
        error={fieldError(error, "reason")}
      />
      <TextField label={t("supply.return.note")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
      <ErrorText error={error} />
      <button type="submit" disabled={busy || !batch}>
        {t("supply.return.send")}
      </button>
    </form>
  );
}
