import { useState, type FormEvent } from "react";
import { authorisedBlobUrl, gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { AddEntryMutation, AddEntryMutationVariables, DosageForm, Route } from "../../gql/types";
import { ADD_ENTRY } from "./queries";

export const ROUTES: Route[] = ["ORAL", "INTRAVENOUS", "INTRAMUSCULAR", "SUBCUTANEOUS", "TOPICAL", "INHALED", "SUBLINGUAL", "RECTAL", "NASAL", "OPHTHALMIC", "OTIC", "VAGINAL", "OTHER"];
export const FORMS: DosageForm[] = ["TABLET", "CAPSULE", "SYRUP", "SUSPENSION", "DROPS", "INJECTION", "INFUSION", "OINTMENT", "CREAM", "GEL", "INHALER", "NEBULISATION", "POWDER", "SUPPOSITORY", "LOTION", "OTHER"];

/** The usual form for a route (the server's default too), offered when the route changes. */
export function usualForm(route: Route): DosageForm {
  switch (route) {
    case "ORAL":
    case "SUBLINGUAL":
      return "TABLET";
    case "INTRAVENOUS":
    case "INTRAMUSCULAR":
    case "SUBCUTANEOUS":
      return "INJECTION";
    case "TOPICAL":
      return "OINTMENT";
    case "INHALED":
      return "INHALER";
    case "NASAL":
    case "OPHTHALMIC":
    case "OTIC":
      return "DROPS";
    case "RECTAL":
    case "VAGINAL":
      return "SUPPOSITORY";
    default:
      return "OTHER";
  }
}

interface Item {
  drugName: string;
  strength: string;
  form: DosageForm;
  dose: string;
  route: Route;
  frequency: string;
  days: string;
  instructions: string;
}

const blank = (): Item => ({ drugName: "", strength: "", form: "TABLET", dose: "", route: "ORAL", frequency: "", days: "", instructions: "" });

export function PrescriptionForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Item[]>([blank()]);
  const [advice, setAdvice] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [slip, setSlip] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const set = <K extends keyof Item>(i: number, k: K, v: Item[K]) => setItems((all) => all.map((it, j) => (j === i ? { ...it, [k]: v } : it)));
  // Item errors come back as `items.N.field`.
  const itemError = (i: number, k: string) => fieldError(error, `items.${i}.${k}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSlip(null);
    try {
      const d = await run((key) =>
        gql<AddEntryMutation, AddEntryMutationVariables>(
          ADD_ENTRY,
          {
            encounterId,
            entry: {
              prescription: {
                items: items.map((it) => ({
                  drugName: it.drugName,
                  strength: it.strength.trim() || null,
                  form: it.form,
                  dose: it.dose,
                  route: it.route,
                  frequency: it.frequency,
                  durationDays: it.days ? Number(it.days) : null,
                  instructions: it.instructions.trim() || null,
                })),
                advice: advice.trim() || null,
                followUpOn: followUp || null,
              },
            },
          },
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      setItems([blank()]);
      setAdvice("");
      setFollowUp("");
      onSaved();
      setSlip(await authorisedBlobUrl(`/prescriptions/${d.addClinicalEntry.id}.pdf`));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="rx-title" aria-busy={busy}>
      <h2 id="rx-title">{t("record.prescription")}</h2>
      <fieldset className="plain" disabled={busy}>
        {items.map((it, i) => (
          <fieldset key={i} className="grid2 rx-item">
            <legend>
              {t("record.drug")} {i + 1}
            </legend>
            <TextField label={t("record.drug")} value={it.drugName} onChange={(e) => set(i, "drugName", e.target.value)} error={itemError(i, "drugName")} />
            <TextField label={t("record.strength")} value={it.strength} placeholder="500 mg" onChange={(e) => set(i, "strength", e.target.value)} error={itemError(i, "strength")} />
            <SelectField
              label={t("record.route")}
              value={it.route}
              onChange={(e) => {
                const route = e.target.value as Route;
                setItems((all) => all.map((x, j) => (j === i ? { ...x, route, form: usualForm(route) } : x)));
              }}
              options={ROUTES.map((r) => ({ value: r, label: t(`route.${r}`) }))}
            />
            <SelectField label={t("record.form")} value={it.form} onChange={(e) => set(i, "form", e.target.value as DosageForm)} options={FORMS.map((f) => ({ value: f, label: t(`dosageForm.${f}`) }))} />
            <TextField label={t("record.dose")} value={it.dose} placeholder="1" onChange={(e) => set(i, "dose", e.target.value)} error={itemError(i, "dose")} />
            <TextField label={t("record.frequency")} value={it.frequency} placeholder="1-0-1" onChange={(e) => set(i, "frequency", e.target.value)} error={itemError(i, "frequency")} />
            <TextField label={t("record.days")} type="number" inputMode="numeric" min={1} value={it.days} onChange={(e) => set(i, "days", e.target.value)} error={itemError(i, "durationDays")} />
            <TextField label={t("record.instructions")} value={it.instructions} onChange={(e) => set(i, "instructions", e.target.value)} error={itemError(i, "instructions")} />
            {items.length > 1 && (
              <button type="button" className="secondary" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
                {t("record.removeItem", { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => setItems((all) => [...all, blank()])}>
          {t("record.addItem")}
        </button>
        <TextField label={t("record.advice")} value={advice} onChange={(e) => setAdvice(e.target.value)} />
        <TextField label={t("record.followUp")} type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} error={fieldError(error, "followUpOn")} />
        <ErrorText error={(error as { field?: string } | null)?.field?.startsWith("items.") || (error as { field?: string } | null)?.field === "followUpOn" ? null : error} />
        {slip && (
          <p role="status">
            {t("record.saved")}{" "}
            <a href={slip} target="_blank" rel="noopener">
              {t("record.print")}
            </a>
          </p>
        )}
        <button type="submit">{busy ? t("common.saving") : t("record.save")}</button>
      </fieldset>
    </form>
  );
}
