//! Staff accounts of one tenant.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::user::{self, Column, Entity};
use arogya_domain::ids::UserId;
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::user::{DisplayName, Email, LoginName, Username};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

pub type UserRecord = user::Model;

pub const STATUS_ACTIVE: &str = "active";
pub const STATUS_DISABLED: &str = "disabled";

pub struct NewUser<'a> {
    pub username: &'a Username,
    pub email: Option<&'a Email>,
    pub display_name: &'a DisplayName,
    pub password_hash: String,
}

fn unique_error(e: sea_orm::DbErr) -> InfraError {
    if !is_unique_violation(&e) {
        return e.into();
    }
    let msg = e.to_string();
    if msg.contains("email") {
        DomainError::validation(
            "email",
            "another account of this tenant uses this e-mail address",
        )
        .into()
    } else {
        DomainError::validation("username", "this username is taken in this tenant").into()
    }
}

pub async fn insert(tx: &TenantTx, new: NewUser<'_>) -> InfraResult<UserRecord> {
    let now = Utc::now();
    let model = user::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(UserId::new().0),
        username: Set(new.username.as_str().to_owned()),
        email: Set(new.email.map(|e| e.as_str().to_owned())),
        display_name: Set(new.display_name.as_str().to_owned()),
        password_hash: Set(new.password_hash),
        status: Set(STATUS_ACTIVE.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    model.insert(tx.conn()).await.map_err(unique_error)
}

pub async fn find(tx: &TenantTx, id: UserId) -> InfraResult<Option<UserRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id.0))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<UserRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn find_by_login(tx: &TenantTx, login: &LoginName) -> InfraResult<Option<UserRecord>> {
    let q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    let q = match login {
        LoginName::Username(u) => q.filter(Column::Username.eq(u.as_str())),
        LoginName::Email(e) => q.filter(Column::Email.eq(e.as_str())),
    };
    Ok(q.one(tx.conn()).await?)
}

/// Newest first.
/// Every account's id, username and display name in the tenant (for look-alike checks
/// when an administrator names an account: staff lists are thousands, not millions).
pub async fn names(tx: &TenantTx) -> InfraResult<Vec<(Uuid, String, String)>> {
    use sea_orm::QuerySelect;
    Ok(Entity::find()
        .select_only()
        .columns([Column::Id, Column::Username, Column::DisplayName])
        .filter(Column::TenantId.eq(tx.tenant().0))
        .into_tuple::<(Uuid, String, String)>()
        .all(tx.conn())
        .await?)
}

pub async fn list(tx: &TenantTx, page: PageRequest) -> InfraResult<Page<UserRecord>> {
    let q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

/// The profile fields an update may change; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct ProfileChange {
    pub display_name: Option<DisplayName>,
    /// `Some(None)` clears the address.
    pub email: Option<Option<Email>>,
    pub status: Option<&'static str>,
}

/// Optimistic update: only applies when the row is still at `expected_version`.
pub async fn update_profile(
    tx: &TenantTx,
    id: UserId,
    expected_version: i32,
    change: ProfileChange,
) -> InfraResult<UserRecord> {
    let mut sets: Vec<(Column, SimpleExpr)> = Vec::new();
    if let Some(n) = &change.display_name {
        sets.push((Column::DisplayName, Expr::value(n.as_str())));
    }
    if let Some(e) = &change.email {
        sets.push((
            Column::Email,
            Expr::value(e.as_ref().map(|e| e.as_str().to_owned())),
        ));
    }
    if let Some(s) = change.status {
        sets.push((Column::Status, Expr::value(s)));
    }
    versioned_update(tx, id, Some(expected_version), sets).await
}

/// Set the e-mail address the account proved (any version: a proof is not an edit).
pub async fn set_verified_email(
    tx: &TenantTx,
    id: UserId,
    email: &Email,
) -> InfraResult<UserRecord> {
    versioned_update(
        tx,
        id,
        None,
        vec![(Column::Email, Expr::value(email.as_str().to_owned()))],
    )
    .await
}

/// Replace the password hash (any version: a reset is not an edit of the profile).
pub async fn set_password_hash(tx: &TenantTx, id: UserId, hash: String) -> InfraResult<UserRecord> {
    versioned_update(
        tx,
        id,
        None,
        vec![(Column::PasswordHash, Expr::value(hash))],
    )
    .await
}

async fn versioned_update(
    tx: &TenantTx,
    id: UserId,
    expected_version: Option<i32>,
    sets: Vec<(Column, SimpleExpr)>,
) -> InfraResult<UserRecord> {
    let mut q = Entity::update_many()
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id.0));
    for (col, value) in sets {
        q = q.col_expr(col, value);
    }
    if let Some(v) = expected_version {
        q = q.filter(Column::Version.eq(v));
    }
    let updated = q.exec(tx.conn()).await.map_err(unique_error)?.rows_affected;
    let current = find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    if updated == 0 {
        return Err(DomainError::conflict(format!(
            "the account was changed by someone else (now at version {}); reload and try again",
            current.version
        ))
        .into());
    }
    Ok(current)
}
