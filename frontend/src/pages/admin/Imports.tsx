import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { SelectField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { ImportFacilitiesMutation, ImportProfessionalsMutation, ImportSurveyMutation } from "../../gql/types";
import { IMPORT_FACILITIES, IMPORT_PROFESSIONALS, IMPORT_SURVEY } from "./queries";

type Kind = "facilities" | "professionals" | "survey";
interface Report {
  imported: number;
  skipped: number;
  households?: number;
  duplicates: number;
  errors: { row: number; column: string; message: string }[];
}

/** Run a CSV import (the same checks as `arogya import`): every row checked first; nothing imported unless all are valid, or invalid rows are skipped on request. */
export default function Imports() {
  const { t, number } = useI18n();
  const { has } = useAuth();
  const kinds: Kind[] = has("STATE_ADMIN", "DISTRICT_ADMIN") ? ["facilities", "professionals", "survey"] : ["survey"];
  const [kind, setKind] = useState<Kind>(kinds[0]);
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
      const r = await run(async (key): Promise<Report> => {
        const opts = { idempotencyKey: key };
        if (kind === "facilities") {
          const d = (await gql<ImportFacilitiesMutation>(IMPORT_FACILITIES, { csv, skip } as never, opts)).importFacilities;
          return { ...d, duplicates: 0 };
        }
        if (kind === "professionals") {
          const d = (await gql<ImportProfessionalsMutation>(IMPORT_PROFESSIONALS, { csv, skip } as never, opts)).importProfessionals;
          return { ...d, duplicates: 0 };
        }
        const d = (await gql<ImportSurveyMutation>(IMPORT_SURVEY, { csv, skip } as never, opts)).importSurvey;
        return { imported: d.imported, skipped: d.errors.length + d.duplicates.length, households: d.households, duplicates: d.duplicates.length, errors: d.errors };
      });
      if (r) setReport(r);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{t("imports.title")}</h1>
      <form className="card narrow" onSubmit={submit} aria-busy={busy}>
        <fieldset className="plain" disabled={busy}>
          <SelectField label={t("imports.kind")} value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={kinds.map((k) => ({ value: k, label: t(`imports.${k}`) }))} />
          <div className="field">
            <label htmlFor="csv-file">{t("imports.file")}</label>
            <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <small className="hint">{t("imports.hint")}</small>
          </div>
          <label className="check">
            <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> {t("imports.skipInvalid")}
          </label>
          <ErrorText error={error} />
          <button type="submit" disabled={!file}>
            {busy ? t("imports.running") : t("imports.run")}
          </button>
        </fieldset>
      </form>
      {report && (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{t("imports.report")}</h2>
          <p role="status">{t("imports.summary", { imported: number(report.imported), skipped: number(report.skipped) })}</p>
          {report.households !== undefined && <p>{t("imports.households", { households: number(report.households), duplicates: number(report.duplicates) })}</p>}
          {report.errors.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.row")}</th>
                    <th scope="col">{t("imports.column")}</th>
                    <th scope="col">{t("imports.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{e.column}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
