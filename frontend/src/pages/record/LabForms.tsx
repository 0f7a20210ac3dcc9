import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { AddEntryMutation, AddEntryMutationVariables, LabPriority, MeasurementInput, Specimen } from "../../gql/types";
import { ADD_ENTRY } from "./queries";

const PRIORITIES: LabPriority[] = ["ROUTINE", "URGENT", "STAT"];
const SPECIMENS: Specimen[] = ["BLOOD", "SERUM", "PLASMA", "URINE", "STOOL", "SPUTUM", "SWAB", "CSF", "TISSUE", "OTHER"];

/** Doctors order tests: names one per line (or separated by commas). */
export function LabOrderForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [tests, setTests] = useState("");
  const [priority, setPriority] = useState<LabPriority>("ROUTINE");
  const [specimen, setSpecimen] = useState<Specimen>("BLOOD");
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const names = tests.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
      const d = await run((key) =>
        gql<AddEntryMutation, AddEntryMutationVariables>(ADD_ENTRY, { encounterId, entry: { labOrder: { tests: names.map((name) => ({ name })), priority, specimen } } }, { idempotencyKey: key }),
      );
      if (!d) return;
      setTests("");
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="order-title" aria-busy={busy} noValidate>
      <h2 id="order-title">{t("lab.order")}</h2>
      <fieldset className="plain" disabled={busy}>
      <TextField label={t("lab.tests")} hint={t("lab.testsHint")} value={tests} onChange={(e) => setTests(e.target.value)} error={fieldError(error, "tests")} />
      <SelectField label={t("lab.priority")} value={priority} onChange={(e) => setPriority(e.target.value as LabPriority)} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}` as MessageKey) }))} />
      <SelectField label={t("lab.specimen")} value={specimen} onChange={(e) => setSpecimen(e.target.value as Specimen)} options={SPECIMENS.map((s) => ({ value: s, label: t(`specimen.${s}` as MessageKey) }))} />
      <ErrorText error={error} />
      {saved && <p role="status">{t("lab.ordered")}</p>}
      <button type="submit">{t("lab.placeOrder")}</button>
      </fieldset>
    </form>
  );
}

export interface OpenOrder {
  id: string;
  encounterId: string;
  tests: { name: string; loinc: string | null }[];
}

interface Row {
  value: string;
  unit: string;
  low: string;
  high: string;
}

const num = (s: string) => (s.trim() === "" ? null : Number(s.trim().replace(",", ".")));

/** The technician reports an order: one row per test ordered; the server computes the abnormal flag from the range. */
function ResultForm({ order, onSaved }: { order: OpenOrder; onSaved: () => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => order.tests.map(() => ({ value: "", unit: "", low: "", high: "" })));
  const [conclusion, setConclusion] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const measurements: MeasurementInput[] = order.tests.flatMap((test, i) => {
      const r = rows[i];
      if (!r || r.value.trim() === "") return [];
      return [{ test: test.name, loinc: test.loinc, value: r.value.trim(), unit: r.unit.trim() || null, referenceLow: num(r.low), referenceHigh: num(r.high) }];
    });
    try {
      const d = await run((key) =>
        gql<AddEntryMutation, AddEntryMutationVariables>(
          ADD_ENTRY,
          { encounterId: order.encounterId, entry: { labResult: { orderId: order.id, measurements, conclusion: conclusion.trim() || null } } },
          { idempotencyKey: key },
        ),
      );
      if (d) onSaved();
    } catch (err) {
      setError(err);
    }
  }
  const set = (i: number, k: keyof Row) => (e: { target: { value: string } }) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: e.target.value } : r)));
  return (
    <form onSubmit={submit} aria-busy={busy} noValidate>
      <fieldset className="plain" disabled={busy}>
      {order.tests.map((test, i) => (
        <fieldset key={test.name} className="grid2 rx-item">
          <legend>{test.name}</legend>
          <TextField label={t("lab.value", { test: test.name })} value={rows[i]?.value ?? ""} onChange={set(i, "value")} />
          <TextField label={t("lab.unit", { test: test.name })} value={rows[i]?.unit ?? ""} onChange={set(i, "unit")} />
          <TextField label={t("lab.low", { test: test.name })} inputMode="decimal" value={rows[i]?.low ?? ""} onChange={set(i, "low")} />
          <TextField label={t("lab.high", { test: test.name })} inputMode="decimal" value={rows[i]?.high ?? ""} onChange={set(i, "high")} />
        </fieldset>
      ))}
      <TextField label={t("lab.conclusion")} value={conclusion} onChange={(e) => setConclusion(e.target.value)} error={fieldError(error, "conclusion")} />
      <ErrorText error={error} />
      {fieldError(error, "measurements") && <p className="error" role="alert">{fieldError(error, "measurements")}</p>}
      <button type="submit">{t("lab.report")}</button>
      </fieldset>
    </form>
  );
}

/** The lab technician's list: each order of the visit not yet reported, with its result form. */
export function LabResultForms({ orders, onSaved }: { orders: OpenOrder[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">{t("lab.results")}</h2>
      {saved && <p role="status">{t("lab.reported")}</p>}
      {orders.length === 0 && <p className="muted">{t("lab.noOrders")}</p>}
      {orders.map((o) => (
        <ResultForm
          key={o.id}
          order={o}
          onSaved={() => {
            setSaved(true);
            onSaved();
          }}
        />
      ))}
    </section>
  );
}
