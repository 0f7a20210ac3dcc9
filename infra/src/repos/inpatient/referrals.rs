//! Referrals between facilities.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::referral::{self, Column, Entity};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type ReferralRecord = referral::Model;

pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";
pub const DECLINED: &str = "declined";

pub async fn insert(
    tx: &TenantTx,
    admission: Uuid,
    from: Uuid,
    to: Uuid,
    reason: &str,
    by: Uuid,
) -> InfraResult<ReferralRecord> {
    referral::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(admission),
        from_facility_id: Set(from),
        to_facility_id: Set(to),
        reason: Set(reason.to_owned()),
        status: Set(PENDING.to_owned()),
        requested_by: Set(by),
        requested_at: Set(Utc::now()),
        decided_by: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
        received_admission_id: Set(None),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("the patient already has a referral waiting for an answer").into()
        } else {
            e.into()
        }
    })
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ReferralRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Referrals waiting at facilities, oldest first.
pub async fn pending_to(
    tx: &TenantTx,
    facilities: Option<&[Uuid]>,
) -> InfraResult<Vec<ReferralRecord>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(PENDING));
    if let Some(ids) = facilities {
        q = q.filter(Column::ToFacilityId.is_in(ids.iter().copied()));
    }
    Ok(q.order_by_asc(Column::RequestedAt).all(tx.conn()).await?)
}

/// Decide a pending referral; false when it was decided meanwhile.
pub async fn decide(
    tx: &TenantTx,
    id: Uuid,
    status: &str,
    by: Uuid,
    note: Option<String>,
    received: Option<Uuid>,
) -> InfraResult<bool> {
    let done = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::DecidedBy, Expr::value(Some(by)))
        .col_expr(Column::DecidedAt, Expr::value(Some(Utc::now())))
        .col_expr(Column::DecisionNote, Expr::value(note))
        .col_expr(Column::ReceivedAdmissionId, Expr::value(received))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(PENDING))
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
