//! Hospital sign-ups and the one-time codes that verify them. Codes are stored only
//! as keyed hashes; each has an expiry and a budget of wrong guesses, and the number
//! sent to one phone is limited per window.

use crate::db::{InfraResult, TenantTx};
use crate::entities::hospital_signup::{self, Entity as Signups};
use crate::entities::otp_code::{self, Column as Code, Entity as Codes};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

pub type SignupRecord = hospital_signup::Model;
pub type CodeRecord = otp_code::Model;

pub const PENDING: &str = "pending";
pub const VERIFIED: &str = "verified";

pub async fn insert(
    tx: &TenantTx,
    name: &str,
    phone: &str,
    email: &str,
) -> InfraResult<SignupRecord> {
    Ok(hospital_signup::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        name: Set(name.to_owned()),
        phone: Set(phone.to_owned()),
        email: Set(email.to_owned()),
        status: Set(PENDING.to_owned()),
        user_id: Set(None),
        created_at: Set(Utc::now()),
        verified_at: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<SignupRecord>> {
    Ok(Signups::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Mark verified (once) and link the account made for it.
pub async fn mark_verified(tx: &TenantTx, id: Uuid, user: Uuid) -> InfraResult<bool> {
    Ok(Signups::update_many()
        .col_expr(hospital_signup::Column::Status, Expr::value(VERIFIED))
        .col_expr(hospital_signup::Column::UserId, Expr::value(user))
        .col_expr(hospital_signup::Column::VerifiedAt, Expr::value(Utc::now()))
        .filter(hospital_signup::Column::TenantId.eq(tx.tenant().0))
        .filter(hospital_signup::Column::Id.eq(id))
        .filter(hospital_signup::Column::Status.eq(PENDING))
        .exec(tx.conn())
        .await?
        .rows_affected
        == 1)
}

/// Codes sent to `phone` since `since`, for the send limit.
pub async fn codes_sent_since(
    tx: &TenantTx,
    phone: &str,
    since: DateTime<Utc>,
) -> InfraResult<u64> {
    Ok(Codes::find()
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::Phone.eq(phone))
        .filter(Code::CreatedAt.gte(since))
        .count(tx.conn())
        .await?)
}

/// The oldest code sent to `phone` since `since` (when the window frees up again).
pub async fn oldest_code_since(
    tx: &TenantTx,
    phone: &str,
    since: DateTime<Utc>,
) -> InfraResult<Option<CodeRecord>> {
    Ok(Codes::find()
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::Phone.eq(phone))
        .filter(Code::CreatedAt.gte(since))
        .order_by_asc(Code::CreatedAt)
        .one(tx.conn())
        .await?)
}

/// A new code for a sign-up; earlier unspent codes of the sign-up stop working.
pub async fn issue_code(
    tx: &TenantTx,
    signup: &SignupRecord,
    code_hash: String,
    ttl: Duration,
) -> InfraResult<CodeRecord> {
    let now = Utc::now();
    Codes::update_many()
        .col_expr(Code::ConsumedAt, Expr::value(now))
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::SignupId.eq(signup.id))
        .filter(Code::ConsumedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(otp_code::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        signup_id: Set(signup.id),
        phone: Set(signup.phone.clone()),
        code_hash: Set(code_hash),
        expires_at: Set(now + ttl),
        attempts: Set(0),
        consumed_at: Set(None),
        created_at: Set(now),
    }
    .insert(tx.conn())
    .await?)
}

/// The sign-up's code that can still be used, if any.
pub async fn live_code(tx: &TenantTx, signup: Uuid) -> InfraResult<Option<CodeRecord>> {
    Ok(Codes::find()
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::SignupId.eq(signup))
        .filter(Code::ConsumedAt.is_null())
        .order_by_desc(Code::Id)
        .one(tx.conn())
        .await?)
}

/// Count a wrong guess; the code is spent when the budget is used up.
pub async fn record_wrong_guess(
    tx: &TenantTx,
    code: &CodeRecord,
    max_attempts: i32,
) -> InfraResult<i32> {
    let attempts = code.attempts + 1;
    let mut update = Codes::update_many()
        .col_expr(Code::Attempts, Expr::value(attempts))
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::Id.eq(code.id));
    if attempts >= max_attempts {
        update = update.col_expr(Code::ConsumedAt, Expr::value(Utc::now()));
    }
    update.exec(tx.conn()).await?;
    Ok(max_attempts - attempts)
}

/// Spend a code (once).
pub async fn consume(tx: &TenantTx, code: &CodeRecord) -> InfraResult<bool> {
    Ok(Codes::update_many()
        .col_expr(Code::ConsumedAt, Expr::value(Utc::now()))
        .filter(Code::TenantId.eq(tx.tenant().0))
        .filter(Code::Id.eq(code.id))
        .filter(Code::ConsumedAt.is_null())
        .exec(tx.conn())
        .await?
        .rows_affected
        == 1)
}
