import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { FacilityType, SaveScorecardMutation, SaveScorecardMutationVariables, ScoreDirection, ScoreIndicator, ScorecardFieldsFragment } from "../../gql/types";
import { FACILITY_TYPES } from "../Facilities";
import { SAVE_SCORECARD } from "./scorecardQueries";
import { SCORE_INDICATORS, SPECIALTIES, indicatorLabel, usualDirection } from "./scorecards";
import { typeLabel } from "./rollout";

interface Item {
  indicator: ScoreIndicator;
  on: boolean;
  direction: ScoreDirection;
  weight: string;
}

/** The state defines a scorecard (or a new version of one, over the version it saw):
 *  a specialty, which indicators count with their direction and weight, the minimum
 *  volume to be ranked, the hospital types and the months. */
export function ScorecardForm({ current, onSaved }: { current: ScorecardFieldsFragment | null; onSaved: (id: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(current?.name ?? "");
  const [specialty, setSpecialty] = useState(current?.specialty ?? "paediatrics");
  const [minVolume, setMinVolume] = useState(String(current?.minVolume ?? 100));
  const [from, setFrom] = useState(current?.from ?? "");
  const [to, setTo] = useState(current?.to ?? "");
  const [types, setTypes] = useState<FacilityType[]>(current?.facilityTypes ?? ["DISTRICT_HOSPITAL"]);
  const [items, setItems] = useState<Item[]>(
    SCORE_INDICATORS.map((i) => {
      const had = current?.items.find((x) => x.indicator === i);
      return { indicator: i, on: !!had || !current, direction: had?.direction ?? usualDirection(i), weight: String(had?.weight ?? 1) };
    }),
  );
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const change = (i: number, patch: Partial<Item>) => setItems((all) => all.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const input = {
      id: current?.id ?? null,
      expectedVersion: current?.version ?? null,
      name,
      specialty,
      minVolume: Number(minVolume) || 0,
      facilityTypes: types,
      from,
      to,
      items: items.filter((x) => x.on).map((x) => ({ indicator: x.indicator, direction: x.direction, weight: Number(x.weight) || 0 })),
    };
    try {
      const done = await run((key) => gql<SaveScorecardMutation, SaveScorecardMutationVariables>(SAVE_SCORECARD, { input }, { idempotencyKey: key }));
      if (done) onSaved(done.saveScorecard.id);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card no-print" onSubmit={submit} aria-busy={busy}>
      <h2>{current ? t("sc.edit", { name: current.name }) : t("sc.new")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("sc.name")} required value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label={t("sc.specialty")} value={specialty} onChange={(e) => setSpecialty(e.target.value)} options={SPECIALTIES.map((d) => ({ value: d, label: t(`ind.dept.${d}` as MessageKey) }))} />
        <div className="filters">
          <TextField label={t("sc.from")} type="month" required value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField label={t("sc.to")} type="month" required value={to} onChange={(e) => setTo(e.target.value)} />
          <TextField label={t("sc.minVolume")} type="number" min={0} value={minVolume} onChange={(e) => setMinVolume(e.target.value)} />
        </div>
        <fieldset>
          <legend>{t("sc.types")}</legend>
          {FACILITY_TYPES.filter((ft) => ft.endsWith("HOSPITAL") || ft === "RURAL_HOSPITAL_CHC").map((ft) => (
            <label key={ft} className="check">
              <input type="checkbox" checked={types.includes(ft)} onChange={(e) => setTypes((all) => (e.target.checked ? [...all, ft] : all.filter((x) => x !== ft)))} /> {typeLabel(t, ft)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("sc.items")}</legend>
          {items.map((x, i) => (
            <div key={x.indicator} className="filters">
              <label className="check">
                <input type="checkbox" checked={x.on} onChange={(e) => change(i, { on: e.target.checked })} /> {indicatorLabel(t, x.indicator)}
              </label>
              <SelectField label={t("sc.direction")} value={x.direction} disabled={!x.on} onChange={(e) => change(i, { direction: e.target.value as ScoreDirection })} options={(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const).map((d) => ({ value: d, label: t(`sc.dir.${d}`) }))} />
              <TextField label={t("sc.weight")} type="number" min={1} max={100} disabled={!x.on} value={x.weight} onChange={(e) => change(i, { weight: e.target.value })} />
            </div>
          ))}
        </fieldset>
        <ErrorText error={error} also={["name", "specialty", "items", "minVolume", "facilityTypes", "from", "to"]} />
        <button type="submit">{busy ? t("common.saving") : t("sc.save")}</button>
      </fieldset>
    </form>
  );
}
