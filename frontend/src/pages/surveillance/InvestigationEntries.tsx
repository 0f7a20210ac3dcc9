import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  CasesToLinkQuery,
  CasesToLinkQueryVariables,
  InvestigationEntryInput,
  InvestigationFieldsFragment,
  RecordInvestigationEntryMutation,
  RecordInvestigationEntryMutationVariables,
} from "../../gql/types";
import { CASES_OF, RECORD_ENTRY } from "./queries";
import { indiaToday, isoWeek, weeksBefore } from "./weeks";

type Inv = InvestigationFieldsFragment;

/** One small form adding one kind of entry; cleared once saved, sent once on a double click. */
function EntryForm({ inv, title, onSaved, toInput, children, reset }: { inv: Inv; title: string; onSaved: (i: Inv) => void; toInput: () => InvestigationEntryInput; children: (error: unknown) => ReactNode; reset: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await run((key) => gql<RecordInvestigationEntryMutation, RecordInvestigationEntryMutationVariables>(RECORD_ENTRY, { id: inv.id, input: toInput() }, { idempotencyKey: key }));
      if (r) {
        reset();
        onSaved(r.recordInvestigationEntry);
      }
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card no-print" onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      <fieldset className="plain" disabled={busy}>
        {children(error)}
        <ErrorText error={error} />
        <div className="actions">
          <button type="submit">{t("inv.add")}</button>
        </div>
      </fieldset>
    </form>
  );
}

const today = () => indiaToday().toISOString().slice(0, 10);

export function ActionForm({ inv, onSaved }: { inv: Inv; onSaved: (i: Inv) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(today());
  const [what, setWhat] = useState("");
  return (
    <EntryForm inv={inv} title={t("inv.addAction")} onSaved={onSaved} toInput={() => ({ kind: "ACTION", on, text: what })} reset={() => setWhat("")}>
      {(error) => (
        <>
          <TextField label={t("inv.on")} type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value)} error={fieldError(error, "on")} />
          <TextField label={t("inv.what")} value={what} onChange={(e) => setWhat(e.target.value)} error={fieldError(error, "what") ?? fieldError(error, "text")} />
        </>
      )}
    </EntryForm>
  );
}

export function TeamForm({ inv, onSaved }: { inv: Inv; onSaved: (i: Inv) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  return (
    <EntryForm
      inv={inv}
      title={t("inv.addMember")}
      onSaved={onSaved}
      toInput={() => ({ kind: "TEAM_MEMBER", text: name, detail: role })}
      reset={() => {
        setName("");
        setRole("");
      }}
    >
      {(error) => (
        <>
          <TextField label={t("inv.memberName")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, "name") ?? fieldError(error, "text")} />
          <TextField label={t("inv.memberRole")} value={role} onChange={(e) => setRole(e.target.value)} error={fieldError(error, "role") ?? fieldError(error, "detail")} />
        </>
      )}
    </EntryForm>
  );
}

export function SampleForm({ inv, onSaved }: { inv: Inv; onSaved: (i: Inv) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(today());
  const [specimen, setSpecimen] = useState("");
  const [lab, setLab] = useState("");
  return (
    <EntryForm
      inv={inv}
      title={t("inv.addSample")}
      onSaved={onSaved}
      toInput={() => ({ kind: "SAMPLE", on, text: specimen, detail: lab })}
      reset={() => {
        setSpecimen("");
        setLab("");
      }}
    >
      {(error) => (
        <>
          <TextField label={t("inv.sentOn")} type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value)} error={fieldError(error, "on")} />
          <TextField label={t("inv.specimen")} value={specimen} onChange={(e) => setSpecimen(e.target.value)} error={fieldError(error, "specimen") ?? fieldError(error, "text")} />
          <TextField label={t("inv.lab")} value={lab} onChange={(e) => setLab(e.target.value)} error={fieldError(error, "lab") ?? fieldError(error, "detail")} />
        </>
      )}
    </EntryForm>
  );
}

export function ResultForm({ inv, sampleId, onSaved }: { inv: Inv; sampleId: string; onSaved: (i: Inv) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(today());
  const [result, setResult] = useState<"POSITIVE" | "NEGATIVE" | "INCONCLUSIVE">("POSITIVE");
  const [note, setNote] = useState("");
  return (
    <EntryForm inv={inv} title={t("inv.addResult")} onSaved={onSaved} toInput={() => ({ kind: "SAMPLE_RESULT", sampleId, on, result, text: note })} reset={() => setNote("")}>
      {(error) => (
        <>
          <TextField label={t("inv.resultOn")} type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value)} error={fieldError(error, "on")} />
          <SelectField label={t("inv.result")} value={result} onChange={(e) => setResult(e.target.value as typeof result)} options={(["POSITIVE", "NEGATIVE", "INCONCLUSIVE"] as const).map((r) => ({ value: r, label: t(`inv.result.${r}`) }))} />
          <TextField label={t("inv.resultNote")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
        </>
      )}
    </EntryForm>
  );
}

/** Link a case of the outbreak's disease seen in the last eight weeks. */
export function CaseLinkForm({ inv, onSaved }: { inv: Inv; onSaved: (i: Inv) => void }) {
  const { t, date } = useI18n();
  const [cases, setCases] = useState<CasesToLinkQuery["caseLineList"]>([]);
  const [caseId, setCaseId] = useState("");
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    const now = indiaToday();
    gql<CasesToLinkQuery, CasesToLinkQueryVariables>(CASES_OF, { condition: inv.condition, from: weeksBefore(now, 7), to: isoWeek(now) }).then((d) => setCases(d.caseLineList), setLoadError);
  }, [inv.condition]);
  const linked = new Set(inv.cases.map((c) => c.id));
  const choices = cases.filter((c) => !linked.has(c.id));
  return (
    <EntryForm inv={inv} title={t("inv.linkCase")} onSaved={onSaved} toInput={() => ({ kind: "CASE_LINK", caseId })} reset={() => setCaseId("")}>
      {(error) => (
        <>
          <ErrorText error={loadError} />
          <SelectField label={t("inv.case")} value={caseId} onChange={(e) => setCaseId(e.target.value)} error={fieldError(error, "caseId")} options={[{ value: "", label: t("dhis2.choose") }, ...choices.map((c) => ({ value: c.id, label: `${c.name ?? "—"} · ${c.village ?? ""} · ${date(c.onsetDate)}` }))]} />
        </>
      )}
    </EntryForm>
  );
}
