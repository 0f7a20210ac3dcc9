import { useState } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { Dhis2MappingKind, Dhis2MappingsQuery, SetDhis2MappingMutation, SetDhis2MappingMutationVariables } from "../../gql/types";
import { SET_DHIS2_MAPPING } from "./queries";

export type Mapping = Dhis2MappingsQuery["dhis2Mappings"][number];
type Choice = { value: string; label: string };

const AGE_GROUPS = ["0-4", "5-14", "15-44", "45-64", "65+", "unknown"];
const SEXES = ["female", "male", "other", "unknown"] as const;
const SEX_LABEL = { female: "sex.FEMALE", male: "sex.MALE", other: "sex.OTHER", unknown: "sex.UNKNOWN" } as const;
export const MEASURES = ["cases", "confirmed", "deaths"] as const;

/** The mapping already held for what the form names, if any (its version is needed to change it). */
function existing(all: Mapping[], kind: Dhis2MappingKind, f: { unitId: string; conditionId: string; measure: string; ageGroup: string; sex: string }) {
  return all.find((m) => m.kind === kind && (kind === "ORG_UNIT" ? m.unitId === f.unitId : kind === "DATA_ELEMENT" ? m.conditionId === f.conditionId && m.measure === f.measure : m.ageGroup === f.ageGroup && m.sex === f.sex));
}

/** Map a place, a disease's count, or an age group and sex to a DHIS2 identifier. */
export function Dhis2MappingForm({ places, conditions, mappings, onSaved }: { places: Choice[]; conditions: Choice[]; mappings: Mapping[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Dhis2MappingKind>("ORG_UNIT");
  const [f, setF] = useState({ unitId: "", conditionId: "", measure: "cases", ageGroup: "0-4", sex: "female", dhis2Id: "" });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { busy, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setSaved(false);
    setF({ ...f, [k]: e.target.value });
  };
  const held = existing(mappings, kind, f);
  const save = async (clear: boolean) => {
    setError(null);
    setSaved(false);
    try {
      const input = {
        kind,
        unitId: kind === "ORG_UNIT" ? f.unitId || null : null,
        conditionId: kind === "DATA_ELEMENT" ? f.conditionId || null : null,
        measure: kind === "DATA_ELEMENT" ? f.measure : null,
        ageGroup: kind === "CATEGORY" ? f.ageGroup : null,
        sex: kind === "CATEGORY" ? f.sex : null,
        dhis2Id: clear ? null : f.dhis2Id.trim(),
        expectedVersion: held?.version ?? null,
      };
      const r = await run((key) => gql<SetDhis2MappingMutation, SetDhis2MappingMutationVariables>(SET_DHIS2_MAPPING, { input }, { idempotencyKey: key }));
      if (r) {
        setSaved(true);
        setF({ ...f, dhis2Id: "" });
        onSaved();
      }
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <h3>{t("dhis2.map")}</h3>
      <fieldset className="plain" disabled={busy}>
        <SelectField label={t("dhis2.kind")} value={kind} onChange={(e) => setKind(e.target.value as Dhis2MappingKind)} options={(["ORG_UNIT", "DATA_ELEMENT", "CATEGORY"] as const).map((k) => ({ value: k, label: t(`dhis2.kind.${k}`) }))} />
        {kind === "ORG_UNIT" && <SelectField label={t("surveillance.place")} value={f.unitId} onChange={set("unitId")} error={fieldError(error, "unitId")} options={[{ value: "", label: t("dhis2.choose") }, ...places]} />}
        {kind === "DATA_ELEMENT" && (
          <>
            <SelectField label={t("dhis2.condition")} value={f.conditionId} onChange={set("conditionId")} error={fieldError(error, "conditionId")} options={[{ value: "", label: t("dhis2.choose") }, ...conditions]} />
            <SelectField label={t("dhis2.measure")} value={f.measure} onChange={set("measure")} options={MEASURES.map((m) => ({ value: m, label: t(`dhis2.measure.${m}`) }))} />
          </>
        )}
        {kind === "CATEGORY" && (
          <>
            <SelectField label={t("dhis2.ageGroup")} value={f.ageGroup} onChange={set("ageGroup")} options={AGE_GROUPS.map((a) => ({ value: a, label: a === "unknown" ? t("sex.UNKNOWN") : a }))} />
            <SelectField label={t("fieldReport.sex")} value={f.sex} onChange={set("sex")} options={SEXES.map((s) => ({ value: s, label: t(SEX_LABEL[s]) }))} />
          </>
        )}
        {held && <p className="muted">{t("dhis2.heldNow", { id: held.dhis2Id })}</p>}
        <TextField label={t("dhis2.identifier")} hint={t("dhis2.identifierHint")} value={f.dhis2Id} onChange={set("dhis2Id")} error={fieldError(error, "dhis2Id")} autoComplete="off" spellCheck={false} maxLength={11} />
        <ErrorText error={error} />
        {saved && <p role="status">{t("dhis2.saved")}</p>}
        <div className="actions">
          <button type="submit">{t("dhis2.save")}</button>
          {held && (
            <button type="button" className="secondary" onClick={() => void save(true)}>
              {t("dhis2.clear")}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
