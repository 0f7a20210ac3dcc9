import { useCallback, useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { AddIntakeOutputMutation, AddIntakeOutputMutationVariables, FluidKind, IntakeOutputQuery, IntakeOutputQueryVariables } from "../../gql/types";
import { todayInIndia } from "./MedicationRound";
import { ADD_IO, IO_CHART } from "./queries";

const KINDS: FluidKind[] = ["ORAL", "INTRAVENOUS", "NASOGASTRIC_TUBE", "BLOOD", "URINE", "DRAIN", "VOMIT", "STOOL", "ASPIRATE"];

/** The intake–output chart of a stay: add a line, see today's balance. */
export function IntakeOutput({ admissionId }: { admissionId: string }) {
  const { t } = useI18n();
  const { busy, run } = useSubmit();
  const [chart, setChart] = useState<IntakeOutputQuery["intakeOutputChart"] | null>(null);
  const [kind, setKind] = useState<FluidKind>("ORAL");
  const [volume, setVolume] = useState("");
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    gql<IntakeOutputQuery, IntakeOutputQueryVariables>(IO_CHART, { admissionId, day: todayInIndia() }).then((d) => setChart(d.intakeOutputChart), setError);
  }, [admissionId]);
  useEffect(load, [load]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await run((key) => gql<AddIntakeOutputMutation, AddIntakeOutputMutationVariables>(ADD_IO, { admissionId, kind, volumeMl: Number(volume) }, { idempotencyKey: key }));
      setVolume("");
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t("io.title")}>
      <h3>{t("io.title")}</h3>
      {chart && <p>{t("io.balance", { intake: chart.intakeMl, output: chart.outputMl, balance: chart.balanceMl })}</p>}
      <SelectField label={t("io.kind")} value={kind} onChange={(e) => setKind(e.target.value as FluidKind)} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} />
      <TextField label={t("io.volume")} inputMode="numeric" required value={volume} onChange={(e) => setVolume(e.target.value)} error={fieldError(error, "volumeMl")} />
      <ErrorText error={error} />
      <button type="submit" disabled={busy}>
        {t("io.add")}
      </button>
    </form>
  );
}
