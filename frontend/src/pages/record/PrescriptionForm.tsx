import { useState, type FormEvent } from "react";
import { authorisedBlobUrl, gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { AddEntryMutation, AddEntryMutationVariables } from "../../gql/types";
import { ADD_ENTRY } from "./queries";

interface Item {
  drugName: string;
  strength: string;
  dose: string;
  frequency: string;
  days: string;
}

const blank = (): Item => ({ drugName: "", strength: "", dose: "", frequency: "", days: "" });

export function PrescriptionForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Item[]>([blank()]);
  const [advice, setAdvice] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [slip, setSlip] = useState<string | null>(null);

  const set = (i: number, k: keyof Item, v: string) => setItems((all) => all.map((it, j) => (j === i ? { ...it, [k]: v } : it)));
  // Item errors come back as `items.N.field`.
  const itemError = (i: number, k: string) => {
    const f = (error as { field?: string } | null)?.field;
    return f === `items.${i}.${k}` ? (error as Error).message : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSlip(null);
    try {
      const d = await gql<AddEntryMutation, AddEntryMutationVariables>(ADD_ENTRY, {
        encounterId,
        entry: {
          prescription: {
            items: items.map((it) => ({
              drugName: it.drugName,
              strength: it.strength.trim() || null,
              dose: it.dose,
              frequency: it.frequency,
              durationDays: it.days ? Number(it.days) : null,
            })),
            advice: advice.trim() || null,
          },
        },
      });
      setItems([blank()]);
      setAdvice("");
      onSaved();
      setSlip(await authorisedBlobUrl(`/prescriptions/${d.addClinicalEntry.id}.pdf`));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="rx-title">
      <h2 id="rx-title">{t("record.prescription")}</h2>
      {items.map((it, i) => (
        <fieldset key={i} className="grid2 rx-item">
          <legend>
            {t("record.drug")} {i + 1}
          </legend>
          <TextField label={t("record.drug")} value={it.drugName} onChange={(e) => set(i, "drugName", e.target.value)} error={itemError(i, "drugName")} />
          <TextField label={t("record.strength")} value={it.strength} onChange={(e) => set(i, "strength", e.target.value)} error={itemError(i, "strength")} />
          <TextField label={t("record.dose")} value={it.dose} onChange={(e) => set(i, "dose", e.target.value)} error={itemError(i, "dose")} />
          <TextField label={t("record.frequency")} value={it.frequency} placeholder="1-0-1" onChange={(e) => set(i, "frequency", e.target.value)} error={itemError(i, "frequency")} />
          <TextField label={t("record.days")} type="number" inputMode="numeric" min={1} value={it.days} onChange={(e) => set(i, "days", e.target.value)} error={itemError(i, "durationDays")} />
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => setItems((all) => [...all, blank()])}>
        {t("record.addItem")}
      </button>
      <TextField label={t("record.advice")} value={advice} onChange={(e) => setAdvice(e.target.value)} />
      <ErrorText error={(error as { field?: string } | null)?.field?.startsWith("items.") ? null : error} />
      {slip && (
        <p role="status">
          {t("record.saved")}{" "}
          <a href={slip} target="_blank" rel="noopener">
            {t("record.print")}
          </a>
        </p>
      )}
      <button type="submit">{t("record.save")}</button>
    </form>
  );
}
