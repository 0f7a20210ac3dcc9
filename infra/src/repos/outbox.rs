//! The notification outbox: messages are written in the same transaction as the
//! change that causes them, and delivered afterwards by the notification adapter, so
//! a message is never sent for a change that rolled back, nor lost for one that
//! committed.

use crate::db::{InfraResult, TenantTx};
use crate::entities::notification::{self, Column, Entity};
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type OutboxRecord = notification::Model;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// How many times delivery is tried before a message is left as failed.
pub const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }
}

pub async fn enqueue(
    tx: &TenantTx,
    channel: Channel,
    destination: &str,
    subject: &str,
    body: &str,
) -> InfraResult<OutboxRecord> {
    Ok(notification::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        channel: Set(channel.as_str().to_owned()),
        destination: Set(destination.to_owned()),
        subject: Set(subject.to_owned()),
        body: Set(body.to_owned()),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        last_error: Set(None),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

/// The oldest pending messages. On PostgreSQL they are locked (`FOR UPDATE SKIP
/// LOCKED`), so two replicas never deliver the same message.
pub async fn claim_pending(tx: &TenantTx, limit: u64) -> InfraResult<Vec<OutboxRecord>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(PENDING))
        .order_by_asc(Column::Id)
        .limit(limit);
    if tx.backend() == crate::Backend::Postgres {
        q = q.lock_with_behavior(
            sea_orm::sea_query::LockType::Update,
            sea_orm::sea_query::LockBehavior::SkipLocked,
        );
    }
    Ok(q.all(tx.conn()).await?)
}

pub async fn mark_sent(tx: &TenantTx, id: Uuid) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::Status, Expr::value(SENT))
        .col_expr(Column::SentAt, Expr::value(Utc::now()))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Count a failed attempt; after [`MAX_ATTEMPTS`] the message stays `failed`.
pub async fn mark_failed(tx: &TenantTx, msg: &OutboxRecord, error: &str) -> InfraResult<()> {
    let attempts = msg.attempts + 1;
    let status = if attempts >= MAX_ATTEMPTS {
        FAILED
    } else {
        PENDING
    };
    let error: String = error.chars().take(500).collect();
    Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Attempts, Expr::value(attempts))
        .col_expr(Column::LastError, Expr::value(error))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(msg.id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// The newest messages of the tenant.
pub async fn recent(tx: &TenantTx, limit: u64) -> InfraResult<Vec<OutboxRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Messages given up on after [`MAX_ATTEMPTS`], newest first (on `ix_outbox_pending`).
pub async fn failed(tx: &TenantTx, limit: u64) -> InfraResult<Vec<OutboxRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(FAILED))
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}
