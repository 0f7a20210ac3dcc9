import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { ImportEmrReadinessMutation, ImportEmrReadinessMutationVariables } from "../../gql/types";
import { IMPORT_EMR_READINESS } from "./queries";

type Report = ImportEmrReadinessMutation["importEmrReadiness"];

/** A department officer updates many facilities' readiness from a sheet: every row is
 *  checked first, nothing changes while a row is wrong unless wrong rows are skipped,
 *  and each facility changed is recorded under the officer's name. */
export function ReadinessImport({ onDone }: { onDone: () => void }) {
  const { t, number: n } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [skip, setSkip] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    try {
      const csv = await file.text();
      const r = await run((key) => gql<ImportEmrReadinessMutation, ImportEmrReadinessMutationVariables>(IMPORT_EMR_READINESS, { input: { csv, skipInvalid: skip } }, { idempotencyKey: key }));
      if (r) {
        setReport(r.importEmrReadiness);
        if (r.importEmrReadiness.changed > 0) onDone();
      }
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card narrow no-print" onSubmit={submit} aria-busy={busy}>
      <h2>{t("emr.import")}</h2>
      <p className="muted">{t("emr.importHint")}</p>
      <fieldset className="plain" disabled={busy}>
        <div className="field">
          <label htmlFor="emr-file">{t("imports.file")}</label>
          <input id="emr-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> {t("imports.skipInvalid")}
        </label>
        <ErrorText error={error} />
        <button type="submit" disabled={!file}>
          {busy ? t("imports.running") : t("imports.run")}
        </button>
      </fieldset>
      {report && (
        <div role="status">
          <p>{t("emr.importReport", { changed: n(report.changed), unchanged: n(report.unchanged), skipped: n(report.skipped) })}</p>
          {report.errors.length > 0 && (
            <ul className="errors">
              {report.errors.map((e) => (
                <li key={`${e.row}-${e.column}`}>{t("emr.rowError", { row: e.row, column: e.column, message: e.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
