import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { InpatientSettingsQuery, SetInpatientSettingsMutation, SetInpatientSettingsMutationVariables } from "../../gql/types";
import { INPATIENT_SETTINGS, SET_INPATIENT_SETTINGS } from "./queries";

type Rule = Omit<InpatientSettingsQuery["inpatientSettings"], "version">;

/** The tenant's observation rule (how often each patient's condition is due) and the late-death limit, for state administrators. */
export function ObservationRule() {
  const { t } = useI18n();
  const { busy, run } = useSubmit();
  const [rule, setRule] = useState<Record<keyof Rule, string> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const show = (r: InpatientSettingsQuery["inpatientSettings"]) =>
    setRule({ criticalCarePerDay: String(r.criticalCarePerDay), criticalPerDay: String(r.criticalPerDay), othersPerDay: String(r.othersPerDay), deathEntryHours: String(r.deathEntryHours) });
  useEffect(() => {
    gql<InpatientSettingsQuery>(INPATIENT_SETTINGS).then((d) => show(d.inpatientSettings), setError);
  }, []);
  if (!rule) return <ErrorText error={error} />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const r = await run((key) =>
        gql<SetInpatientSettingsMutation, SetInpatientSettingsMutationVariables>(
          SET_INPATIENT_SETTINGS,
          { criticalCarePerDay: Number(rule.criticalCarePerDay), criticalPerDay: Number(rule.criticalPerDay), othersPerDay: Number(rule.othersPerDay), deathEntryHours: Number(rule.deathEntryHours) },
          { idempotencyKey: key },
        ),
      );
      if (r) {
        show(r.setInpatientSettings);
        setSaved(true);
      }
    } catch (err) {
      setError(err);
    }
  };
  const field = (k: keyof Rule) => ({
    value: rule[k],
    inputMode: "numeric" as const,
    required: true,
    error: fieldError(error, k),
    onChange: (e: { target: { value: string } }) => setRule({ ...rule, [k]: e.target.value }),
  });
  return (
    <details className="panel">
      <summary>{t("rule.title")}</summary>
      <form onSubmit={save}>
        <p>{t("rule.intro")}</p>
        <TextField label={t("rule.criticalCare")} {...field("criticalCarePerDay")} />
        <TextField label={t("rule.critical")} {...field("criticalPerDay")} />
        <TextField label={t("rule.others")} {...field("othersPerDay")} />
        <TextField label={t("rule.deathHours")} {...field("deathEntryHours")} />
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          {t("rule.save")}
        </button>
        {saved && <p role="status">{t("rule.saved")}</p>}
      </form>
    </details>
  );
}
