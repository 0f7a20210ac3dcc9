import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useParam } from "../../hooks/useParam";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { NotifiableConditionsQuery, SetUnitPopulationMutation, SetUnitPopulationMutationVariables, UnitPopulationsQuery, UnitPopulationsQueryVariables, UnitTreeQuery } from "../../gql/types";
import { placeChoices } from "../onboarding/units";
import { UNIT_TREE } from "../registry/queries";
import { RuleEditor } from "./RuleEditor";
import { CONDITIONS, POPULATIONS, SET_POPULATION } from "./queries";

/** The populations rates are taken against: one year's, per place. */
function Populations() {
  const { t, number } = useI18n();
  const year = new Date().getFullYear();
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [rows, setRows] = useState<UnitPopulationsQuery["unitPopulations"]>([]);
  const [unitId, setUnitId] = useState("");
  const [people, setPeople] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const load = useCallback(() => gql<UnitPopulationsQuery, UnitPopulationsQueryVariables>(POPULATIONS, { year }).then((d) => setRows(d.unitPopulations), setError), [year]);
  useEffect(() => {
    void load();
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, [load]);
  const places = useMemo(() => placeChoices(units, false), [units]);
  const save = async () => {
    setError(null);
    try {
      const held = rows.find((r) => r.unitId === unitId);
      const r = await run((key) => gql<SetUnitPopulationMutation, SetUnitPopulationMutationVariables>(SET_POPULATION, { unitId, year, population: Number(people), expectedVersion: held?.version ?? null }, { idempotencyKey: key }));
      if (r) {
        setPeople("");
        void load();
      }
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="pop-title">
      <h2 id="pop-title">{t("rules.populations", { year })}</h2>
      <p className="muted">{t("rules.populationsIntro")}</p>
      <ul className="plain mappings">
        {rows.map((r) => (
          <li key={r.unitId}>
            {r.unitName}: {number(r.population)}
          </li>
        ))}
      </ul>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="plain" disabled={busy}>
          <SelectField label={t("surveillance.place")} value={unitId} onChange={(e) => setUnitId(e.target.value)} error={fieldError(error, "unitId")} options={[{ value: "", label: t("dhis2.choose") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} />
          <TextField label={t("rules.people")} inputMode="numeric" value={people} onChange={(e) => setPeople(e.target.value)} error={fieldError(error, "population")} />
          <ErrorText error={error} also={["year"]} />
          <div className="actions">
            <button type="submit">{t("dhis2.save")}</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/** Alert rules per disease and the populations behind rates, for the state. */
export default function Rules() {
  const { t } = useI18n();
  const [conditions, setConditions] = useState<NotifiableConditionsQuery["notifiableConditions"]>([]);
  const [chosen, setChosen] = useParam("condition");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<NotifiableConditionsQuery>(CONDITIONS).then((d) => setConditions(d.notifiableConditions), setError);
  }, []);
  const id = chosen || conditions[0]?.id || "";
  return (
    <section>
      <p>
        <Link to="/surveillance">← {t("surveillance.title")}</Link>
      </p>
      <h1>{t("rules.title")}</h1>
      <p>{t("rules.intro")}</p>
      <ErrorText error={error} />
      <SelectField label={t("dhis2.condition")} value={id} onChange={(e) => setChosen(e.target.value)} options={conditions.map((c) => ({ value: c.id, label: c.name }))} />
      {id && <RuleEditor key={id} conditionId={id} />}
      <Populations />
    </section>
  );
}
