import { useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextArea, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { ChangeInvestigationStatusMutation, ChangeInvestigationStatusMutationVariables, InvestigationFieldsFragment, InvestigationStatus } from "../../gql/types";
import { CHANGE_STATUS } from "./queries";

type Inv = InvestigationFieldsFragment;

/** Where an investigation may go from each status (the server holds the same rule). */
const NEXT: Record<InvestigationStatus, InvestigationStatus[]> = {
  OPEN: ["INVESTIGATING", "CLOSED"],
  INVESTIGATING: ["CONTAINED", "CLOSED"],
  CONTAINED: ["INVESTIGATING", "CLOSED"],
  CLOSED: [],
};

/** Move the investigation on; closing asks for the final report. */
export function StatusControl({ inv, onSaved }: { inv: Inv; onSaved: (i: Inv) => void }) {
  const { t } = useI18n();
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState("");
  const [report, setReport] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const go = async (status: InvestigationStatus) => {
    setError(null);
    try {
      const r = await run((key) => gql<ChangeInvestigationStatusMutation, ChangeInvestigationStatusMutationVariables>(CHANGE_STATUS, { id: inv.id, version: inv.version, status, note, finalReport: status === "CLOSED" ? report : null }, { idempotencyKey: key }));
      if (r) {
        setNote("");
        setClosing(false);
        onSaved(r.changeInvestigationStatus);
      }
    } catch (err) {
      setError(err);
    }
  };
  const next = NEXT[inv.status];
  if (next.length === 0) return null;
  return (
    <section className="card no-print" aria-labelledby="inv-status">
      <h2 id="inv-status">{t("inv.moveOn")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("inv.statusNote")} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, "note")} />
        {closing && <TextArea label={t("inv.finalReport")} hint={t("inv.finalReportHint")} rows={6} value={report} onChange={(e) => setReport(e.target.value)} error={fieldError(error, "finalReport")} />}
        <ErrorText error={error} also={["status"]} />
        <div className="actions">
          {next
            .filter((s) => s !== "CLOSED")
            .map((s) => (
              <button key={s} type="button" className="secondary" onClick={() => void go(s)}>
                {t(`inv.to.${s}`)}
              </button>
            ))}
          <button type="button" onClick={() => (closing ? void go("CLOSED") : setClosing(true))}>
            {closing ? t("inv.closeWithReport") : t("inv.to.CLOSED")}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
