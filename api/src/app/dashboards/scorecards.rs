//! Hospital scorecards: the state saves one per specialty (each save a new version),
//! and anyone of the tenant's staff reads its ranking of the hospitals, worked out
//! from the indicator roll-ups, with each hospital's trend against the period before.

use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::dashboards::indicators::{Figures, MonthRange};
use arogya_domain::dashboards::scorecard::{
    self, ScoreInput, ScorePeriod, ScorecardRules, Standing,
};
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::dashboards::scorecards::{self, ScorecardRecord};
use arogya_infra::repos::indicators::read;
use arogya_infra::repos::{facilities, units};
use arogya_infra::TenantTx;
use std::collections::HashMap;
use uuid::Uuid;

/// A scorecard as stored, with its rules read.
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub record: ScorecardRecord,
    pub rules: ScorecardRules,
}

impl Scorecard {
    fn of(record: ScorecardRecord) -> ApiResult<Self> {
        let rules = scorecards::rules_of(&record)?;
        Ok(Self { record, rules })
    }

    pub fn period(&self) -> ScorePeriod {
        ScorePeriod::stored(self.record.from_month, self.record.to_month)
    }
}

/// A hospital's place, with where it lies and how it stood the period before.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub standing: Standing,
    /// The counts the score was worked out from.
    pub figures: Figures,
    pub district: Option<String>,
    pub previous_score: Option<f64>,
    pub previous_rank: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Ranking {
    pub scorecard: Scorecard,
    pub range: MonthRange,
    pub previous: MonthRange,
    pub hospitals: Vec<Ranked>,
}

/// The hospitals a scorecard ranks, with their counts in its specialty over `range`
/// (one query for the hospitals, one for their counts).
pub(super) async fn score_inputs(
    tx: &TenantTx,
    rules: &ScorecardRules,
    ranges: &[MonthRange],
) -> ApiResult<(Vec<Vec<ScoreInput>>, HashMap<Uuid, Option<Uuid>>)> {
    let hospitals = facilities::of_types(tx, &rules.facility_types).await?;
    let ids: Vec<Uuid> = hospitals.iter().map(|h| h.0).collect();
    let mut out = Vec::new();
    for range in ranges {
        let mut figures: HashMap<Uuid, Figures> = HashMap::new();
        for t in read::facility_totals(tx, &ids, &rules.specialty, range.from, range.until).await? {
            figures
                .entry(t.facility_id)
                .or_default()
                .add(&t.measure, t.value);
        }
        out.push(
            hospitals
                .iter()
                .map(|(id, name, _)| ScoreInput {
                    facility: *id,
                    name: name.clone(),
                    figures: Figures {
                        days: range.days(),
                        ..figures.get(id).copied().unwrap_or_default()
                    },
                })
                .collect(),
        );
    }
    let districts = hospitals.into_iter().map(|(id, _, d)| (id, d)).collect();
    Ok((out, districts))
}

impl Dashboards<'_> {
    /// Every scorecard in force, by name.
    pub async fn scorecards(&self) -> ApiResult<Vec<Scorecard>> {
        let tx = self.tx(Access::Read).await?;
        let rows = scorecards::current_all(&tx).await?;
        tx.commit().await?;
        rows.into_iter().map(Scorecard::of).collect()
    }

    pub(super) async fn scorecard_in(&self, tx: &TenantTx, id: Uuid) -> ApiResult<Scorecard> {
        Scorecard::of(
            scorecards::current(tx, id)
                .await?
                .ok_or_else(|| ApiError::NotFound("scorecard not found".into()))?,
        )
    }

    /// Save a scorecard (state administrators): a new one, or a new version over the
    /// version the caller saw.
    pub async fn save_scorecard(
        &self,
        id: Option<(Uuid, i32)>,
        rules: ScorecardRules,
        period: ScorePeriod,
    ) -> ApiResult<Scorecard> {
        self.principal
            .require_state_admin("define hospital scorecards")?;
        let mut tx = self.tx(Access::Write).await?;
        let by = self.principal.user_id().0;
        let saved = scorecards::save(&tx, id, &rules, period.from, period.to, by).await?;
        let event = NewAuditEvent::new(
            Actor::User(by),
            AuditAction::ScorecardSave,
            "scorecard",
            Some(saved.id),
        )
        .with_detail(serde_json::json!({ "version": saved.version, "name": saved.name }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        // Its ranking changes with its rules: not served from before the save.
        self.state.ranking_answers.forget(self.tenant()?);
        Scorecard::of(saved)
    }

    /// The ranking of a scorecard's hospitals over its period (so far), each with its
    /// score and rank over the same months one period before.
    pub async fn ranking(&self, id: Uuid) -> ApiResult<std::sync::Arc<Ranking>> {
        // Every staff member of the tenant reads the same ranking: one question a card.
        let question = format!("ranking {id} {}", today());
        // Shared, not copied: a thousand hospitals are read straight from the kept answer.
        super::answers::answer(
            &self.state.ranking_answers,
            self.answer_ttl(),
            self.tenant()?,
            question,
            self.work_out_ranking(id),
        )
        .await
    }

    async fn work_out_ranking(&self, id: Uuid) -> ApiResult<Ranking> {
        let tx = self.tx(Access::Read).await?;
        let card = self.scorecard_in(&tx, id).await?;
        let today = today();
        let (range, previous) = (card.period().so_far(today), card.period().previous(today));
        let (mut inputs, district_of) = score_inputs(&tx, &card.rules, &[range, previous]).await?;
        let before_inputs = inputs.pop().unwrap_or_default();
        let now_inputs = inputs.pop().unwrap_or_default();
        let district_ids: Vec<Uuid> = district_of.values().flatten().copied().collect();
        let names: HashMap<Uuid, String> = units::find_many(&tx, &district_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        tx.commit().await?;
        let before: HashMap<Uuid, Standing> = scorecard::rank(&card.rules, &before_inputs)
            .into_iter()
            .map(|s| (s.facility, s))
            .collect();
        let counts: HashMap<Uuid, Figures> =
            now_inputs.iter().map(|i| (i.facility, i.figures)).collect();
        let hospitals = scorecard::rank(&card.rules, &now_inputs)
            .into_iter()
            .map(|standing| {
                let was = before.get(&standing.facility);
                Ranked {
                    figures: counts.get(&standing.facility).copied().unwrap_or_default(),
                    district: district_of
                        .get(&standing.facility)
                        .copied()
                        .flatten()
                        .and_then(|d| names.get(&d).cloned()),
                    previous_score: was.and_then(|w| w.score),
                    previous_rank: was.and_then(|w| w.rank),
                    standing,
                }
            })
            .collect();
        Ok(Ranking {
            scorecard: card,
            range,
            previous,
            hospitals,
        })
    }
}
