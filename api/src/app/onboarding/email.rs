//! The applicant proves their e-mail address with a code sent to it, before an
//! application can be submitted: the department writes to that address.
//!
//! Nothing here says whether an address belongs to someone else: when it does, the
//! answer is the same "code sent", and its real owner is told by e-mail instead.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::onboarding::OtpCode;
use arogya_domain::user::{Email, LoginName};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::email_verifications as codes;
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::users;
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;

/// Codes per account per hour, and guesses per code.
const MAX_SENDS_PER_HOUR: u64 = 5;
const ATTEMPTS: i16 = 5;

/// Where the applicant's address stands.
pub struct EmailStatus {
    pub email: Option<String>,
    pub verified: bool,
    /// When the newest code stops working, if one is waiting.
    pub code_expires_at: Option<DateTime<Utc>>,
}

fn applicant(principal: &Principal) -> ApiResult<(TenantId, UserId)> {
    match principal {
        Principal::Staff { id, tenant, .. } => Ok((*tenant, *id)),
        Principal::PlatformAdmin { .. } => Err(DomainError::Forbidden {
            message: "only an account of a tenant has an e-mail address to prove".into(),
        }
        .into()),
    }
}

/// Send a code to `email` for `user`, in an open transaction. When the address is
/// another account's, its owner gets a notice instead, and the caller cannot tell.
pub(super) async fn send_code(
    state: &AppState,
    tx: &TenantTx,
    user: UserId,
    email: &Email,
) -> ApiResult<DateTime<Utc>> {
    let ttl = Duration::seconds(state.config.otp_ttl_secs as i64);
    let owner = users::find_by_login(tx, &LoginName::Email(email.clone())).await?;
    if owner.as_ref().is_some_and(|o| o.id != user.0) {
        outbox::enqueue(
            tx,
            Channel::Email,
            email.as_str(),
            "Someone used your e-mail address on Arogya",
            "Someone signing up as a private hospital's applicant on Arogya gave this e-mail address, which belongs to your Arogya account. If it was you, sign in with your existing account instead. If not, you need do nothing: the address was not added to their account.",
        )
        .await?;
        // A waiting code like any other, whose hash matches no code at all: the caller
        // sees the same state as for a free address, and can never prove this one.
        let mut noise = [0u8; 32];
        rand::rngs::OsRng.fill(&mut noise);
        let unguessable: String = noise.iter().map(|b| format!("{b:02x}")).collect();
        let issued = codes::issue(tx, user, email.as_str(), ttl, ATTEMPTS, |_| unguessable).await?;
        return Ok(issued.expires_at);
    }
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32));
    let tenant = tx.tenant();
    let issued = codes::issue(tx, user, email.as_str(), ttl, ATTEMPTS, |id| {
        state.pii.otp_hash(tenant, id, &code)
    })
    .await?;
    let minutes = (ttl.num_seconds() / 60).max(1);
    outbox::enqueue(
        tx,
        Channel::Email,
        email.as_str(),
        "Your Arogya e-mail code",
        &format!(
            "Your Arogya e-mail code is {code}. It expires in {minutes} minutes. Never share it."
        ),
    )
    .await?;
    Ok(issued.expires_at)
}

/// Send a (new) code to `email`, or to the address on the account.
pub async fn request_code(
    state: &AppState,
    meta: &RequestMeta,
    principal: &Principal,
    email: Option<Email>,
) -> ApiResult<EmailStatus> {
    let (tenant, user_id) = applicant(principal)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let user = users::find(&tx, user_id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    let email = match email.or_else(|| user.email.as_deref().and_then(|e| Email::parse(e).ok())) {
        Some(e) => e,
        None => {
            return Err(ApiError::validation(
                "email",
                "give the e-mail address to prove",
            ))
        }
    };
    if codes::sent_since(&tx, user_id, Utc::now() - Duration::hours(1)).await? >= MAX_SENDS_PER_HOUR
    {
        return Err(ApiError::RateLimited {
            retry_after_secs: 3600,
        });
    }
    let expires = send_code(state, &tx, user_id, &email).await?;
    audit::record(
        &mut tx,
        meta,
        NewAuditEvent::new(
            Actor::User(user_id.0),
            AuditAction::EmailCodeSend,
            "user",
            Some(user_id.0),
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(EmailStatus {
        email: Some(email.as_str().to_owned()),
        verified: false,
        code_expires_at: Some(expires),
    })
}

/// The code from the e-mail: the address is proved, and becomes the account's.
pub async fn verify(
    state: &AppState,
    meta: &RequestMeta,
    principal: &Principal,
    code: OtpCode,
) -> ApiResult<EmailStatus> {
    let (tenant, user_id) = applicant(principal)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let wrong = |m: &str| ApiError::validation("code", m.to_owned());
    let live = codes::latest(&tx, user_id)
        .await?
        .filter(|c| c.verified_at.is_none() && c.expires_at > Utc::now() && c.attempts_left > 0)
        .ok_or_else(|| wrong("the code has expired or was used up: ask for a new one"))?;
    if !state
        .pii
        .otp_matches(tenant, live.id, code.as_str(), &live.code_hash)
    {
        let left = codes::wrong_guess(&tx, &live).await?;
        tx.commit().await?;
        return Err(wrong(&if left > 0 {
            format!("the code is not right: {left} more tries")
        } else {
            "the code is not right, and it is now used up: ask for a new one".into()
        }));
    }
    codes::mark_verified(&tx, &live).await?;
    let email = Email::parse(&live.email)?;
    users::set_verified_email(&tx, user_id, &email).await?;
    audit::record(
        &mut tx,
        meta,
        NewAuditEvent::new(
            Actor::User(user_id.0),
            AuditAction::EmailVerify,
            "user",
            Some(user_id.0),
        )
        .with_detail(serde_json::json!({ "email": email.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(EmailStatus {
        email: Some(email.as_str().to_owned()),
        verified: true,
        code_expires_at: None,
    })
}

/// Where the caller's address stands.
pub async fn status(state: &AppState, principal: &Principal) -> ApiResult<EmailStatus> {
    let (tenant, user_id) = applicant(principal)?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let user = users::find(&tx, user_id)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    let verified = match &user.email {
        Some(e) => codes::is_verified(&tx, user_id, e).await?,
        None => false,
    };
    let pending = codes::latest(&tx, user_id)
        .await?
        .filter(|c| c.verified_at.is_none() && c.expires_at > Utc::now());
    tx.commit().await?;
    Ok(EmailStatus {
        email: user
            .email
            .or_else(|| pending.as_ref().map(|c| c.email.clone())),
        verified,
        code_expires_at: pending.map(|c| c.expires_at),
    })
}

/// An application is submitted only by an applicant whose address is proved.
pub(super) async fn ensure_verified(tx: &TenantTx, user: UserId) -> ApiResult<()> {
    let user_row = users::find(tx, user)
        .await?
        .ok_or(DomainError::NotFound { entity: "user" })?;
    let proved = match &user_row.email {
        Some(e) => codes::is_verified(tx, user, e).await?,
        None => false,
    };
    if proved {
        Ok(())
    } else {
        Err(ApiError::validation(
            "email",
            "prove your e-mail address first: enter the code sent to it",
        ))
    }
}
