//! The attendance register: each cell (a nominee's day) is a chain of versions; the
//! newest is what the register says.

use crate::db::{InfraResult, TenantTx};
use crate::entities::training_attendance::{self as a, Column, Entity};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub type MarkRecord = a::Model;

/// The newest version of every marked cell of these sessions.
pub async fn current(tx: &TenantTx, sessions: &[Uuid]) -> InfraResult<Vec<MarkRecord>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let b = Alias::new("newer");
    let newer = Query::select()
        .expr(Expr::val(1))
        .from_as(Entity, b.clone())
        .and_where(Expr::col((b.clone(), Column::TenantId)).equals((Entity, Column::TenantId)))
        .and_where(Expr::col((b.clone(), Column::SessionId)).equals((Entity, Column::SessionId)))
        .and_where(
            Expr::col((b.clone(), Column::ProfessionalId)).equals((Entity, Column::ProfessionalId)),
        )
        .and_where(Expr::col((b.clone(), Column::Day)).equals((Entity, Column::Day)))
        .and_where(Expr::col((b, Column::Version)).gt(Expr::col((Entity, Column::Version))))
        .to_owned();
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::SessionId.is_in(sessions.iter().copied()))
        .filter(Expr::exists(newer).not())
        .order_by_asc(Column::Day)
        .all(tx.conn())
        .await?)
}

/// Every version of a session's cells, oldest first (the register's history).
pub async fn history(tx: &TenantTx, session: Uuid) -> InfraResult<Vec<MarkRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::SessionId.eq(session))
        .order_by_asc(Column::RecordedAt)
        .order_by_asc(Column::Version)
        .all(tx.conn())
        .await?)
}

/// Append new versions of cells in one statement. Another phone writing the same
/// version of a cell at the same moment makes it a conflict: nothing is written.
pub async fn append(tx: &TenantTx, rows: Vec<MarkRecord>) -> InfraResult<()> {
    let models = rows
        .into_iter()
        .map(|mut r| {
            r.tenant_id = tx.tenant().0;
            a::ActiveModel::from(r)
        })
        .collect();
    super::super::insert_all_or_conflict(
        tx,
        models,
        "the register was marked on another phone at the same moment; open it again",
    )
    .await
}
