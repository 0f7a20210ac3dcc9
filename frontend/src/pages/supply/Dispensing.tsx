import { useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  DispensePrescriptionMutation,
  DispensePrescriptionMutationVariables,
  PrescriptionsToDispenseQuery,
  PrescriptionsToDispenseQueryVariables,
} from "../../gql/types";
import { DISPENSE, TO_DISPENSE } from "./queries";
import { useStores } from "./useStores";

type Found = PrescriptionsToDispenseQuery["prescriptionsToDispense"];
type Rx = Found["prescriptions"][number];

const NOT_AVAILABLE = "-";

/** One prescription: for each line the item given (the matching one in stock first),
 *  the quantity, or "not available"; a reason for substitutes; a colleague's second
 *  signature when a controlled drug goes out. */
function DispenseForm({ storeId, rx, onDone }: { storeId: string; rx: Rx; onDone: (lines: number) => void }) {
  const { t, number: n, dateTime } = useI18n();
  // Each line starts on the matching item with the most in stock, or "not available".
  const [item, setItem] = useState<Record<number, string>>(() =>
    Object.fromEntries(
      rx.lines.map((l) => {
        const best = [...l.candidates].sort((a, b) => b.usable - a.usable)[0];
        return [l.line, best && best.usable > 0 ? best.item.id : NOT_AVAILABLE];
      }),
    ),
  );
  const [qty, setQty] = useState<Record<number, string>>({});
  const [reason, setReason] = useState<Record<number, string>>({});
  const [witness, setWitness] = useState({ login: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const chosen = (line: number) => rx.lines.find((l) => l.line === line)?.candidates.find((c) => c.item.id === item[line])?.item;
  const controlled = rx.lines.some((l) => {
    const c = chosen(l.line);
    return c && (c.schedule === "H1" || c.schedule === "X");
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lines = rx.lines
      .filter((l) => willSend(l.line))
      .map((l) => ({
        line: l.line,
        itemId: item[l.line] === NOT_AVAILABLE ? null : item[l.line],
        quantity: item[l.line] === NOT_AVAILABLE ? 0 : Math.round(Number(qty[l.line] || 0)),
        reason: reason[l.line]?.trim() || null,
      }));
    try {
      const r = await run((key) =>
        gql<DispensePrescriptionMutation, DispensePrescriptionMutationVariables>(
          DISPENSE,
          { input: { storeId, prescriptionId: rx.id, lines, witness: controlled ? witness : null } },
          { idempotencyKey: key },
        ),
      );
      if (r) onDone(r.dispensePrescription.length);
    } catch (err) {
      setError(err);
    }
  };
  // Only the lines being sent go to the server; its field names count those.
  const willSend = (line: number) => item[line] === NOT_AVAILABLE || Number(qty[line] || 0) > 0;
  const sentIndex = new Map(rx.lines.filter((l) => willSend(l.line)).map((l, i) => [l.line, i]));
  return (
    <form onSubmit={submit} className="panel" aria-label={t("supply.dispense.prescribed", { when: dateTime(rx.occurredAt) })}>
      <h2>{t("supply.dispense.prescribed", { when: dateTime(rx.occurredAt) })}</h2>
      {rx.lines.map((l) => {
        const index = sentIndex.get(l.line);
        const err = (name: string) => (index == null ? undefined : fieldError(error, `lines.${index}.${name}`));
        return (
          <fieldset key={l.line}>
            <legend>{t("supply.dispense.line", { drug: l.drugName, strength: l.strength ?? "", dose: l.dose, frequency: l.frequency })}</legend>
            {l.dispensedQuantity > 0 && <p>{t("supply.dispense.given", { quantity: n(l.dispensedQuantity) })}</p>}
            {l.dispenses.map((d, k) => (
              <p key={k}>
                {t(`supply.outcome.${d.outcome}` as MessageKey)}
                {d.quantity > 0 && `: ${n(d.quantity)}`}
                {d.reason && ` (${d.reason})`}
              </p>
            ))}
            <SelectField
              label={t("supply.dispense.item", { drug: l.drugName })}
              value={item[l.line] ?? NOT_AVAILABLE}
              onChange={(e) => setItem((x) => ({ ...x, [l.line]: e.target.value }))}
              options={[
                ...l.candidates.map((c) => ({
                  value: c.item.id,
                  label:
                    t("supply.dispense.candidate", { name: c.item.name, strength: c.item.strength ?? "", usable: n(c.usable) }) +
                    (c.item.schedule === "H1" || c.item.schedule === "X" ? ` · ${t("supply.dispense.controlled", { schedule: c.item.schedule })}` : ""),
                })),
                { value: NOT_AVAILABLE, label: t("supply.dispense.notAvailable") },
              ]}
              error={err("itemId")}
            />
            {item[l.line] !== NOT_AVAILABLE && (
              <TextField
                label={t("supply.dispense.quantity", { drug: l.drugName })}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={qty[l.line] ?? ""}
                onChange={(e) => setQty((x) => ({ ...x, [l.line]: e.target.value }))}
                error={err("quantity")}
              />
            )}
            <TextField
              label={t("supply.dispense.reason")}
              value={reason[l.line] ?? ""}
              onChange={(e) => setReason((x) => ({ ...x, [l.line]: e.target.value }))}
              error={err("reason")}
            />
          </fieldset>
        );
      })}
      {controlled && (
        <fieldset>
          <legend>{t("supply.dispense.witness")}</legend>
          <TextField label={t("supply.dispense.witnessLogin")} autoComplete="off" value={witness.login} onChange={(e) => setWitness((w) => ({ ...w, login: e.target.value }))} error={fieldError(error, "witness")} />
          <TextField label={t("supply.dispense.witnessPassword")} type="password" autoComplete="off" value={witness.password} onChange={(e) => setWitness((w) => ({ ...w, password: e.target.value }))} />
        </fieldset>
      )}
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("supply.dispense.save")}
      </button>
    </form>
  );
}

/** Dispensing at a pharmacy: find the patient's current prescriptions by health ID
 *  (kept in the address, so reload and back keep the patient) and give each line. */
export default function Dispensing() {
  const { t } = useI18n();
  const { stores, chosen, choose, error: storesError } = useStores();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get("healthId") ?? "");
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  // Shown here, not in the form: the form is rebuilt with the new state after a save.
  const [saved, setSaved] = useState<number | null>(null);
  const healthId = params.get("healthId") ?? "";
  const pharmacies = (stores ?? []).filter((s) => s.worksHere && (s.level === "FACILITY" || s.level === "WARD"));
  const store = pharmacies.find((s) => s.id === chosen?.id) ?? pharmacies[0];
  useEffect(() => {
    if (!store || !healthId) return;
    setError(null);
    gql<PrescriptionsToDispenseQuery, PrescriptionsToDispenseQueryVariables>(TO_DISPENSE, { storeId: store.id, healthId }).then(
      (d) => setFound(d.prescriptionsToDispense),
      (e) => {
        setFound(null);
        setError(e);
      },
    );
  }, [store?.id, healthId, changes]);
  const find = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setParams(
      (p) => {
        p.set("healthId", typed.trim());
        return p;
      },
      { replace: false },
    );
  };
  if (stores && pharmacies.length === 0) return <p>{t("supply.noStores")}</p>;
  return (
    <section>
      <h1>{t("supply.dispense.title")}</h1>
      <ErrorText error={storesError} />
      {pharmacies.length > 1 && store && (
        <SelectField label={t("supply.store")} value={store.id} onChange={(e) => choose(e.target.value)} options={pharmacies.map((s) => ({ value: s.id, label: s.name }))} />
      )}
      <form onSubmit={find} className="filters" aria-label={t("supply.dispense.find")}>
        <TextField label={t("supply.dispense.healthId")} value={typed} onChange={(e) => setTyped(e.target.value)} required autoComplete="off" error={fieldError(error, "healthId")} />
        <button type="submit">{t("supply.dispense.find")}</button>
      </form>
      <ErrorText error={error} />
      {found && (
        <>
          <p>
            <strong>{found.name}</strong> · {found.healthId}
          </p>
          {found.prescriptions.length === 0 && <p>{t("supply.dispense.none")}</p>}
          {saved != null && <p role="status">{t("supply.dispense.saved", { count: saved })}</p>}
          {store &&
            found.prescriptions.map((rx) => (
              <DispenseForm
                key={`${rx.id}-${changes}`}
                storeId={store.id}
                rx={rx}
                onDone={(lines) => {
                  setSaved(lines);
                  setChanges((c) => c + 1);
                }}
              />
            ))}
        </>
      )}
    </section>
  );
}
