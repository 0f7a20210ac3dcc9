import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { TextField } from "../../components/Field";
import { useParam } from "../../hooks/useParam";
import { useI18n } from "../../i18n";
import type { Dhis2ExportQuery, Dhis2ExportQueryVariables, Dhis2MappingsQuery, NotifiableConditionsQuery, UnitTreeQuery } from "../../gql/types";
import { placeChoices } from "../onboarding/units";
import { UNIT_TREE } from "../registry/queries";
import { Dhis2MappingForm, MEASURES, type Mapping } from "./Dhis2MappingForm";
import { CONDITIONS, DHIS2_EXPORT, DHIS2_MAPPINGS } from "./queries";
import { indiaToday, weeksBefore } from "./weeks";

type Export = Dhis2ExportQuery["dhis2Export"];
const SKIP_REASONS = ["place_not_mapped", "condition_not_mapped", "age_sex_not_mapped"] as const;
/** The message for why cases were left out (a reason this screen does not know reads as a place). */
const skipKey = (reason: string) => `dhis2.skipped.${SKIP_REASONS.find((r) => r === reason) ?? "place_not_mapped"}` as const;

/** Save the payload as a file to post to DHIS2's /api/dataValueSets. */
function downloadJson(e: Export) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([JSON.stringify(e.payload, null, 2)], { type: "application/json" }));
  a.download = `dhis2-${e.period}.json`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/**
 * DHIS2 for the state: map places, diseases and age groups to DHIS2 identifiers, and
 * make a week's payload, with what could not be sent listed. The week stays in the address.
 */
export default function Dhis2() {
  const { t } = useI18n();
  const [weekParam, setWeek] = useParam("week");
  // The last whole week by default: the one IDSP reports on Monday.
  const [week, setWeekText] = useState(weekParam || weeksBefore(indiaToday(), 1));
  const [mappings, setMappings] = useState<Mapping[]>([]);
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [conditions, setConditions] = useState<NotifiableConditionsQuery["notifiableConditions"]>([]);
  const [result, setResult] = useState<Export | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => gql<Dhis2MappingsQuery>(DHIS2_MAPPINGS).then((d) => setMappings(d.dhis2Mappings), setError), []);
  useEffect(() => {
    void load();
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
    gql<NotifiableConditionsQuery>(CONDITIONS).then((d) => setConditions(d.notifiableConditions), setError);
  }, [load]);
  const places = useMemo(() => placeChoices(units, false).map((p) => ({ value: p.id, label: p.label })), [units]);
  const conditionChoices = conditions.map((c) => ({ value: c.id, label: c.name }));
  // A disease's count in the reader's language; places and age groups as the server names them.
  const label = (m: Mapping) => {
    const measure = MEASURES.find((x) => x === m.measure);
    if (m.kind !== "DATA_ELEMENT" || !measure) return m.label;
    const disease = conditions.find((c) => c.id === m.conditionId)?.name ?? m.label;
    return `${disease}: ${t(`dhis2.measure.${measure}`)}`;
  };
  const make = async () => {
    setExportError(null);
    setResult(null);
    setBusy(true);
    setWeek(week.trim());
    try {
      setResult((await gql<Dhis2ExportQuery, Dhis2ExportQueryVariables>(DHIS2_EXPORT, { week })).dhis2Export);
    } catch (err) {
      setExportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="dhis2">
      <p>
        <Link to="/surveillance">← {t("surveillance.title")}</Link>
      </p>
      <h1>{t("dhis2.title")}</h1>
      <p>{t("dhis2.intro")}</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        <h2>{t("dhis2.export")}</h2>
        <fieldset className="plain" disabled={busy}>
          <TextField label={t("surveillance.week")} hint={t("dhis2.weekHint")} value={week} onChange={(e) => setWeekText(e.target.value)} error={fieldError(exportError, "week")} />
          <ErrorText error={exportError} />
          <div className="actions">
            <button type="submit">{t("dhis2.make")}</button>
          </div>
        </fieldset>
        {result && (
          <div role="status">
            <p>{t("dhis2.values", { n: result.valueCount, period: result.period })}</p>
            {result.skipped.length > 0 && (
              <>
                <p className="warning">{t("dhis2.skippedTitle")}</p>
                <ul>
                  {result.skipped.map((s) => (
                    <li key={`${s.reason}-${s.label}`}>{t(skipKey(s.reason), { what: s.label, n: s.cases })}</li>
                  ))}
                </ul>
              </>
            )}
            {result.valueCount > 0 && (
              <button type="button" className="secondary" onClick={() => downloadJson(result)}>
                {t("dhis2.download")}
              </button>
            )}
          </div>
        )}
      </form>
      <h2>{t("dhis2.mappings")}</h2>
      <ErrorText error={error} />
      <Dhis2MappingForm places={places} conditions={conditionChoices} mappings={mappings} onSaved={() => void load()} />
      {mappings.length === 0 ? (
        <p className="muted">{t("dhis2.noMappings")}</p>
      ) : (
        <ul className="plain mappings">
          {mappings.map((m) => (
            <li key={m.id}>
              <span className="muted">{t(`dhis2.kind.${m.kind}`)}</span>
              <br />
              {label(m)} → <code>{m.dhis2Id}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
