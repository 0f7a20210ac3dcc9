//! Refresh tokens: opaque, stored only as SHA-256, rotated on every use. A token
//! presented twice means it was stolen or replayed, so its whole family (the login
//! session) is revoked.
//!
//! A token reads `rt.<scope>.<secret>`: the scope (a tenant id, or `p` for platform
//! administrators) says which transaction to open so that row-level security can
//! find the row; the 256-bit secret is what makes it unguessable.

use super::ScopedConn;
use crate::db::InfraResult;
use crate::entities::refresh_token::{self, Column, Entity};
use crate::secret::Secret;
use arogya_domain::ids::{TenantId, UserId};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub struct IssuedRefreshToken {
    pub token: Secret<String>,
    pub family_id: Uuid,
    pub expires_at: DateTime<Utc>,
}

pub enum Rotation {
    Rotated {
        user_id: UserId,
        next: IssuedRefreshToken,
    },
    /// An already used token came back: the family is now revoked.
    Reused { user_id: UserId, family_id: Uuid },
    /// Unknown, expired or revoked.
    Invalid,
}

/// Which scope a presented token belongs to: `Some(None)` for a platform session,
/// `None` when the token is malformed.
pub fn token_scope(token: &str) -> Option<Option<TenantId>> {
    let mut parts = token.splitn(3, '.');
    if parts.next()? != "rt" {
        return None;
    }
    let scope = parts.next()?;
    parts.next().filter(|s| s.len() >= 40)?;
    if scope == "p" {
        Some(None)
    } else {
        Uuid::try_parse(scope).ok().map(|u| Some(TenantId(u)))
    }
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn scope_filter<S: ScopedConn>(s: &S) -> SimpleExpr {
    match s.scope_tenant() {
        Some(t) => Column::TenantId.eq(t.0),
        None => Column::TenantId.is_null(),
    }
}

pub async fn issue<S: ScopedConn>(
    s: &S,
    user: UserId,
    family: Option<Uuid>,
    ttl: Duration,
) -> InfraResult<IssuedRefreshToken> {
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let scope = s
        .scope_tenant()
        .map(|t| t.0.simple().to_string())
        .unwrap_or_else(|| "p".to_owned());
    let token = format!(
        "rt.{scope}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret)
    );
    let now = Utc::now();
    let family_id = family.unwrap_or_else(Uuid::now_v7);
    let expires_at = now + ttl;
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(s.scope_tenant().map(|t| t.0)),
        user_id: Set(user.0),
        family_id: Set(family_id),
        token_hash: Set(hash(&token)),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(s.db())
    .await?;
    Ok(IssuedRefreshToken {
        token: Secret::new(token),
        family_id,
        expires_at,
    })
}

pub async fn rotate<S: ScopedConn>(s: &S, presented: &str, ttl: Duration) -> InfraResult<Rotation> {
    let Some(row) = Entity::find()
        .filter(scope_filter(s))
        .filter(Column::TokenHash.eq(hash(presented)))
        .one(s.db())
        .await?
    else {
        return Ok(Rotation::Invalid);
    };
    let now = Utc::now();
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Ok(Rotation::Invalid);
    }
    let reused = || async {
        revoke_family(s, row.family_id).await?;
        Ok(Rotation::Reused {
            user_id: UserId(row.user_id),
            family_id: row.family_id,
        })
    };
    if row.used_at.is_some() {
        return reused().await;
    }
    // Claim the token; if a concurrent request claimed it first, that is a reuse too.
    let claimed = Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(row.id))
        .filter(Column::UsedAt.is_null())
        .exec(s.db())
        .await?
        .rows_affected;
    if claimed == 0 {
        return reused().await;
    }
    let next = issue(s, UserId(row.user_id), Some(row.family_id), ttl).await?;
    Ok(Rotation::Rotated {
        user_id: UserId(row.user_id),
        next,
    })
}

pub async fn revoke_family<S: ScopedConn>(s: &S, family: Uuid) -> InfraResult<()> {
    let now = Utc::now();
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(scope_filter(s))
        .filter(Column::FamilyId.eq(family))
        .filter(Column::RevokedAt.is_null())
        .exec(s.db())
        .await?;
    Ok(())
}

/// Revoke the session a token belongs to (logout). Returns its user, if the token was known.
pub async fn revoke_by_token<S: ScopedConn>(
    s: &S,
    presented: &str,
) -> InfraResult<Option<(UserId, Uuid)>> {
    let row = Entity::find()
        .filter(scope_filter(s))
        .filter(Column::TokenHash.eq(hash(presented)))
        .one(s.db())
        .await?;
    match row {
        Some(row) => {
            revoke_family(s, row.family_id).await?;
            Ok(Some((UserId(row.user_id), row.family_id)))
        }
        None => Ok(None),
    }
}

/// Revoke every session of a user, e.g. after a password reset.
pub async fn revoke_user<S: ScopedConn>(s: &S, user: UserId) -> InfraResult<()> {
    let now = Utc::now();
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(scope_filter(s))
        .filter(Column::UserId.eq(user.0))
        .filter(Column::RevokedAt.is_null())
        .exec(s.db())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_scope_parses_only_well_formed_tokens() {
        let t = TenantId::new();
        let tok = format!("rt.{}.{}", t.0.simple(), "x".repeat(43));
        assert_eq!(token_scope(&tok), Some(Some(t)));
        assert_eq!(token_scope(&format!("rt.p.{}", "x".repeat(43))), Some(None));
        assert_eq!(token_scope("rt.p.short"), None);
        assert_eq!(token_scope("garbage"), None);
        assert_eq!(
            token_scope(&format!("rt.not-a-uuid.{}", "x".repeat(43))),
            None
        );
    }
}
