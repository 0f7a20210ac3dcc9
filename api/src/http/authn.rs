//! Turning an `Authorization: Bearer …` header (or a WebSocket `connection_init`
//! payload) into an authenticated principal.

use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::tenant::TenantStatus;
use arogya_infra::auth::access_token::TokenError;

/// The outcome of authentication. A bad token does not fail the whole request:
/// `login` still works, and anything that needs a principal says UNAUTHENTICATED.
#[derive(Debug, Clone)]
pub enum Authn {
    Anonymous,
    Rejected(&'static str),
    /// The token could not be checked because the database is unreachable.
    Unavailable,
    /// A verified caller, the display name their token carries, and when it expires
    /// (Unix seconds).
    Authenticated {
        principal: Principal,
        display_name: String,
        expires_at: i64,
    },
}

impl Authn {
    pub fn principal(&self) -> Option<&Principal> {
        match self {
            Authn::Authenticated { principal, .. } => Some(principal),
            _ => None,
        }
    }
}

/// Verify a bearer token and check that its tenant is still active.
pub async fn authenticate(state: &AppState, header: Option<&str>) -> Authn {
    let Some(header) = header else {
        return Authn::Anonymous;
    };
    let Some(token) = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
    else {
        return Authn::Rejected("The Authorization header must be 'Bearer <access token>'.");
    };
    let now = chrono::Utc::now().timestamp();
    let verified = match state.verified_tokens.verify(&state.keys, token.trim(), now) {
        Ok(v) => v,
        Err(TokenError::Expired) => {
            return Authn::Rejected("The access token has expired: refresh it.")
        }
        Err(TokenError::Invalid) => return Authn::Rejected("The access token is not valid."),
    };
    // Logout, a disabled account, a revoked role, a new password or a suspended
    // tenant: refused here, from memory, on every instance.
    if state.revocations.refuses(&verified) {
        return Authn::Rejected(
            "This access token was withdrawn (signed out, or the account changed): refresh it or sign in again.",
        );
    }
    if let Some(tenant) = verified.principal.tenant() {
        match state.tenants.get(tenant).await {
            Ok(Some(t)) if t.status == TenantStatus::Active.as_str() => {}
            Ok(_) => return Authn::Rejected("The tenant of this account is suspended."),
            Err(e) => {
                tracing::warn!(error = %e, "tenant lookup during authentication");
                return Authn::Unavailable;
            }
        }
    }
    Authn::Authenticated {
        principal: verified.principal,
        display_name: verified.display_name,
        expires_at: verified.expires_at,
    }
}
