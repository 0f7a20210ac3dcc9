//! The tenants directory (a platform table).

use crate::db::{is_unique_violation, InfraError, InfraResult, PlatformTx};
use crate::entities::tenant::{self, Column, Entity};
use arogya_domain::ids::TenantId;
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::tenant::{NewTenant, TenantCode, TenantStatus};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

pub type TenantRecord = tenant::Model;

pub async fn find(conn: &impl ConnectionTrait, id: TenantId) -> InfraResult<Option<TenantRecord>> {
    Ok(Entity::find_by_id(id.0).one(conn).await?)
}

pub async fn find_by_code(
    conn: &impl ConnectionTrait,
    code: &TenantCode,
) -> InfraResult<Option<TenantRecord>> {
    Ok(Entity::find()
        .filter(Column::Code.eq(code.as_str()))
        .one(conn)
        .await?)
}

pub async fn find_many(
    conn: &impl ConnectionTrait,
    ids: &[Uuid],
) -> InfraResult<Vec<TenantRecord>> {
    Ok(Entity::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?)
}

/// Every tenant, for background tasks that visit each one.
pub async fn all(conn: &impl ConnectionTrait) -> InfraResult<Vec<TenantRecord>> {
    Ok(Entity::find().all(conn).await?)
}

/// Newest first.
pub async fn list(
    conn: &impl ConnectionTrait,
    page: PageRequest,
) -> InfraResult<Page<TenantRecord>> {
    super::newest_first(conn, Entity::find(), Column::Id, page).await
}

pub async fn insert(
    tx: &PlatformTx,
    new: &NewTenant,
    parent: Option<TenantId>,
) -> InfraResult<TenantRecord> {
    let now = Utc::now();
    let model = tenant::ActiveModel {
        id: Set(TenantId::new().0),
        kind: Set(new.kind.as_str().to_owned()),
        code: Set(new.code.as_str().to_owned()),
        name: Set(new.name.as_str().to_owned()),
        parent_id: Set(parent.map(|p| p.0)),
        status: Set(TenantStatus::Active.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    model.insert(tx.conn()).await.map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::Validation {
                field: "code".into(),
                message: format!("a tenant with code {} exists", new.code),
            }
            .into()
        } else {
            InfraError::from(e)
        }
    })
}

/// Change a tenant's status. With `expected_version`, a stale version is a conflict.
pub async fn set_status(
    tx: &PlatformTx,
    id: TenantId,
    status: TenantStatus,
    expected_version: Option<i32>,
) -> InfraResult<TenantRecord> {
    let mut q = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id.0));
    if let Some(v) = expected_version {
        q = q.filter(Column::Version.eq(v));
    }
    let updated = q.exec(tx.conn()).await?.rows_affected;
    let current = find(tx.conn(), id)
        .await?
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    if updated == 0 {
        return Err(DomainError::conflict(format!(
            "the tenant was changed by someone else (now at version {}); reload and try again",
            current.version
        ))
        .into());
    }
    Ok(current)
}
