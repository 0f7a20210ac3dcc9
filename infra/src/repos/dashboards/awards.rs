//! Award rounds: a ranking frozen once (rules, inputs and result never rewritten), the
//! decision and its winners recorded once.

use crate::db::{InfraResult, TenantTx};
use crate::entities::{award_round as r, award_winner as w};
use arogya_domain::dashboards::scorecard::{ScoreInput, ScorecardRules, Standing};
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type RoundRecord = r::Model;
pub type WinnerRecord = w::Model;

/// What a round freezes.
pub struct Freeze<'a> {
    pub title: &'a str,
    pub scorecard: (Uuid, i32),
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rules: &'a ScorecardRules,
    pub inputs: &'a [ScoreInput],
    pub result: &'a [Standing],
    pub by: Uuid,
}

fn json<T: serde::Serialize>(v: &T) -> InfraResult<serde_json::Value> {
    Ok(serde_json::to_value(v).map_err(anyhow::Error::from)?)
}

pub async fn freeze(tx: &TenantTx, f: Freeze<'_>) -> InfraResult<RoundRecord> {
    let row = RoundRecord {
        tenant_id: tx.tenant().0,
        id: Uuid::now_v7(),
        title: f.title.to_owned(),
        scorecard_id: f.scorecard.0,
        scorecard_version: f.scorecard.1,
        from_month: f.from,
        to_month: f.to,
        rules: json(f.rules)?,
        inputs: json(&f.inputs)?,
        result: json(&f.result)?,
        frozen_by: f.by,
        frozen_at: Utc::now(),
        decision_note: None,
        decided_by: None,
        decided_at: None,
        version: 1,
    };
    let active: r::ActiveModel = row.clone().into();
    super::super::insert_all_or_conflict(
        tx,
        vec![active],
        "a round of that title exists already: give this round its own title",
    )
    .await?;
    Ok(row)
}

/// The frozen result of a round.
pub fn result_of(round: &RoundRecord) -> InfraResult<Vec<Standing>> {
    serde_json::from_value(round.result.clone())
        .map_err(|e| anyhow::anyhow!("award round {} unreadable: {e}", round.id).into())
}

/// The frozen inputs of a round.
pub fn inputs_of(round: &RoundRecord) -> InfraResult<Vec<ScoreInput>> {
    serde_json::from_value(round.inputs.clone())
        .map_err(|e| anyhow::anyhow!("award round {} unreadable: {e}", round.id).into())
}

/// The frozen rules of a round.
pub fn rules_of(round: &RoundRecord) -> InfraResult<ScorecardRules> {
    serde_json::from_value(round.rules.clone())
        .map_err(|e| anyhow::anyhow!("award round {} unreadable: {e}", round.id).into())
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<RoundRecord>> {
    Ok(r::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Newest first.
pub async fn list(tx: &TenantTx) -> InfraResult<Vec<RoundRecord>> {
    Ok(r::Entity::find()
        .filter(r::Column::TenantId.eq(tx.tenant().0))
        .order_by_desc(r::Column::FrozenAt)
        .all(tx.conn())
        .await?)
}

/// The winners of these rounds, by place.
pub async fn winners(tx: &TenantTx, rounds: &[Uuid]) -> InfraResult<Vec<WinnerRecord>> {
    if rounds.is_empty() {
        return Ok(Vec::new());
    }
    Ok(w::Entity::find()
        .filter(w::Column::TenantId.eq(tx.tenant().0))
        .filter(w::Column::RoundId.is_in(rounds.iter().copied()))
        .order_by_asc(w::Column::Place)
        .all(tx.conn())
        .await?)
}

/// Record the decision once, over the version the caller saw; `winners` are
/// (facility, place, score, rank) from the frozen result.
pub async fn decide(
    tx: &TenantTx,
    round: &RoundRecord,
    expected_version: i32,
    note: &str,
    winners: &[(Uuid, i32, Option<f64>, Option<i32>)],
    by: Uuid,
) -> InfraResult<()> {
    if round.decided_at.is_some() {
        return Err(
            DomainError::conflict("this round was decided already; its decision stands").into(),
        );
    }
    let done = r::Entity::update_many()
        .col_expr(r::Column::DecisionNote, Expr::value(note.to_owned()))
        .col_expr(r::Column::DecidedBy, Expr::value(by))
        .col_expr(r::Column::DecidedAt, Expr::value(Utc::now()))
        .col_expr(r::Column::Version, Expr::value(expected_version + 1))
        .filter(r::Column::TenantId.eq(tx.tenant().0))
        .filter(r::Column::Id.eq(round.id))
        .filter(r::Column::Version.eq(expected_version))
        .filter(r::Column::DecidedAt.is_null())
        .exec(tx.conn())
        .await?;
    if done.rows_affected != 1 {
        return Err(
            DomainError::conflict("the round was changed meanwhile; reload and try again").into(),
        );
    }
    let rows = winners
        .iter()
        .map(|(facility, place, score, rank)| w::ActiveModel {
            tenant_id: Set(tx.tenant().0),
            round_id: Set(round.id),
            facility_id: Set(*facility),
            place: Set(*place),
            score: Set(*score),
            rank: Set(*rank),
        })
        .collect();
    super::super::insert_all_or_conflict(tx, rows, "a hospital is named twice among the winners")
        .await
}
