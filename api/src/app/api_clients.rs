//! Machine clients (OAuth 2.0 `client_credentials`): a tenant administrator creates a
//! client with a name and scopes (grants of machine roles, each within what the
//! administrator may grant), and gets its secret once; rotating gives a new secret and
//! ends the tokens of the old one; revoking ends the client. A client exchanges its id
//! and secret for a short-lived access token and then calls the API like the staff
//! member its scopes describe, audited under its own name.

use super::NewAccount;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::api_client::{machine_grants, ClientId};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::role::RoleGrant;
use arogya_domain::tenant::TenantStatus;
use arogya_domain::user::{DisplayName, NewPassword, Username};
use arogya_domain::DomainError;
use arogya_infra::auth::access_token;
use arogya_infra::auth::password::{hash_password, verify_password};
use arogya_infra::auth::revocations::RevocationKind;
use arogya_infra::db::Access;
use arogya_infra::repos::api_clients::{self as repo, ApiClientRecord};
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::{roles, tenants, users};
use base64::Engine;
use rand::RngCore;
use uuid::Uuid;

/// A client as its administrator sees it.
pub struct ClientView {
    pub record: ApiClientRecord,
    pub client_id: String,
    pub scopes: Vec<RoleGrant>,
    pub active: bool,
}

/// A client with its new secret, shown this once.
pub struct Issued {
    pub client: ClientView,
    pub secret: String,
}

/// What a client gets for its id and secret.
pub struct ClientToken {
    pub access_token: String,
    pub expires_in: i64,
    pub scopes: Vec<RoleGrant>,
}

/// The account's password hash: not a PHC string, so no password ever verifies.
const NO_PASSWORD: &str = "!machine-client";

/// 32 random bytes, base64url: 43 characters.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

async fn hash_secret(secret: &str) -> ApiResult<String> {
    let as_password = NewPassword::parse(secret, "clientSecret", None)?;
    Ok(hash_password(&as_password).await?)
}

fn view(code: &str, record: ApiClientRecord, scopes: Vec<RoleGrant>) -> ClientView {
    let active = record.revoked_at.is_none() && record.account_status == users::STATUS_ACTIVE;
    ClientView {
        client_id: ClientId::format(code, record.id),
        record,
        scopes,
        active,
    }
}

/// One client with its scopes.
async fn view_one(
    tx: &arogya_infra::TenantTx,
    code: &str,
    record: ApiClientRecord,
) -> ApiResult<ClientView> {
    let scopes = roles::grants_for(tx, UserId(record.id)).await?;
    Ok(view(code, record, scopes))
}

async fn tenant_code(state: &AppState, tenant: TenantId) -> ApiResult<String> {
    Ok(state
        .tenants
        .get(tenant)
        .await?
        .ok_or(DomainError::NotFound { entity: "tenant" })?
        .code)
}

fn not_found() -> ApiError {
    DomainError::NotFound {
        entity: "API client",
    }
    .into()
}

/// Create a client: its account (scopes as role grants) and its secret's hash.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    meta: &RequestMeta,
    tenant: TenantId,
    name: DisplayName,
    scopes: Vec<RoleGrant>,
) -> ApiResult<Issued> {
    machine_grants(&scopes)?;
    ensure_manages(principal, tenant, &scopes)?;
    let code = tenant_code(state, tenant).await?;
    let secret = new_secret();
    let hash = hash_secret(&secret).await?;
    let username = Username::parse(&format!(
        "client-{}",
        &Uuid::new_v4().simple().to_string()[..16]
    ))?;
    let account = NewAccount {
        password: NewPassword::parse(&secret, "clientSecret", Some(&username))?,
        username,
        display_name: name,
        email: None,
        grants: scopes,
    };
    let actor = Actor::from(principal);
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let user =
        super::users::insert_account(&mut tx, actor, meta, &account, NO_PASSWORD.into()).await?;
    repo::insert(&tx, user.id, hash, principal.user_id().0).await?;
    let event = NewAuditEvent::new(
        actor,
        AuditAction::ApiClientChange,
        "api_client",
        Some(user.id),
    )
    .with_detail(serde_json::json!({ "change": "create", "name": user.display_name }));
    audit::record(&mut tx, meta, event).await?;
    let record = repo::find(&tx, user.id).await?.ok_or_else(not_found)?;
    let client = view_one(&tx, &code, record).await?;
    tx.commit().await?;
    Ok(Issued { client, secret })
}

/// The administrator may manage a client whose every scope they could grant.
fn ensure_manages(principal: &Principal, tenant: TenantId, scopes: &[RoleGrant]) -> ApiResult<()> {
    for g in scopes {
        principal.require_can_grant(tenant, g)?;
    }
    Ok(())
}

pub async fn list(
    state: &AppState,
    principal: &Principal,
    tenant: TenantId,
) -> ApiResult<Vec<ClientView>> {
    let code = tenant_code(state, tenant).await?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    // Two queries whatever the number of clients: the clients, then all their scopes.
    let records = repo::list(&tx).await?;
    let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    let mut scopes = roles::grants_for_many(&tx, &ids).await?;
    tx.commit().await?;
    Ok(records
        .into_iter()
        .map(|r| {
            let s = scopes.remove(&r.id).unwrap_or_default();
            view(&code, r, s)
        })
        .filter(|v| ensure_manages(principal, tenant, &v.scopes).is_ok())
        .collect())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Rotate,
    Revoke,
}

/// Rotate a client's secret (the old one and its tokens stop working now) or revoke
/// the client (its account is disabled, its tokens stop working).
pub async fn change(
    state: &AppState,
    principal: &Principal,
    meta: &RequestMeta,
    tenant: TenantId,
    id: Uuid,
    change: Change,
) -> ApiResult<Issued> {
    let code = tenant_code(state, tenant).await?;
    let secret = new_secret();
    let hash = match change {
        Change::Rotate => Some(hash_secret(&secret).await?),
        Change::Revoke => None,
    };
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let record = repo::find(&tx, id).await?.ok_or_else(not_found)?;
    ensure_manages(
        principal,
        tenant,
        &roles::grants_for(&tx, UserId(id)).await?,
    )
    .map_err(|_| not_found())?;
    let done = match hash {
        Some(h) => repo::rotate(&tx, id, h).await?,
        None => {
            let user = users::find(&tx, UserId(id)).await?.ok_or_else(not_found)?;
            users::update_profile(
                &tx,
                UserId(id),
                user.version,
                users::ProfileChange {
                    display_name: None,
                    email: None,
                    status: Some(users::STATUS_DISABLED),
                },
            )
            .await?;
            repo::revoke(&tx, id).await?
        }
    };
    if !done {
        return Err(ApiError::Conflict(format!(
            "the client \"{}\" is revoked",
            record.name
        )));
    }
    let revoked = state
        .revocations
        .record(&tx, RevocationKind::User, id)
        .await?;
    let word = if change == Change::Rotate {
        "rotate"
    } else {
        "revoke"
    };
    let event = NewAuditEvent::new(
        Actor::from(principal),
        AuditAction::ApiClientChange,
        "api_client",
        Some(id),
    )
    .with_detail(serde_json::json!({ "change": word }));
    audit::record(&mut tx, meta, event).await?;
    let record = repo::find(&tx, id).await?.ok_or_else(not_found)?;
    let client = view_one(&tx, &code, record).await?;
    tx.commit().await?;
    state.revocations.apply(revoked);
    Ok(Issued {
        client,
        secret: if change == Change::Rotate {
            secret
        } else {
            String::new()
        },
    })
}

/// Refused: the same answer whatever was wrong (unknown client, wrong secret, revoked).
fn invalid_client() -> ApiError {
    ApiError::Unauthenticated("The client id or secret is not valid.".into())
}

/// Exchange a client's id and secret for an access token. Failures are counted per
/// client and per address, as sign-ins are.
pub async fn token(
    state: &AppState,
    meta: &RequestMeta,
    client_id: &str,
    secret: String,
) -> ApiResult<ClientToken> {
    let address = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    let account = format!("client:{}", client_id.trim().to_ascii_lowercase());
    let conn = state.db.ready_conn()?;
    state
        .login_lock
        .check(conn, &account, &address)
        .await?
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let result = exchange(state, meta, client_id, secret).await;
    match &result {
        Ok(_) => state.login_lock.succeeded(conn, &account).await?,
        Err(ApiError::Unauthenticated(_)) => {
            state.login_lock.failed(conn, &account, &address).await?
        }
        Err(_) => {}
    }
    result
}

async fn exchange(
    state: &AppState,
    meta: &RequestMeta,
    client_id: &str,
    secret: String,
) -> ApiResult<ClientToken> {
    let Some(id) = ClientId::parse(client_id) else {
        verify_password(None, secret).await;
        return Err(invalid_client());
    };
    let tenant = tenants::find_by_code(state.db.ready_conn()?, &id.tenant)
        .await?
        .filter(|t| t.status == TenantStatus::Active.as_str());
    let Some(tenant) = tenant else {
        verify_password(None, secret).await;
        return Err(invalid_client());
    };
    let tenant_id = TenantId(tenant.id);
    let tx = state.db.tenant_tx(tenant_id, Access::Read).await?;
    // Not revoked, and its account not disabled by an administrator.
    let client = repo::find(&tx, id.id)
        .await?
        .filter(|c| c.revoked_at.is_none() && c.account_status == users::STATUS_ACTIVE);
    let scopes = roles::grants_for(&tx, UserId(id.id)).await?;
    tx.commit().await?;
    // Verified outside any transaction: argon2 takes tens of milliseconds.
    let verified = verify_password(client.as_ref().map(|c| c.secret_hash.clone()), secret).await;
    let mut tx = state.db.tenant_tx(tenant_id, Access::Write).await?;
    let (Some(client), true) = (client, verified) else {
        let event = NewAuditEvent::new(
            Actor::Anonymous,
            AuditAction::LoginFailed,
            "api_client",
            Some(id.id),
        )
        .with_detail(serde_json::json!({ "clientId": client_id }));
        audit::record(&mut tx, meta, event).await?;
        tx.commit().await?;
        return Err(invalid_client());
    };
    let event = NewAuditEvent::new(
        Actor::User(client.id),
        AuditAction::ClientToken,
        "api_client",
        Some(client.id),
    );
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    let principal = Principal::Staff {
        id: UserId(client.id),
        tenant: tenant_id,
        grants: scopes.clone(),
    };
    let ttl = state.config.access_token_ttl_secs;
    let (access_token, _) = access_token::issue(&state.keys, &principal, None, &client.name, ttl)?;
    Ok(ClientToken {
        access_token,
        expires_in: ttl,
        scopes,
    })
}

/// A machine client's account has no password to reset: its secret is rotated.
pub async fn refuse_password_reset(tx: &arogya_infra::TenantTx, id: UserId) -> ApiResult<()> {
    if repo::is_client(tx, id.0).await? {
        return Err(ApiError::validation(
            "id",
            "this account is a machine client's: rotate its secret instead of setting a password",
        ));
    }
    Ok(())
}
