//! Administering staff accounts inside one tenant.

use super::NewAccount;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::role::RoleGrant;
use arogya_domain::user::{DisplayName, NewPassword};
use arogya_domain::DomainError;
use arogya_infra::auth::password::hash_password;
use arogya_infra::auth::revocations::RevocationKind;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::users::{self, NewUser, ProfileChange, UserRecord};
use arogya_infra::repos::{facilities, roles, sessions, units};
use arogya_infra::TenantTx;

fn grant_detail(g: &RoleGrant) -> serde_json::Value {
    serde_json::json!({ "role": g.role.as_str(), "unit": g.unit(), "facility": g.facility() })
}

/// A grant's unit or facility must be one of this tenant's (an id from another tenant,
/// or none at all, is refused by name; the composite foreign keys stand behind this).
async fn ensure_scope_exists(tx: &TenantTx, grant: &RoleGrant) -> ApiResult<()> {
    if let Some(unit) = grant.unit() {
        if units::find(tx, unit).await?.is_none() {
            return Err(DomainError::validation(
                "grant.unitId",
                "is not an administrative unit of this tenant",
            )
            .into());
        }
    }
    if let Some(facility) = grant.facility() {
        if facilities::find(tx, facility).await?.is_none() {
            return Err(DomainError::validation(
                "grant.facilityId",
                "is not a facility of this tenant",
            )
            .into());
        }
    }
    Ok(())
}

/// Insert an account and its grants in an open transaction (shared with tenant creation).
pub(crate) async fn insert_account(
    tx: &mut TenantTx,
    actor: Actor,
    meta: &RequestMeta,
    account: &NewAccount,
    password_hash: String,
) -> ApiResult<UserRecord> {
    let user = users::insert(
        tx,
        NewUser {
            username: &account.username,
            email: account.email.as_ref(),
            display_name: &account.display_name,
            password_hash,
        },
    )
    .await?;
    for g in &account.grants {
        ensure_scope_exists(tx, g).await?;
        roles::grant(tx, UserId(user.id), *g, actor.id()).await?;
    }
    let detail = serde_json::json!({
        "username": user.username,
        "roles": account.grants.iter().map(grant_detail).collect::<Vec<_>>(),
    });
    let event = NewAuditEvent::new(actor, AuditAction::UserCreate, "user", Some(user.id))
        .with_detail(detail);
    audit::record(tx, meta, event).await?;
    Ok(user)
}

/// A display name that looks like another account's (`Stаte Admin` with a Cyrillic
/// `а` beside `State Admin`) is a CONFLICT the administrator may override, so no one
/// can quietly pass for someone else.
async fn ensure_not_look_alike(
    tx: &TenantTx,
    name: &DisplayName,
    except: Option<UserId>,
) -> ApiResult<()> {
    let skeleton = name.skeleton();
    for (id, username, other) in users::names(tx).await? {
        if Some(UserId(id)) == except {
            continue;
        }
        let Ok(other) = DisplayName::parse(&other) else {
            continue;
        };
        if other.skeleton() == skeleton {
            return Err(ApiError::ConflictWith {
                reason: "SIMILAR_NAME",
                message: format!(
                    "\"{}\" looks like the name of another account ({username}): choose another, or confirm it is meant",
                    name.as_str()
                ),
            });
        }
    }
    Ok(())
}

/// Create an account; `allow_similar_name` confirms a name that looks like another's.
pub async fn create_user(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    account: NewAccount,
    allow_similar_name: bool,
) -> ApiResult<UserRecord> {
    let hash = hash_password(&account.password).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    // Inserted first, so a taken username or e-mail is reported as such; a look-alike
    // name then rolls the insert back.
    let user = insert_account(&mut tx, actor, meta, &account, hash).await?;
    if !allow_similar_name {
        ensure_not_look_alike(&tx, &account.display_name, Some(UserId(user.id))).await?;
    }
    tx.commit().await?;
    Ok(user)
}

/// An edit of an account: what changes, the version it was read at, and whether a
/// display name like another account's is confirmed.
pub struct AccountEdit {
    pub expected_version: i32,
    pub change: ProfileChange,
    pub allow_similar_name: bool,
}

/// Change display name, e-mail or active state, if the caller saw the latest version.
/// Disabling an account ends its sessions.
pub async fn update_user(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    id: UserId,
    edit: AccountEdit,
) -> ApiResult<UserRecord> {
    let AccountEdit {
        expected_version,
        change,
        allow_similar_name,
    } = edit;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    users::find(&tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    if let (Some(name), false) = (&change.display_name, allow_similar_name) {
        ensure_not_look_alike(&tx, name, Some(id)).await?;
    }
    let detail = serde_json::json!({
        "displayName": change.display_name.is_some(),
        "email": change.email.is_some(),
        "status": change.status,
    });
    let disabling = change.status == Some(users::STATUS_DISABLED);
    let user = users::update_profile(&tx, id, expected_version, change).await?;
    let mut revoked = None;
    if disabling {
        sessions::revoke_user(&tx, id).await?;
        let r = state.revocations.record(&tx, RevocationKind::User, id.0);
        revoked = Some(r.await?);
    }
    let event =
        NewAuditEvent::new(actor, AuditAction::UserUpdate, "user", Some(id.0)).with_detail(detail);
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    if let Some(r) = revoked {
        state.revocations.apply(r);
    }
    Ok(user)
}

/// Set a new password for someone else; their sessions end.
pub async fn reset_password(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    id: UserId,
    password: NewPassword,
) -> ApiResult<()> {
    let hash = hash_password(&password).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    users::find(&tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    super::api_clients::refuse_password_reset(&tx, id).await?;
    users::set_password_hash(&tx, id, hash).await?;
    sessions::revoke_user(&tx, id).await?;
    let revoked = state
        .revocations
        .record(&tx, RevocationKind::User, id.0)
        .await?;
    audit::record(
        &mut tx,
        meta,
        NewAuditEvent::new(actor, AuditAction::UserPasswordReset, "user", Some(id.0)),
    )
    .await?;
    tx.commit().await?;
    state.revocations.apply(revoked);
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChange {
    Grant,
    Revoke,
}

/// Grant a role (a duplicate is a conflict) or revoke one (a missing one is not found).
pub async fn change_role(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    id: UserId,
    grant: RoleGrant,
    change: RoleChange,
) -> ApiResult<UserRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let user = users::find(&tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    let mut revoked = None;
    let action = match change {
        RoleChange::Grant => {
            ensure_scope_exists(&tx, &grant).await?;
            roles::grant(&tx, id, grant, actor.id()).await?;
            AuditAction::RoleGrant
        }
        RoleChange::Revoke => {
            if !roles::revoke(&tx, id, grant).await? {
                return Err(DomainError::NotFound {
                    entity: "role grant",
                }
                .into());
            }
            // Tokens naming the role stop working now; the session survives, so the
            // next refresh brings a token with the roles left.
            let r = state.revocations.record(&tx, RevocationKind::User, id.0);
            revoked = Some(r.await?);
            AuditAction::RoleRevoke
        }
    };
    let event =
        NewAuditEvent::new(actor, action, "user", Some(id.0)).with_detail(grant_detail(&grant));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    if let Some(r) = revoked {
        state.revocations.apply(r);
    }
    Ok(user)
}
