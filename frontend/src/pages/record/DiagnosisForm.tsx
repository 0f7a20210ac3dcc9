import { useEffect, useId, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { AddEntryMutation, AddEntryMutationVariables, DiagnosisCertainty, Icd10SearchQuery, Icd10SearchQueryVariables } from "../../gql/types";
import { ADD_ENTRY, ICD10 } from "./queries";

/** Type-ahead over the ICD-10 table: suggestions as the doctor types (debounced). */
function useIcd10(search: string) {
  const [codes, setCodes] = useState<Icd10SearchQuery["icd10Codes"]>([]);
  useEffect(() => {
    const words = search.trim();
    if (words.length < 2) {
      setCodes([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      gql<Icd10SearchQuery, Icd10SearchQueryVariables>(ICD10, { search: words })
        .then((d) => current && setCodes(d.icd10Codes))
        .catch(() => current && setCodes([]));
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [search]);
  return codes;
}

export function DiagnosisForm({ encounterId, onSaved }: { encounterId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const listId = useId();
  const inputId = useId();
  const [code, setCode] = useState("");
  const [certainty, setCertainty] = useState<DiagnosisCertainty>("PROVISIONAL");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const codes = useIcd10(code);
  const { busy, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      // The field holds "CODE description" once a suggestion is picked: send the code.
      const d = await run((key) =>
        gql<AddEntryMutation, AddEntryMutationVariables>(
          ADD_ENTRY,
          { encounterId, entry: { diagnosis: { code: code.trim().split(/\s+/)[0] ?? "", certainty } } },
          { idempotencyKey: key },
        ),
      );
      if (!d) return;
      setCode("");
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  const codeError = fieldError(error, "code") ?? fieldError(error, "diagnosis.code");
  return (
    <form className="card" onSubmit={submit} aria-labelledby="dx-title" aria-busy={busy}>
      <h2 id="dx-title">{t("record.diagnosis")}</h2>
      <fieldset className="plain" disabled={busy}>
      <div className={`field${codeError ? " field--error" : ""}`}>
        <label htmlFor={inputId}>{t("record.icd")}</label>
        <input id={inputId} list={listId} value={code} autoComplete="off" aria-describedby={`${inputId}-hint`} aria-invalid={!!codeError} onChange={(e) => setCode(e.target.value)} />
        <datalist id={listId}>
          {codes.map((c) => (
            <option key={c.code} value={`${c.code} ${c.description}`} />
          ))}
        </datalist>
        <small id={`${inputId}-hint`} className="hint">
          {t("record.icdHint")}
        </small>
        {codeError && (
          <small className="error" role="alert">
            {codeError}
          </small>
        )}
      </div>
      <SelectField label={t("record.certainty")} value={certainty} onChange={(e) => setCertainty(e.target.value as DiagnosisCertainty)} options={(["PROVISIONAL", "FINAL"] as const).map((c) => ({ value: c, label: t(`certainty.${c}`) }))} />
      <ErrorText error={codeError ? null : error} />
      {saved && <p role="status">{t("record.saved")}</p>}
      <button type="submit">{busy ? t("common.saving") : t("record.save")}</button>
      </fieldset>
    </form>
  );
}
