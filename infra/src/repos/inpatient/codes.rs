//! One-time codes sent to attendants' phones: to prove a number at admission, and to
//! open the family status page. Only a keyed hash of each code is kept.

use crate::db::{InfraResult, TenantTx};
use crate::entities::inpatient_code::{self, Column, Entity};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

pub type CodeRecord = inpatient_code::Model;

pub const ATTENDANT: &str = "attendant";
pub const FAMILY: &str = "family";

pub struct NewCode<'a> {
    pub id: Uuid,
    pub request: Uuid,
    pub purpose: &'static str,
    pub admission: Uuid,
    pub attendant: Uuid,
    pub phone: &'a str,
    pub code_hash: String,
    pub expires_at: DateTime<Utc>,
    pub attempts: i16,
    pub client_addr: Option<String>,
}

pub async fn insert(tx: &TenantTx, n: NewCode<'_>) -> InfraResult<CodeRecord> {
    Ok(inpatient_code::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(n.id),
        request_id: Set(n.request),
        purpose: Set(n.purpose.to_owned()),
        admission_id: Set(n.admission),
        attendant_id: Set(n.attendant),
        phone: Set(n.phone.to_owned()),
        code_hash: Set(n.code_hash),
        expires_at: Set(n.expires_at),
        attempts_left: Set(n.attempts),
        used_at: Set(None),
        client_addr: Set(n.client_addr),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?)
}

/// The codes of one request (one per phone it went to).
pub async fn of_request(
    tx: &TenantTx,
    request: Uuid,
    purpose: &str,
) -> InfraResult<Vec<CodeRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::RequestId.eq(request))
        .filter(Column::Purpose.eq(purpose))
        .all(tx.conn())
        .await?)
}

/// One wrong guess against every code of a request.
pub async fn spend_attempt(tx: &TenantTx, request: Uuid) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::AttemptsLeft, Expr::col(Column::AttemptsLeft).sub(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::RequestId.eq(request))
        .filter(Column::AttemptsLeft.gt(0))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Use a request's codes up: a code works once. False when another request used
/// them first.
pub async fn use_up(tx: &TenantTx, request: Uuid) -> InfraResult<bool> {
    let done = Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(Some(Utc::now())))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::RequestId.eq(request))
        .filter(Column::UsedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected > 0)
}

/// Codes sent to a phone since a time (for the per-phone limit).
pub async fn sent_to_phone_since(
    tx: &TenantTx,
    phone: &str,
    since: DateTime<Utc>,
) -> InfraResult<u64> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Phone.eq(phone))
        .filter(Column::CreatedAt.gte(since))
        .count(tx.conn())
        .await?)
}

/// Requests made for an admission since a time (for the per-admission limit).
pub async fn requests_for_admission_since(
    tx: &TenantTx,
    admission: Uuid,
    purpose: &str,
    since: DateTime<Utc>,
) -> InfraResult<u64> {
    Ok(Entity::find()
        .select_only()
        .column(Column::RequestId)
        .distinct()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::AdmissionId.eq(admission))
        .filter(Column::Purpose.eq(purpose))
        .filter(Column::CreatedAt.gte(since))
        .into_tuple::<Uuid>()
        .all(tx.conn())
        .await?
        .len() as u64)
}

/// The latest code of a purpose sent to an attendant.
pub async fn latest_for_attendant(
    tx: &TenantTx,
    attendant: Uuid,
    purpose: &str,
) -> InfraResult<Option<CodeRecord>> {
    use sea_orm::QueryOrder;
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::AttendantId.eq(attendant))
        .filter(Column::Purpose.eq(purpose))
        .order_by_desc(Column::CreatedAt)
        .one(tx.conn())
        .await?)
}
