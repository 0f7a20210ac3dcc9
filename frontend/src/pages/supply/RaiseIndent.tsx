import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { RaiseIndentMutation, RaiseIndentMutationVariables } from "../../gql/types";
import { RAISE_INDENT } from "./queries";
import type { Position } from "./Stock";

/** The store asks the store above it: every item it holds, with the suggested
 *  quantity filled in where the item is at or below its minimum. */
export function RaiseIndent({ storeId, items, onDone }: { storeId: string; items: Position[]; onDone: (number: string) => void }) {
  const { t, number: n } = useI18n();
  const suggested = () => Object.fromEntries(items.map((p) => [p.item.id, p.suggestedQuantity > 0 ? String(p.suggestedQuantity) : ""]));
  const [qty, setQty] = useState<Record<string, string>>(suggested);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const lines = items.map((p) => ({ itemId: p.item.id, quantity: Math.round(Number(qty[p.item.id] || 0)) })).filter((l) => l.quantity > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await run((key) =>
        gql<RaiseIndentMutation, RaiseIndentMutationVariables>(RAISE_INDENT, { input: { storeId, lines, note: note.trim() || null } }, { idempotencyKey: key }),
      );
      if (r) onDone(r.raiseIndent.number);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="panel" open={items.some((p) => p.suggestedQuantity > 0)}>
      <summary>{t("supply.indents.raise")}</summary>
      <form onSubmit={submit} aria-label={t("supply.indents.raise")}>
        <p>{items.some((p) => p.suggestedQuantity > 0) ? t("supply.indents.raiseHint") : t("supply.indents.nothing")}</p>
        {items.map((p) => (
          <TextField
            key={p.item.id}
            label={t("supply.indents.quantity", { item: `${p.item.name} ${p.item.strength ?? ""}`.trim() })}
            hint={`${t("supply.onHand", { usable: n(p.usable), onHand: n(p.onHand) })}${p.amc != null ? ` · ${t("supply.col.amc")}: ${n(p.amc)}` : ""}`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={qty[p.item.id] ?? ""}
            onChange={(e) => setQty((q) => ({ ...q, [p.item.id]: e.target.value }))}
            error={fieldError(error, `lines.${lines.findIndex((l) => l.itemId === p.item.id)}.quantity`)}
          />
        ))}
        <TextField label={t("supply.indents.note")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
        <ErrorText error={error} />
        <button type="submit" disabled={busy || lines.length === 0}>
          {t("supply.indents.send")}
        </button>
      </form>
    </details>
  );
}
