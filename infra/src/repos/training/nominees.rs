//! The professionals nominated to a session.

use crate::db::{InfraResult, TenantTx};
use crate::entities::training_nominee::{self as n, Column, Entity};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub type NomineeRecord = n::Model;

pub async fn of_session(tx: &TenantTx, session: Uuid) -> InfraResult<Vec<NomineeRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::SessionId.eq(session))
        .order_by_asc(Column::NominatedAt)
        .all(tx.conn())
        .await?)
}

/// Add nominees in one statement. Someone nominating the same person at the same
/// moment makes it a conflict (the caller reloads and sees them nominated).
pub async fn insert_many(tx: &TenantTx, rows: Vec<NomineeRecord>) -> InfraResult<()> {
    let models = rows
        .into_iter()
        .map(|mut r| {
            r.tenant_id = tx.tenant().0;
            n::ActiveModel::from(r)
        })
        .collect();
    super::super::insert_all_or_conflict(
        tx,
        models,
        "someone nominated the same people at the same moment; reload the training",
    )
    .await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct NomineeCount {
    pub session_id: Uuid,
    pub nominees: i64,
}

/// Nominees per session, for lists.
pub async fn counts(tx: &TenantTx, sessions: &[Uuid]) -> InfraResult<Vec<NomineeCount>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .select_only()
        .column(Column::SessionId)
        .column_as(Expr::cust("CAST(COUNT(*) AS BIGINT)"), "nominees")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::SessionId.is_in(sessions.iter().copied()))
        .group_by(Column::SessionId)
        .into_model::<NomineeCount>()
        .all(tx.conn())
        .await?)
}
