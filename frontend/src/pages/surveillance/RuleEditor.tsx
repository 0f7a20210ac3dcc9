import { useEffect, useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { AlertRuleInput, AlertRuleKind, AlertRulesQuery, AlertRulesQueryVariables, AlertScope, AlertWindow, SetAlertRulesMutation, SetAlertRulesMutationVariables } from "../../gql/types";
import { ALERT_RULES, SET_ALERT_RULES } from "./queries";

type Draft = { kind: AlertRuleKind; scope: AlertScope; window: AlertWindow; amount: string; years: string; halfWidth: string; days: string; minCases: string; quietDays: string };

const KINDS: AlertRuleKind[] = ["FIXED", "BASELINE_MULTIPLE", "MEAN_PLUS_SD", "RATE", "CLUSTER"];
const blank: Draft = { kind: "FIXED", scope: "BLOCK", window: "EPI_WEEK", amount: "1", years: "3", halfWidth: "1", days: "14", minCases: "0", quietDays: "7" };

function toDraft(r: AlertRulesQuery["alertRules"]["rules"][number]): Draft {
  return { kind: r.kind, scope: r.scope, window: r.window, amount: String(r.amount), years: String(r.years ?? 3), halfWidth: String(r.halfWidth ?? 1), days: String(r.days ?? 14), minCases: String(r.minCases), quietDays: String(r.quietDays) };
}

function toInput(d: Draft): AlertRuleInput {
  return { kind: d.kind, scope: d.scope, window: d.window, amount: Number(d.amount), years: Number(d.years), halfWidth: Number(d.halfWidth), days: Number(d.days), minCases: Number(d.minCases), quietDays: Number(d.quietDays) };
}

/** One condition's rules: edit, add, remove, save as a whole, or go back to IDSP's defaults. */
export function RuleEditor({ conditionId }: { conditionId: string }) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [isDefault, setIsDefault] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { busy, run } = useSubmit();
  useEffect(() => {
    setDrafts(null);
    setSaved(false);
    gql<AlertRulesQuery, AlertRulesQueryVariables>(ALERT_RULES, { conditionId }).then((d) => {
      setDrafts(d.alertRules.rules.map(toDraft));
      setIsDefault(d.alertRules.isDefault);
    }, setError);
  }, [conditionId]);
  const save = async (rules: Draft[]) => {
    setError(null);
    setSaved(false);
    try {
      const r = await run((key) => gql<SetAlertRulesMutation, SetAlertRulesMutationVariables>(SET_ALERT_RULES, { conditionId, rules: rules.map(toInput) }, { idempotencyKey: key }));
      if (r) {
        setIsDefault(r.setAlertRules.isDefault);
        setSaved(true);
        const fresh = await gql<AlertRulesQuery, AlertRulesQueryVariables>(ALERT_RULES, { conditionId });
        setDrafts(fresh.alertRules.rules.map(toDraft));
      }
    } catch (err) {
      setError(err);
    }
  };
  if (!drafts) return <ErrorText error={error} />;
  const change = (i: number, k: keyof Draft) => (e: { target: { value: string } }) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, [k]: e.target.value } : d)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(drafts);
      }}
    >
      <p className="muted">{isDefault ? t("rules.isDefault") : t("rules.isOwn")}</p>
      <fieldset className="plain" disabled={busy}>
        {drafts.map((d, i) => (
          <fieldset key={i} className="card">
            <legend>{t("rules.rule", { n: i + 1 })}</legend>
            <SelectField label={t("rules.kind")} value={d.kind} onChange={change(i, "kind")} options={KINDS.map((k) => ({ value: k, label: t(`rules.kind.${k}`) }))} />
            <SelectField label={t("rules.scope")} value={d.scope} onChange={change(i, "scope")} options={(["BLOCK", "DISTRICT"] as const).map((s) => ({ value: s, label: t(`rules.scope.${s}`) }))} />
            <SelectField label={t("rules.window")} value={d.window} onChange={change(i, "window")} options={(["EPI_WEEK", "ROLLING_7_DAYS"] as const).map((w) => ({ value: w, label: t(`rules.window.${w}`) }))} />
            <TextField label={t(`rules.amount.${d.kind}`)} inputMode="decimal" value={d.amount} onChange={change(i, "amount")} />
            {(d.kind === "BASELINE_MULTIPLE" || d.kind === "MEAN_PLUS_SD") && (
              <>
                <TextField label={t("rules.years")} inputMode="numeric" value={d.years} onChange={change(i, "years")} />
                <TextField label={t("rules.halfWidth")} inputMode="numeric" value={d.halfWidth} onChange={change(i, "halfWidth")} />
              </>
            )}
            {d.kind === "CLUSTER" && <TextField label={t("rules.days")} inputMode="numeric" value={d.days} onChange={change(i, "days")} />}
            {d.kind !== "FIXED" && <TextField label={t("rules.minCases")} inputMode="numeric" value={d.minCases} onChange={change(i, "minCases")} />}
            <TextField label={t("rules.quietDays")} inputMode="numeric" value={d.quietDays} onChange={change(i, "quietDays")} />
            <button type="button" className="secondary" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
              {t("rules.remove")}
            </button>
          </fieldset>
        ))}
        <ErrorText error={error} also={["amount", "multiple", "k", "ratePer100k", "cases", "minCases", "quietDays", "scope", "rules", "years", "halfWidth", "days"]} />
        {saved && <p role="status">{t("rules.saved")}</p>}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setDrafts([...drafts, blank])}>
            {t("rules.add")}
          </button>
          <button type="submit">{t("rules.save")}</button>
          {!isDefault && (
            <button type="button" className="secondary" onClick={() => void save([])}>
              {t("rules.backToDefaults")}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
