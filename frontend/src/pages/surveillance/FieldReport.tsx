import { useEffect, useMemo, useState, type FormEvent } from "react";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import { cachedGql } from "../../offline/cache";
import { sendOrQueue } from "../../offline/send";
import { useLock } from "../../offline/useOutbox";
import { uuidv7 } from "../../offline/uuid7";
import type { NotifiableConditionsQuery, ReportFieldCaseMutation, ReportFieldCaseMutationVariables, UnitTreeQuery } from "../../gql/types";
import { placeChoices } from "../onboarding/units";
import { UNIT_TREE } from "../registry/queries";
import { CONDITIONS, REPORT_CASE } from "./queries";
import { indiaToday } from "./weeks";

const SEXES = ["female", "male", "other", "unknown"] as const;
const SEX_LABEL = { female: "sex.FEMALE", male: "sex.MALE", other: "sex.OTHER", unknown: "sex.UNKNOWN" } as const;

/**
 * A health worker reports a case of a notifiable disease from the field (IDSP's form S),
 * on a phone, with or without a network: the report gets its id on the phone and waits
 * in the phone's queue when there is no network.
 */
export default function FieldReport() {
  const { t } = useI18n();
  const unlocked = useLock().state === "open";
  const [conditions, setConditions] = useState<NotifiableConditionsQuery["notifiableConditions"]>([]);
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [error, setError] = useState<unknown>(null);
  const today = indiaToday().toISOString().slice(0, 10);
  const empty = { condition: "", unitId: "", village: "", name: "", age: "", sex: "female", symptoms: "", onset: today };
  const [f, setF] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  useEffect(() => {
    cachedGql<NotifiableConditionsQuery>("notifiableConditions", CONDITIONS).then((d) => setConditions(d.notifiableConditions.filter((c) => c.active)), setError);
    cachedGql<UnitTreeQuery>("unitTree", UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, [unlocked]);
  const places = useMemo(() => placeChoices(units), [units]);
  const chosen = conditions.find((c) => c.code === f.condition);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const id = uuidv7();
      const variables: ReportFieldCaseMutationVariables = {
        input: { id, condition: f.condition, unitId: f.unitId, village: f.village, name: f.name, ageYears: f.age === "" ? -1 : Number(f.age), sex: f.sex, symptoms: f.symptoms, onsetDate: f.onset },
      };
      const summary = `${f.name.trim()} · ${chosen?.name ?? f.condition}`;
      const r = await run((key) => sendOrQueue<ReportFieldCaseMutation>({ kind: "case", summary, query: REPORT_CASE, variables, idempotencyKey: key, ref: id }));
      if (!r) return;
      setDone("queued" in r ? t("outbox.queued") : t("fieldReport.sent", { condition: chosen?.name ?? r.sent.reportFieldCase.condition, village: r.sent.reportFieldCase.village ?? "", week: r.sent.reportFieldCase.epiWeek }));
      // Ready for the next person; the place and the disease often stay the same.
      setF({ ...empty, condition: f.condition, unitId: f.unitId, village: f.village });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="field-report">
      <h1>{t("fieldReport.title")}</h1>
      <p className="muted">{t("fieldReport.intro")}</p>
      <form className="card form--large" onSubmit={submit} aria-busy={busy} noValidate>
        <fieldset className="plain" disabled={busy}>
          <SelectField label={t("fieldReport.condition")} value={f.condition} onChange={set("condition")} hint={chosen ? t("fieldReport.definition", { text: chosen.syndromic }) : undefined} error={fieldError(error, "condition")} options={[{ value: "", label: t("fieldReport.chooseCondition") }, ...conditions.map((c) => ({ value: c.code, label: c.name }))]} />
          <SelectField label={t("fieldReport.place")} value={f.unitId} onChange={set("unitId")} error={fieldError(error, "unitId")} options={[{ value: "", label: t("apply.choosePlace") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} />
          <TextField label={t("fieldReport.village")} value={f.village} onChange={set("village")} error={fieldError(error, "village")} />
          <TextField label={t("fieldReport.name")} value={f.name} autoComplete="off" onChange={set("name")} error={fieldError(error, "name")} />
          <TextField label={t("fieldReport.age")} type="number" inputMode="numeric" min={0} max={130} value={f.age} onChange={set("age")} error={fieldError(error, "ageYears")} />
          <SelectField label={t("fieldReport.sex")} value={f.sex} onChange={set("sex")} options={SEXES.map((s) => ({ value: s, label: t(SEX_LABEL[s]) }))} />
          <TextField label={t("fieldReport.symptoms")} value={f.symptoms} onChange={set("symptoms")} error={fieldError(error, "symptoms")} />
          <TextField label={t("fieldReport.onset")} type="date" max={today} value={f.onset} onChange={set("onset")} error={fieldError(error, "onset")} />
          <ErrorText error={error} also={["id"]} />
          <button type="submit" className="button--big">
            {busy ? t("common.saving") : t("fieldReport.send")}
          </button>
        </fieldset>
        {done && <p role="status">{done}</p>}
      </form>
    </section>
  );
}
