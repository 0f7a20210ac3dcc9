//! Codes sent to e-mail addresses, and which addresses their accounts proved.

use crate::db::{InfraResult, TenantTx};
use arogya_domain::ids::UserId;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

const TABLE: &str = "email_verifications";

#[derive(Debug, Clone, FromQueryResult)]
pub struct EmailCode {
    pub id: Uuid,
    pub email: String,
    pub code_hash: String,
    pub expires_at: DateTime<Utc>,
    pub attempts_left: i16,
    pub verified_at: Option<DateTime<Utc>>,
}

const COLUMNS: [&str; 6] = [
    "id",
    "email",
    "code_hash",
    "expires_at",
    "attempts_left",
    "verified_at",
];

/// A new code for `email`, valid for `ttl`; `hash_for` turns the new row's id into the
/// code's stored hash (the hash is bound to the row).
pub async fn issue(
    tx: &TenantTx,
    user: UserId,
    email: &str,
    ttl: Duration,
    attempts: i16,
    hash_for: impl FnOnce(Uuid) -> String,
) -> InfraResult<EmailCode> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    let code = EmailCode {
        id,
        email: email.to_owned(),
        code_hash: hash_for(id),
        expires_at: now + ttl,
        attempts_left: attempts,
        verified_at: None,
    };
    let insert = Query::insert()
        .into_table(Alias::new(TABLE))
        .columns(
            [
                "tenant_id",
                "id",
                "user_id",
                "email",
                "code_hash",
                "expires_at",
                "attempts_left",
                "created_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            tx.tenant().0.into(),
            id.into(),
            user.0.into(),
            code.email.clone().into(),
            code.code_hash.clone().into(),
            code.expires_at.into(),
            attempts.into(),
            now.into(),
        ])
        .to_owned();
    let conn = tx.conn();
    conn.execute_raw(conn.get_database_backend().build(&insert))
        .await?;
    Ok(code)
}

/// The user's newest code.
pub async fn latest(tx: &TenantTx, user: UserId) -> InfraResult<Option<EmailCode>> {
    let q = Query::select()
        .columns(COLUMNS.map(Alias::new))
        .from(Alias::new(TABLE))
        .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .and_where(Expr::col(Alias::new("user_id")).eq(user.0))
        .order_by(Alias::new("created_at"), Order::Desc)
        .limit(1)
        .to_owned();
    let conn = tx.conn();
    Ok(
        EmailCode::find_by_statement(conn.get_database_backend().build(&q))
            .one(conn)
            .await?,
    )
}

/// Codes sent to the user since `since` (the per-account limit).
pub async fn sent_since(tx: &TenantTx, user: UserId, since: DateTime<Utc>) -> InfraResult<u64> {
    #[derive(FromQueryResult)]
    struct N {
        n: i64,
    }
    let q = Query::select()
        .expr_as(Expr::col(Alias::new("id")).count(), Alias::new("n"))
        .from(Alias::new(TABLE))
        .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .and_where(Expr::col(Alias::new("user_id")).eq(user.0))
        .and_where(Expr::col(Alias::new("created_at")).gt(since))
        .to_owned();
    let conn = tx.conn();
    Ok(N::find_by_statement(conn.get_database_backend().build(&q))
        .one(conn)
        .await?
        .map(|r| r.n as u64)
        .unwrap_or(0))
}

async fn update(tx: &TenantTx, id: Uuid, set: (&str, sea_orm::Value)) -> InfraResult<()> {
    let q = Query::update()
        .table(Alias::new(TABLE))
        .value(Alias::new(set.0), set.1)
        .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let conn = tx.conn();
    conn.execute_raw(conn.get_database_backend().build(&q))
        .await?;
    Ok(())
}

/// A wrong guess: one attempt fewer.
pub async fn wrong_guess(tx: &TenantTx, code: &EmailCode) -> InfraResult<i16> {
    let left = Ord::max(code.attempts_left - 1, 0);
    update(tx, code.id, ("attempts_left", left.into())).await?;
    Ok(left)
}

pub async fn mark_verified(tx: &TenantTx, code: &EmailCode) -> InfraResult<()> {
    update(tx, code.id, ("verified_at", Utc::now().into())).await
}

/// Has the user proved `email`?
pub async fn is_verified(tx: &TenantTx, user: UserId, email: &str) -> InfraResult<bool> {
    let q = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new(TABLE))
        .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .and_where(Expr::col(Alias::new("user_id")).eq(user.0))
        .and_where(Expr::col(Alias::new("email")).eq(email))
        .and_where(Expr::col(Alias::new("verified_at")).is_not_null())
        .limit(1)
        .to_owned();
    let conn = tx.conn();
    Ok(conn
        .query_one_raw(conn.get_database_backend().build(&q))
        .await?
        .is_some())
}
