//! Short-lived access tokens: EdDSA-signed JWTs naming the user, their tenant and
//! roles. Only EdDSA with a known `kid` is accepted; `alg: none`, other algorithms,
//! unknown keys, wrong issuer or audience, and expired tokens are all rejected.

use super::keys::KeyRing;
use arogya_domain::access::Principal;
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::role::{Role, RoleGrant};
use jsonwebtoken::{decode, decode_header, encode, Algorithm, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "arogya";
pub const AUDIENCE: &str = "arogya-api";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimGrant {
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub sub: Uuid,
    /// The tenant; absent for platform administrators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tid: Option<Uuid>,
    pub roles: Vec<ClaimGrant>,
    /// The display name, so that `me` needs no database round trip. It is refreshed
    /// with every token, so a rename shows within one token lifetime.
    #[serde(default)]
    pub name: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    /// When it was issued, in milliseconds: a revocation made within the same second
    /// as a refresh must still tell the older token from the newer.
    #[serde(default)]
    pub iatms: i64,
    /// The session (refresh-token family) it belongs to, so logging out ends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Uuid>,
    pub exp: i64,
    pub jti: Uuid,
}

/// A verified token: who, and until when.
#[derive(Debug, Clone)]
pub struct VerifiedToken {
    pub principal: Principal,
    pub display_name: String,
    pub expires_at: i64,
    /// When it was issued (Unix milliseconds); 0 for tokens from before this claim.
    pub issued_at_ms: i64,
    pub session: Option<Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the access token is malformed or not signed by a known key")]
    Invalid,
    #[error("the access token has expired")]
    Expired,
}

/// Sign an access token for `principal` in `session`, valid for `ttl_secs`. Returns
/// the token and its expiry.
pub fn issue(
    keys: &KeyRing,
    principal: &Principal,
    session: Option<Uuid>,
    display_name: &str,
    ttl_secs: i64,
) -> anyhow::Result<(String, i64)> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    let now = now_ms.div_euclid(1000);
    let (tid, roles) = match principal {
        Principal::PlatformAdmin { .. } => (
            None,
            vec![ClaimGrant {
                role: Role::PlatformAdmin.as_str().into(),
                unit: None,
                facility: None,
            }],
        ),
        Principal::Staff { tenant, grants, .. } => (
            Some(tenant.0),
            grants
                .iter()
                .map(|g| ClaimGrant {
                    role: g.role.as_str().into(),
                    unit: g.unit().map(|u| u.0),
                    facility: g.facility().map(|f| f.0),
                })
                .collect(),
        ),
    };
    let claims = AccessClaims {
        sub: principal.user_id().0,
        tid,
        roles,
        name: display_name.to_owned(),
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        iat: now,
        iatms: now_ms,
        sid: session,
        exp: now + ttl_secs,
        jti: Uuid::now_v7(),
    };
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(keys.active_kid().to_owned());
    let token = encode(&header, &claims, keys.encoding_key())?;
    Ok((token, claims.exp))
}

/// Clock skew tolerated on expiry, in seconds.
pub const LEEWAY_SECS: i64 = 5;

pub fn verify(keys: &KeyRing, token: &str) -> Result<VerifiedToken, TokenError> {
    let header = decode_header(token).map_err(|_| TokenError::Invalid)?;
    if header.alg != Algorithm::EdDSA {
        return Err(TokenError::Invalid);
    }
    let key = header
        .kid
        .as_deref()
        .and_then(|kid| keys.decoding_key(kid))
        .ok_or(TokenError::Invalid)?;
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    validation.leeway = LEEWAY_SECS as u64;
    let data = decode::<AccessClaims>(token, key, &validation).map_err(|e| match e.kind() {
        jsonwebtoken::errors::ErrorKind::ExpiredSignature => TokenError::Expired,
        _ => TokenError::Invalid,
    })?;
    let claims = data.claims;
    let principal = match claims.tid {
        None => {
            if !claims
                .roles
                .iter()
                .any(|g| g.role == Role::PlatformAdmin.as_str())
            {
                return Err(TokenError::Invalid);
            }
            Principal::PlatformAdmin {
                id: UserId(claims.sub),
            }
        }
        Some(tid) => {
            let grants = claims
                .roles
                .iter()
                .map(|g| {
                    let role = Role::parse(&g.role).map_err(|_| TokenError::Invalid)?;
                    RoleGrant::new(role, g.unit.map(UnitId), g.facility.map(FacilityId))
                        .map_err(|_| TokenError::Invalid)
                })
                .collect::<Result<Vec<_>, _>>()?;
            Principal::Staff {
                id: UserId(claims.sub),
                tenant: TenantId(tid),
                grants,
            }
        }
    };
    Ok(VerifiedToken {
        principal,
        display_name: claims.name,
        expires_at: claims.exp,
        issued_at_ms: claims.iatms,
        session: claims.sid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::keys::generate_pem;

    fn ring() -> KeyRing {
        KeyRing::from_pems(&[generate_pem().unwrap()]).unwrap()
    }

    #[test]
    fn round_trip_and_foreign_key_rejected() {
        let keys = ring();
        let p = Principal::Staff {
            id: UserId::new(),
            tenant: TenantId::new(),
            grants: vec![RoleGrant::new(Role::Doctor, None, None).unwrap()],
        };
        let (token, _) = issue(&keys, &p, None, "Dr. অমিত", 60).unwrap();
        let verified = verify(&keys, &token).unwrap();
        assert_eq!(verified.principal, p);
        assert_eq!(verified.display_name, "Dr. অমিত");
        assert!(matches!(verify(&ring(), &token), Err(TokenError::Invalid)));
        let (expired, _) = issue(&keys, &p, None, "x", -60).unwrap();
        assert!(matches!(verify(&keys, &expired), Err(TokenError::Expired)));
    }
}
