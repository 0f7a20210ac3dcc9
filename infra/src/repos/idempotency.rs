//! Idempotency keys of mutations. `claim` is the one race-free step: an insert that
//! does nothing when the key exists, so of two simultaneous requests with one key
//! exactly one runs; the other sees the row and waits for its answer.

use crate::db::{InfraResult, TenantTx};
use crate::entities::idempotency_key::{self, Column, Entity};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

/// What the key's row says when a request arrives.
#[derive(Debug, PartialEq)]
pub enum Claim {
    /// The key is new: this request runs.
    Claimed,
    /// The key is taken, by a request with this digest, still running or finished.
    Taken {
        request_hash: String,
        response: Option<String>,
        created_at: DateTime<Utc>,
    },
}

pub async fn claim(tx: &TenantTx, user: Uuid, key: &str, request_hash: &str) -> InfraResult<Claim> {
    let inserted = Entity::insert(idempotency_key::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        user_id: Set(user),
        key: Set(key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set("pending".into()),
        response: Set(None),
        created_at: Set(Utc::now()),
        completed_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([Column::TenantId, Column::UserId, Column::Key])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(tx.conn())
    .await?;
    if inserted == 1 {
        return Ok(Claim::Claimed);
    }
    let row = find(tx, user, key).await?;
    Ok(match row {
        Some(r) => Claim::Taken {
            request_hash: r.request_hash,
            response: r.response,
            created_at: r.created_at,
        },
        // Removed between the insert and the read (its first request failed): retry.
        None => Claim::Taken {
            request_hash: request_hash.to_owned(),
            response: None,
            created_at: Utc::now(),
        },
    })
}

pub async fn find(
    tx: &TenantTx,
    user: Uuid,
    key: &str,
) -> InfraResult<Option<idempotency_key::Model>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user))
        .filter(Column::Key.eq(key))
        .one(tx.conn())
        .await?)
}

/// Keep the first request's response.
pub async fn complete(tx: &TenantTx, user: Uuid, key: &str, response: &str) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::Status, "done".into())
        .col_expr(Column::Response, Some(response.to_owned()).into())
        .col_expr(Column::CompletedAt, Some(Utc::now()).into())
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user))
        .filter(Column::Key.eq(key))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Give the key back: the first request failed for a reason a retry may not meet
/// (the database was away), so the next request with it runs afresh.
pub async fn release(tx: &TenantTx, user: Uuid, key: &str) -> InfraResult<()> {
    Entity::delete_many()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user))
        .filter(Column::Key.eq(key))
        .filter(Column::Status.eq("pending"))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Take over a claim whose request never finished (its server stopped): the row's
/// time is renewed only if it is still the stale one, so one taker wins.
pub async fn reclaim_stale(
    tx: &TenantTx,
    user: Uuid,
    key: &str,
    stale_at: DateTime<Utc>,
) -> InfraResult<bool> {
    let r = Entity::update_many()
        .col_expr(Column::CreatedAt, Utc::now().into())
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user))
        .filter(Column::Key.eq(key))
        .filter(Column::Status.eq("pending"))
        .filter(Column::CreatedAt.eq(stale_at))
        .exec(tx.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

/// Forget keys older than `before`; returns how many.
pub async fn purge(tx: &TenantTx, before: DateTime<Utc>) -> InfraResult<u64> {
    Ok(Entity::delete_many()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::CreatedAt.lt(before))
        .exec(tx.conn())
        .await?
        .rows_affected)
}
