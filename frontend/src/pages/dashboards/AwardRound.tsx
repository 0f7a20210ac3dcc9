import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useAuth } from "../../api/auth";
import { authorisedBlobUrl, gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextArea } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { AwardRoundFieldsFragment, AwardRoundQuery, AwardRoundQueryVariables, DecideAwardRoundMutation, DecideAwardRoundMutationVariables } from "../../gql/types";
import { RankingTable } from "./RankingTable";
import { AWARD_ROUND, DECIDE_AWARD_ROUND } from "./scorecardQueries";

/** An award round: the ranking as frozen (never recomputed), the decision and its
 *  winners with their certificates, and — for the state, until decided — the form
 *  that records the decision. */
export default function AwardRound() {
  const { t, dateTime } = useI18n();
  const { roundId = "" } = useParams();
  const auth = useAuth();
  const [round, setRound] = useState<AwardRoundFieldsFragment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    gql<AwardRoundQuery, AwardRoundQueryVariables>(AWARD_ROUND, { id: roundId }).then((d) => setRound(d.awardRound), setError);
  }, [roundId]);
  useEffect(load, [load]);
  async function print(url: string) {
    try {
      window.open(await authorisedBlobUrl(url), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <p className="no-print">
        <Link to="/dashboards/scorecards">{t("sc.back")}</Link>
      </p>
      <ErrorText error={error} />
      {!round && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {round && (
        <>
          <h1>{round.title}</h1>
          <p>
            {t("sc.frozenAbout", { name: round.scorecardName, version: round.scorecardVersion, specialty: t(`ind.dept.${round.specialty}` as MessageKey), from: round.from, to: round.to })}{" "}
            {t("sc.frozenBy", { who: round.frozenBy ?? "–", when: dateTime(round.frozenAt) })}
          </p>
          {round.decided ? (
            <section className="card" aria-labelledby="decision">
              <h2 id="decision">{t("sc.decision")}</h2>
              <p>{t("sc.decidedBy", { who: round.decidedBy ?? "–", when: round.decidedAt ? dateTime(round.decidedAt) : "–" })}</p>
              <blockquote>{round.decisionNote}</blockquote>
              <ul>
                {round.winners.map((w) => (
                  <li key={w.facilityId}>
                    {t("sc.placeOf", { place: w.place, name: w.name })}{" "}
                    <button type="button" className="secondary no-print" onClick={() => print(w.certificateUrl)}>
                      {t("sc.certificate")}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className="muted">{t("sc.notDecided")}</p>
          )}
          <RankingTable id="frozen" title={t("sc.frozenResult")} items={round.items.map((i) => i.indicator)} hospitals={round.result} file={`award-${round.id}.csv`} trend={false} />
          {!round.decided && auth.has("STATE_ADMIN") && <DecisionForm round={round} onDone={setRound} />}
        </>
      )}
    </section>
  );
}

/** The state records the decision once: a note and a place for each winner, chosen
 *  among the ranked hospitals. */
function DecisionForm({ round, onDone }: { round: AwardRoundFieldsFragment; onDone: (r: AwardRoundFieldsFragment) => void }) {
  const { t } = useI18n();
  const ranked = round.result.filter((h) => h.rank !== null);
  const [places, setPlaces] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const winners = Object.entries(places)
      .filter(([, p]) => p)
      .map(([facilityId, p]) => ({ facilityId, place: Number(p) }));
    try {
      const done = await run((key) => gql<DecideAwardRoundMutation, DecideAwardRoundMutationVariables>(DECIDE_AWARD_ROUND, { input: { roundId: round.id, expectedVersion: round.version, note, winners } }, { idempotencyKey: key }));
      if (done) onDone(done.decideAwardRound);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card no-print" onSubmit={submit} aria-busy={busy}>
      <h2>{t("sc.decide")}</h2>
      <fieldset className="plain" disabled={busy}>
        {ranked.slice(0, 10).map((h) => (
          <SelectField
            key={h.facilityId}
            label={`${h.rank}. ${h.name}`}
            value={places[h.facilityId] ?? ""}
            onChange={(e) => setPlaces((all) => ({ ...all, [h.facilityId]: e.target.value }))}
            options={[{ value: "", label: t("sc.noPlace") }, ...[1, 2, 3].map((p) => ({ value: String(p), label: t("sc.place", { place: p }) }))]}
          />
        ))}
        <TextArea label={t("sc.note")} required value={note} onChange={(e) => setNote(e.target.value)} />
        <ErrorText error={error} also={["note", "winners"]} />
        <button type="submit">{busy ? t("common.saving") : t("sc.decideButton")}</button>
      </fieldset>
    </form>
  );
}
