//! Logging in and out, refreshing tokens, changing one's own password.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::role::RoleGrant;
use arogya_domain::tenant::{TenantCode, TenantStatus};
use arogya_domain::user::{LoginName, NewPassword};
use arogya_domain::DomainError;
use arogya_infra::auth::access_token;
use arogya_infra::auth::password::{hash_password, verify_password};
use arogya_infra::auth::revocations::RevocationKind;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::sessions::{self, IssuedRefreshToken, Rotation};
use arogya_infra::repos::{platform_admins, roles, tenants, users};
use chrono::{DateTime, Duration, Utc};

/// What a successful login or refresh hands back.
pub struct Session {
    pub principal: Principal,
    pub display_name: String,
    pub access_token: String,
    pub access_token_expires_at: DateTime<Utc>,
    pub refresh: IssuedRefreshToken,
}

fn refresh_ttl(state: &AppState) -> Duration {
    Duration::hours(state.config.refresh_token_ttl_hours)
}

fn sign(
    state: &AppState,
    principal: Principal,
    display_name: String,
    refresh: IssuedRefreshToken,
) -> ApiResult<Session> {
    let ttl = state.config.access_token_ttl_secs;
    let (access_token, exp) = access_token::issue(
        &state.keys,
        &principal,
        Some(refresh.family_id),
        &display_name,
        ttl,
    )?;
    let access_token_expires_at = DateTime::from_timestamp(exp, 0).unwrap_or_else(Utc::now);
    Ok(Session {
        principal,
        display_name,
        access_token,
        access_token_expires_at,
        refresh,
    })
}

fn sign_staff(
    state: &AppState,
    id: UserId,
    tenant: TenantId,
    grants: Vec<RoleGrant>,
    display_name: String,
    refresh: IssuedRefreshToken,
) -> ApiResult<Session> {
    let principal = Principal::Staff { id, tenant, grants };
    sign(state, principal, display_name, refresh)
}

fn bad_credentials() -> ApiError {
    DomainError::bad_credentials().into()
}

fn refresh_rejected() -> ApiError {
    ApiError::Unauthenticated("The refresh token is not valid. Sign in again.".into())
}

/// Log in with a tenant code (absent for platform administrators), a username or
/// e-mail address, and a password. Failures are counted per account (whichever of its
/// names was typed; the typed name when there is no such account) and per client
/// address, in the database, so the lock holds across restarts and instances; the
/// answer never says which part was wrong.
pub async fn login(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: Option<&str>,
    login: &str,
    password: String,
) -> ApiResult<Session> {
    let account_key = account_of(state, tenant_code, login).await?;
    let address = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    let conn = state.db.ready_conn()?;
    state
        .login_lock
        .check(conn, &account_key, &address)
        .await?
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;

    let result = match tenant_code {
        Some(code) => login_staff(state, meta, code, login, password).await,
        None => login_platform_admin(state, login, password).await,
    };
    match &result {
        Ok(_) => state.login_lock.succeeded(conn, &account_key).await?,
        Err(ApiError::Unauthenticated(_)) => {
            state
                .login_lock
                .failed(conn, &account_key, &address)
                .await?
        }
        Err(_) => {}
    }
    result
}

/// The key failures are counted under: the account when the typed name finds one (so
/// its username and e-mail share one count), else the typed name itself (so a lock
/// says nothing about whether an account exists).
async fn account_of(state: &AppState, tenant_code: Option<&str>, login: &str) -> ApiResult<String> {
    let scope = tenant_code
        .map(|c| c.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "platform".into());
    let typed = format!("name:{scope}:{}", login.trim().to_lowercase());
    let Ok(name) = LoginName::parse(login) else {
        return Ok(typed);
    };
    match tenant_code {
        Some(code) => {
            let Ok(code) = TenantCode::parse(code) else {
                return Ok(typed);
            };
            let Some(tenant) = tenants::find_by_code(state.db.ready_conn()?, &code).await? else {
                return Ok(typed);
            };
            let tx = state
                .db
                .tenant_tx(TenantId(tenant.id), Access::Read)
                .await?;
            let user = users::find_by_login(&tx, &name).await?;
            tx.commit().await?;
            Ok(user.map(|u| format!("user:{}", u.id)).unwrap_or(typed))
        }
        None => {
            let LoginName::Username(username) = name else {
                return Ok(typed);
            };
            let tx = state.db.platform_tx(Access::Read).await?;
            let admin = platform_admins::find_by_username(&tx, &username).await?;
            tx.commit().await?;
            Ok(admin.map(|a| format!("admin:{}", a.id)).unwrap_or(typed))
        }
    }
}

async fn login_staff(
    state: &AppState,
    meta: &RequestMeta,
    code: &str,
    login: &str,
    password: String,
) -> ApiResult<Session> {
    let (Ok(code), Ok(login)) = (TenantCode::parse(code), LoginName::parse(login)) else {
        verify_password(None, password).await;
        return Err(bad_credentials());
    };
    let tenant = tenants::find_by_code(state.db.ready_conn()?, &code).await?;
    let Some(tenant) = tenant.filter(|t| t.status == TenantStatus::Active.as_str()) else {
        verify_password(None, password).await;
        return Err(bad_credentials());
    };
    let tenant_id = TenantId(tenant.id);

    // Read, then verify outside any transaction: hashing takes tens of milliseconds
    // and must not hold a database connection (or SQLite's write lock).
    let tx = state.db.tenant_tx(tenant_id, Access::Read).await?;
    let user = users::find_by_login(&tx, &login)
        .await?
        .filter(|u| u.status == users::STATUS_ACTIVE);
    let grants = match &user {
        Some(u) => roles::grants_for(&tx, UserId(u.id)).await?,
        None => Vec::new(),
    };
    tx.commit().await?;
    let verified = verify_password(user.as_ref().map(|u| u.password_hash.clone()), password).await;

    let mut tx = state.db.tenant_tx(tenant_id, Access::Write).await?;
    let user = match (user, verified) {
        (Some(u), true) => u,
        (user, _) => {
            let event = NewAuditEvent::new(
                Actor::Anonymous,
                AuditAction::LoginFailed,
                "user",
                user.map(|u| u.id),
            )
            .with_detail(serde_json::json!({ "login": login.as_str() }));
            audit::record(&mut tx, meta, event).await?;
            tx.commit().await?;
            return Err(bad_credentials());
        }
    };
    let user_id = UserId(user.id);
    let refresh = sessions::issue(&tx, user_id, None, refresh_ttl(state)).await?;
    let event = NewAuditEvent::new(
        Actor::User(user.id),
        AuditAction::Login,
        "user",
        Some(user.id),
    )
    .with_detail(serde_json::json!({ "session": refresh.family_id }));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    sign_staff(
        state,
        user_id,
        tenant_id,
        grants,
        user.display_name,
        refresh,
    )
}

async fn login_platform_admin(
    state: &AppState,
    login: &str,
    password: String,
) -> ApiResult<Session> {
    let Ok(LoginName::Username(username)) = LoginName::parse(login) else {
        verify_password(None, password).await;
        return Err(bad_credentials());
    };
    let tx = state.db.platform_tx(Access::Read).await?;
    let admin = platform_admins::find_by_username(&tx, &username)
        .await?
        .filter(|a| a.status == "active");
    tx.commit().await?;
    if !verify_password(admin.as_ref().map(|a| a.password_hash.clone()), password).await {
        tracing::warn!(
            username = username.as_str(),
            "platform administrator login failed"
        );
        return Err(bad_credentials());
    }
    let Some(admin) = admin else {
        return Err(bad_credentials());
    };
    let tx = state.db.platform_tx(Access::Write).await?;
    let refresh = sessions::issue(&tx, UserId(admin.id), None, refresh_ttl(state)).await?;
    tx.commit().await?;
    tracing::info!(admin = %admin.id, "platform administrator logged in");
    sign(
        state,
        Principal::PlatformAdmin {
            id: UserId(admin.id),
        },
        admin.display_name,
        refresh,
    )
}

/// Exchange a refresh token for a new pair. The old token is spent; presenting it
/// again ends the whole session.
pub async fn refresh(state: &AppState, meta: &RequestMeta, token: &str) -> ApiResult<Session> {
    let scope = sessions::token_scope(token).ok_or_else(refresh_rejected)?;
    let ttl = refresh_ttl(state);
    let Some(tenant_id) = scope else {
        let tx = state.db.platform_tx(Access::Write).await?;
        let rotation = sessions::rotate(&tx, token, ttl).await?;
        let admin = match &rotation {
            Rotation::Rotated { user_id, .. } => platform_admins::find(&tx, *user_id)
                .await?
                .filter(|a| a.status == "active"),
            _ => None,
        };
        let revoked = match &rotation {
            Rotation::Reused { family_id, .. } => Some(
                state
                    .revocations
                    .record(&tx, RevocationKind::Session, *family_id)
                    .await?,
            ),
            _ => None,
        };
        tx.commit().await?;
        if let Some(r) = revoked {
            state.revocations.apply(r);
        }
        return match (rotation, admin) {
            (Rotation::Rotated { user_id, next }, Some(admin)) => sign(
                state,
                Principal::PlatformAdmin { id: user_id },
                admin.display_name,
                next,
            ),
            (Rotation::Rotated { .. }, None) => Err(refresh_rejected()),
            (Rotation::Reused { user_id, .. }, _) => {
                tracing::warn!(admin = %user_id, "platform refresh token reused: session revoked");
                Err(refresh_rejected())
            }
            (Rotation::Invalid, _) => Err(refresh_rejected()),
        };
    };
    let active = state
        .tenants
        .get(tenant_id)
        .await?
        .is_some_and(|t| t.status == TenantStatus::Active.as_str());
    if !active {
        return Err(ApiError::Unauthenticated(
            "The tenant of this account is suspended.".into(),
        ));
    }
    let mut tx = state.db.tenant_tx(tenant_id, Access::Write).await?;
    match sessions::rotate(&tx, token, ttl).await? {
        Rotation::Rotated { user_id, next } => {
            let user = users::find(&tx, user_id)
                .await?
                .filter(|u| u.status == users::STATUS_ACTIVE);
            let Some(user) = user else {
                return Err(refresh_rejected());
            };
            let grants = roles::grants_for(&tx, user_id).await?;
            let event = NewAuditEvent::new(
                Actor::User(user_id.0),
                AuditAction::TokenRefresh,
                "user",
                Some(user_id.0),
            )
            .with_detail(serde_json::json!({ "session": next.family_id }));
            audit::record(&mut tx, meta, event).await?;
            tx.commit().await?;
            sign_staff(state, user_id, tenant_id, grants, user.display_name, next)
        }
        Rotation::Reused { user_id, family_id } => {
            // Commit the revocation before answering: the error must not roll it back.
            // The session's access tokens die with it.
            let revoked = state
                .revocations
                .record(&tx, RevocationKind::Session, family_id)
                .await?;
            let event = NewAuditEvent::new(
                Actor::Anonymous,
                AuditAction::RefreshTokenReuse,
                "user",
                Some(user_id.0),
            )
            .with_detail(serde_json::json!({ "session": family_id }));
            audit::record(&mut tx, meta, event).await?;
            tx.commit().await?;
            state.revocations.apply(revoked);
            Err(ApiError::Unauthenticated(
                "This refresh token was already used, so the session has been ended for safety. Sign in again.".into(),
            ))
        }
        Rotation::Invalid => Err(refresh_rejected()),
    }
}

/// End the session a refresh token belongs to. Unknown tokens are ignored, so the
/// answer says nothing about whether a token existed.
pub async fn logout(state: &AppState, meta: &RequestMeta, token: &str) -> ApiResult<()> {
    match sessions::token_scope(token) {
        None => Ok(()),
        Some(None) => {
            let tx = state.db.platform_tx(Access::Write).await?;
            let mut revoked = None;
            if let Some((_, family)) = sessions::revoke_by_token(&tx, token).await? {
                let r = state
                    .revocations
                    .record(&tx, RevocationKind::Session, family);
                revoked = Some(r.await?);
            }
            tx.commit().await?;
            if let Some(r) = revoked {
                state.revocations.apply(r);
            }
            Ok(())
        }
        Some(Some(tenant_id)) => {
            if state.tenants.get(tenant_id).await?.is_none() {
                return Ok(());
            }
            let mut tx = state.db.tenant_tx(tenant_id, Access::Write).await?;
            let mut revoked = None;
            if let Some((user, family)) = sessions::revoke_by_token(&tx, token).await? {
                let r = state
                    .revocations
                    .record(&tx, RevocationKind::Session, family);
                revoked = Some(r.await?);
                let event = NewAuditEvent::new(
                    Actor::User(user.0),
                    AuditAction::Logout,
                    "user",
                    Some(user.0),
                )
                .with_detail(serde_json::json!({ "session": family }));
                audit::record(&mut tx, meta, event).await?;
            }
            tx.commit().await?;
            if let Some(r) = revoked {
                state.revocations.apply(r);
            }
            Ok(())
        }
    }
}

/// Change one's own password, proving the current one. Every session of the user is
/// ended, so a thief holding a refresh token is locked out too.
pub async fn change_password(
    state: &AppState,
    meta: &RequestMeta,
    principal: &Principal,
    current: String,
    new: NewPassword,
) -> ApiResult<()> {
    let account_key = format!("password-change:{}", principal.user_id());
    let address = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    let conn = state.db.ready_conn()?;
    state
        .login_lock
        .check(conn, &account_key, &address)
        .await?
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let wrong_current = || ApiError::validation("currentPassword", "is not correct");
    match principal {
        Principal::Staff { id, tenant, .. } => {
            let tx = state.db.tenant_tx(*tenant, Access::Read).await?;
            let user = users::find(&tx, *id)
                .await?
                .ok_or(ApiError::unauthenticated())?;
            tx.commit().await?;
            if !verify_password(Some(user.password_hash), current).await {
                state
                    .login_lock
                    .failed(conn, &account_key, &address)
                    .await?;
                return Err(wrong_current());
            }
            let hash = hash_password(&new).await?;
            let mut tx = state.db.tenant_tx(*tenant, Access::Write).await?;
            users::set_password_hash(&tx, *id, hash).await?;
            sessions::revoke_user(&tx, *id).await?;
            let revoked = state
                .revocations
                .record(&tx, RevocationKind::User, id.0)
                .await?;
            let event = NewAuditEvent::new(
                Actor::User(id.0),
                AuditAction::UserPasswordChange,
                "user",
                Some(id.0),
            );
            audit::record(&mut tx, meta, event).await?;
            tx.commit().await?;
            state.revocations.apply(revoked);
        }
        Principal::PlatformAdmin { id } => {
            let tx = state.db.platform_tx(Access::Read).await?;
            let admin = platform_admins::find(&tx, *id)
                .await?
                .ok_or(ApiError::unauthenticated())?;
            tx.commit().await?;
            if !verify_password(Some(admin.password_hash), current).await {
                state
                    .login_lock
                    .failed(conn, &account_key, &address)
                    .await?;
                return Err(wrong_current());
            }
            let hash = hash_password(&new).await?;
            let tx = state.db.platform_tx(Access::Write).await?;
            platform_admins::set_password_hash(&tx, *id, hash).await?;
            sessions::revoke_user(&tx, *id).await?;
            let revoked = state
                .revocations
                .record(&tx, RevocationKind::User, id.0)
                .await?;
            tx.commit().await?;
            state.revocations.apply(revoked);
        }
    }
    state.login_lock.succeeded(conn, &account_key).await?;
    Ok(())
}
