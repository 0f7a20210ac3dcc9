import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useAuth } from "../../api/auth";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useParam } from "../../hooks/useParam";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { cachedGql } from "../../offline/cache";
import type { FreezeAwardRoundMutation, FreezeAwardRoundMutationVariables, ScorecardRankingQuery, ScorecardRankingQueryVariables, ScorecardsQuery } from "../../gql/types";
import { RankingTable } from "./RankingTable";
import { ScorecardForm } from "./ScorecardForm";
import { FREEZE_AWARD_ROUND, SCORECARDS, SCORECARD_RANKING } from "./scorecardQueries";
import { indicatorLabel } from "./scorecards";

/**
 * Hospital scorecards: choose one (kept in the address), see its ranking of the
 * hospitals with each one's score, trend and indicators; the award rounds frozen from
 * them. The state defines scorecards and freezes rounds here.
 */
export default function Scorecards() {
  const { t } = useI18n();
  const auth = useAuth();
  const state = auth.has("STATE_ADMIN");
  const [cardId, setCardId] = useParam("card");
  const [editing, setEditing] = useParam("edit");
  const [list, setList] = useState<ScorecardsQuery | null>(null);
  const [ranking, setRanking] = useState<ScorecardRankingQuery["scorecardRanking"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadList = useCallback(() => {
    cachedGql<ScorecardsQuery, Record<string, never>>("scorecards", SCORECARDS, {}).then(setList, setError);
  }, []);
  useEffect(loadList, [loadList]);
  const card = list?.scorecards.find((c) => c.id === cardId) ?? list?.scorecards[0] ?? null;
  useEffect(() => {
    if (!card) return;
    setRanking(null);
    cachedGql<ScorecardRankingQuery, ScorecardRankingQueryVariables>("scorecardRanking", SCORECARD_RANKING, { id: card.id }).then((d) => setRanking(d.scorecardRanking), setError);
  }, [card?.id, card?.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const saved = (id: string) => {
    setEditing("");
    setCardId(id);
    loadList();
  };
  return (
    <section>
      <h1>{t("sc.title")}</h1>
      <p className="muted">{t("sc.intro")}</p>
      <ErrorText error={error} />
      {!list && !error && <p aria-busy="true">{t("common.loading")}</p>}
      {list && list.scorecards.length === 0 && <p>{t("sc.none")}</p>}
      {list && card && (
        <div className="filters no-print">
          <SelectField label={t("sc.scorecard")} value={card.id} onChange={(e) => setCardId(e.target.value)} options={list.scorecards.map((c) => ({ value: c.id, label: c.name }))} />
        </div>
      )}
      {card && (
        <p>
          {t("sc.about", { specialty: t(`ind.dept.${card.specialty}` as MessageKey), from: card.from, to: card.to, min: card.minVolume })}{" "}
          {card.items.map((i) => `${indicatorLabel(t, i.indicator)} ×${i.weight} (${t(`sc.dir.${i.direction}`)})`).join(" · ")}
        </p>
      )}
      {card && ranking && (
        <RankingTable
          id="ranking"
          title={t("sc.rankingTitle", { from: ranking.from, to: ranking.to, previousFrom: ranking.previousFrom, previousTo: ranking.previousTo })}
          items={card.items.map((i) => i.indicator)}
          hospitals={ranking.hospitals}
          file={`ranking-${card.name}-${ranking.from}-${ranking.to}.csv`}
          trend
        />
      )}
      {card && !ranking && !error && <p aria-busy="true">{t("common.loading")}</p>}
      <details className="card">
        <summary>{t("sc.method")}</summary>
        <p>{t("sc.methodText")}</p>
      </details>
      {state && card && ranking && <FreezeForm scorecardId={card.id} version={card.version} />}
      {list && list.awardRounds.length > 0 && (
        <section className="card" aria-labelledby="rounds">
          <h2 id="rounds">{t("sc.rounds")}</h2>
          <ul>
            {list.awardRounds.map((r) => (
              <li key={r.id}>
                <Link to={`/dashboards/awards/${r.id}`}>{r.title}</Link> — {r.decided ? r.winners.map((w) => t("sc.placeOf", { place: w.place, name: w.name })).join(", ") : t("sc.notDecided")}
              </li>
            ))}
          </ul>
        </section>
      )}
      {state && (
        <div className="no-print">
          {editing ? (
            <ScorecardForm key={editing} current={editing === "new" ? null : card} onSaved={saved} />
          ) : (
            <p>
              <button type="button" className="secondary" onClick={() => setEditing("new")}>
                {t("sc.new")}
              </button>{" "}
              {card && (
                <button type="button" className="secondary" onClick={() => setEditing(card.id)}>
                  {t("sc.edit", { name: card.name })}
                </button>
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** Freeze the ranking on screen as an award round, under a title. */
function FreezeForm({ scorecardId, version }: { scorecardId: string; version: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const done = await run((key) => gql<FreezeAwardRoundMutation, FreezeAwardRoundMutationVariables>(FREEZE_AWARD_ROUND, { input: { scorecardId, expectedVersion: version, title } }, { idempotencyKey: key }));
      if (done) navigate(`/dashboards/awards/${done.freezeAwardRound.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card narrow no-print" onSubmit={submit} aria-busy={busy}>
      <h2>{t("sc.freeze")}</h2>
      <p className="muted">{t("sc.freezeHint")}</p>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("sc.roundTitle")} required value={title} onChange={(e) => setTitle(e.target.value)} />
        <ErrorText error={error} also={["title"]} />
        <button type="submit">{busy ? t("common.saving") : t("sc.freezeButton")}</button>
      </fieldset>
    </form>
  );
}
