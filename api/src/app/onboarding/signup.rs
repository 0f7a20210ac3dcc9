//! Signing up: who is applying, the code to their phone, and the applicant account.

use crate::app::session::{self, Session};
use crate::app::NewAccount;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::onboarding::{OtpCode, OtpPolicy};
use arogya_domain::patient::identifiers::MobileNumber;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::{TenantCode, TenantStatus};
use arogya_domain::user::{DisplayName, Email, LoginName, NewPassword, Username};
use arogya_domain::DomainError;
use arogya_infra::auth::password::hash_password;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::signups::{self, SignupRecord};
use arogya_infra::repos::{tenants, users};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use uuid::Uuid;

fn policy(state: &AppState) -> OtpPolicy {
    OtpPolicy {
        ttl_secs: state.config.otp_ttl_secs as i64,
        ..OtpPolicy::default()
    }
}

fn signup_not_found() -> ApiError {
    DomainError::NotFound { entity: "sign-up" }.into()
}

/// What the applicant is told after asking for a code.
pub struct CodeSent {
    pub signup_id: Uuid,
    pub expires_at: DateTime<Utc>,
    /// Sends left in the current window.
    pub sends_left: u64,
}

async fn active_tenant(state: &AppState, code: &str) -> ApiResult<TenantId> {
    let code = TenantCode::parse(code).map_err(|_| DomainError::NotFound { entity: "tenant" })?;
    let tenant = tenants::find_by_code(state.db.ready_conn()?, &code)
        .await?
        .filter(|t| t.status == TenantStatus::Active.as_str())
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    Ok(TenantId(tenant.id))
}

/// The applicant's sign-in name: their mobile number's ten digits, so they can sign
/// in with the phone they proved (or their e-mail address).
fn applicant_username(phone: &str) -> ApiResult<Username> {
    Ok(Username::parse(phone.trim_start_matches("+91"))?)
}

/// Send a new code for `signup`, within the limits: so many per phone per window
/// (counted in the database, so every replica sees them), and per client address.
async fn send_code(
    state: &AppState,
    tx: &mut TenantTx,
    meta: &RequestMeta,
    signup: &SignupRecord,
) -> ApiResult<CodeSent> {
    let p = policy(state);
    let address = meta.client_addr.clone().unwrap_or_else(|| "-".into());
    let address_key = format!("otp-send:{address}");
    state
        .signup_throttle
        .check(&address_key, &address)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let since = Utc::now() - Duration::seconds(p.window_secs);
    let sent = signups::codes_sent_since(tx, &signup.phone, since).await?;
    if sent >= p.max_sends {
        let oldest = signups::oldest_code_since(tx, &signup.phone, since).await?;
        let free_at = oldest
            .map(|c| c.created_at + Duration::seconds(p.window_secs))
            .unwrap_or_else(Utc::now);
        let retry = (free_at - Utc::now()).num_seconds().max(1) as u64;
        return Err(ApiError::RateLimited {
            retry_after_secs: retry,
        });
    }
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32));
    let hash = state.pii.otp_hash(tx.tenant(), signup.id, &code);
    let issued = signups::issue_code(tx, signup, hash, Duration::seconds(p.ttl_secs)).await?;
    let minutes = (p.ttl_secs / 60).max(1);
    outbox::enqueue(
        tx,
        Channel::Sms,
        &signup.phone,
        "Arogya sign-up code",
        &format!(
            "Your Arogya code is {code}. It expires in {minutes} minutes. Never share it: Arogya staff will not ask for it."
        ),
    )
    .await?;
    state.signup_throttle.record_failure(&address_key, &address);
    Ok(CodeSent {
        signup_id: signup.id,
        expires_at: issued.expires_at,
        sends_left: p.max_sends - sent - 1,
    })
}

/// Step one: who is applying. A code goes to the phone.
pub async fn start_signup(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    name: DisplayName,
    phone: MobileNumber,
    email: Email,
) -> ApiResult<CodeSent> {
    let tenant = active_tenant(state, tenant_code).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let signup = signups::insert(&tx, name.as_str(), phone.as_str(), email.as_str()).await?;
    let sent = send_code(state, &mut tx, meta, &signup).await?;
    let event = NewAuditEvent::new(
        Actor::Anonymous,
        AuditAction::SignupStart,
        "hospital_signup",
        Some(signup.id),
    )
    .with_detail(serde_json::json!({ "email": signup.email }));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(sent)
}

/// Another code for a sign-up not yet verified (the earlier one stops working).
pub async fn resend_code(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    signup: Uuid,
) -> ApiResult<CodeSent> {
    let tenant = active_tenant(state, tenant_code).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let signup = signups::find(&tx, signup)
        .await?
        .filter(|s| s.status == signups::PENDING)
        .ok_or_else(signup_not_found)?;
    let sent = send_code(state, &mut tx, meta, &signup).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(sent)
}

/// Step two: the code from the phone and a password. Makes the applicant account and
/// signs it in.
pub async fn verify_signup(
    state: &AppState,
    meta: &RequestMeta,
    tenant_code: &str,
    signup_id: Uuid,
    code: OtpCode,
    password: NewPassword,
) -> ApiResult<Session> {
    let tenant = active_tenant(state, tenant_code).await?;
    let p = policy(state);
    // Hash before taking the write transaction: argon2 takes tens of milliseconds.
    let password_hash = hash_password(&password).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let signup = signups::find(&tx, signup_id)
        .await?
        .ok_or_else(signup_not_found)?;
    if signup.status != signups::PENDING {
        return Err(ApiError::validation(
            "signupId",
            "this sign-up is verified already: sign in",
        ));
    }
    let live = signups::live_code(&tx, signup.id)
        .await?
        .filter(|c| c.expires_at > Utc::now())
        .ok_or_else(|| {
            ApiError::validation(
                "code",
                "the code has expired or was used up: ask for a new one",
            )
        })?;
    if !state
        .pii
        .otp_matches(tenant, signup.id, code.as_str(), &live.code_hash)
    {
        let left = signups::record_wrong_guess(&tx, &live, p.max_attempts).await?;
        tx.commit().await?;
        return Err(ApiError::validation(
            "code",
            if left > 0 {
                format!("the code is not right: {left} more tries")
            } else {
                "the code is not right, and it is now used up: ask for a new one".into()
            },
        ));
    }
    if !signups::consume(&tx, &live).await? {
        return Err(ApiError::validation(
            "code",
            "the code was used already: ask for a new one",
        ));
    }
    let username = applicant_username(&signup.phone)?;
    // The address is not proved yet. If it is another account's, the new account is
    // made without it and its owner is told (by `send_code`); the answer is the same
    // either way, so sign-up never says whether an address has an account.
    let email = Email::parse(&signup.email)?;
    let taken = users::find_by_login(&tx, &LoginName::Email(email.clone()))
        .await?
        .is_some();
    let account = NewAccount {
        username: username.clone(),
        display_name: DisplayName::parse(&signup.name)?,
        email: (!taken).then(|| email.clone()),
        password,
        grants: vec![RoleGrant::new(Role::HospitalApplicant, None, None)?],
    };
    let user = match crate::app::users::insert_account(
        &mut tx,
        Actor::Anonymous,
        meta,
        &account,
        password_hash,
    )
    .await
    {
        Ok(u) => u,
        // The phone was just proved by its code: its owner may hear it has an account.
        Err(ApiError::Conflict(_)) | Err(ApiError::Validation { .. }) => {
            return Err(ApiError::Conflict(
                "an account already exists for this phone number: sign in instead".into(),
            ))
        }
        Err(e) => return Err(e),
    };
    super::email::send_code(state, &tx, UserId(user.id), &email).await?;
    signups::mark_verified(&tx, signup.id, user.id).await?;
    let event = NewAuditEvent::new(
        Actor::User(user.id),
        AuditAction::SignupVerify,
        "hospital_signup",
        Some(signup.id),
    );
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    let raw_password = account.password.expose().to_owned();
    session::login(
        state,
        meta,
        Some(tenant_code),
        username.as_str(),
        raw_password,
    )
    .await
}
