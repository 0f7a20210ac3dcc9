//! Revoked access tokens, checked on every request without a database round trip.
//!
//! A revocation names a session, a user or a tenant and an instant: that subject's
//! tokens issued before the instant are refused. It is written as a row (so an
//! instance starting later, or reconnecting, learns of it) and, on PostgreSQL,
//! announced with `pg_notify` in the same transaction, so every instance hears of it
//! the moment it commits. Each instance keeps the live revocations in memory; a row
//! outlives the longest access token by a margin and is then purged.

use crate::db::InfraResult;
use crate::repos::ScopedConn;
use crate::{Backend, Db};
use arogya_domain::access::Principal;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use uuid::Uuid;

use super::access_token::{VerifiedToken, LEEWAY_SECS};

/// The PostgreSQL channel revocations travel on.
pub const CHANNEL: &str = "arogya_revocations";
const TABLE: &str = "token_revocations";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RevocationKind {
    /// One session (refresh-token family): logout, a reused refresh token.
    Session,
    /// Every token of one account: disabled, a role revoked, a new password.
    User,
    /// Every token of one tenant: suspended.
    Tenant,
}

impl RevocationKind {
    fn as_str(self) -> &'static str {
        match self {
            RevocationKind::Session => "session",
            RevocationKind::User => "user",
            RevocationKind::Tenant => "tenant",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "session" => Some(RevocationKind::Session),
            "user" => Some(RevocationKind::User),
            "tenant" => Some(RevocationKind::Tenant),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub kind: RevocationKind,
    pub subject: Uuid,
    pub not_before_ms: i64,
    pub expires_at_ms: i64,
}

#[derive(FromQueryResult)]
struct Row {
    kind: String,
    subject: Uuid,
    not_before_ms: i64,
    expires_at_ms: i64,
}

/// Told of a tenant's revocation (to drop cached state about it).
type TenantListener = Box<dyn Fn(Uuid) + Send + Sync>;

pub struct Revocations {
    backend: Backend,
    /// How long a revocation must be remembered: the access-token lifetime plus leeway.
    keep_ms: i64,
    live: RwLock<HashMap<(RevocationKind, Uuid), Revocation>>,
    /// Told of tenant revocations, so cached tenant state is dropped everywhere.
    on_tenant: RwLock<Vec<TenantListener>>,
}

impl Revocations {
    pub fn new(backend: Backend, access_token_ttl_secs: i64) -> Self {
        Self {
            backend,
            keep_ms: (access_token_ttl_secs + LEEWAY_SECS + 60) * 1000,
            live: RwLock::new(HashMap::new()),
            on_tenant: RwLock::new(Vec::new()),
        }
    }

    /// Call `f` with the tenant of every tenant revocation heard, from any instance.
    pub fn on_tenant_revoked(&self, f: impl Fn(Uuid) + Send + Sync + 'static) {
        self.on_tenant
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .push(Box::new(f));
    }

    /// Write a revocation as part of the open transaction (announced at its commit on
    /// PostgreSQL). Call [`Revocations::apply`] with the result after the commit.
    pub async fn record<S: ScopedConn>(
        &self,
        tx: &S,
        kind: RevocationKind,
        subject: Uuid,
    ) -> InfraResult<Revocation> {
        let conn = tx.db();
        let now = chrono::Utc::now().timestamp_millis();
        let r = Revocation {
            kind,
            subject,
            // A token issued in this very millisecond is as old as the revocation.
            not_before_ms: now + 1,
            expires_at_ms: now + self.keep_ms,
        };
        let insert = Query::insert()
            .into_table(Alias::new(TABLE))
            .columns(["id", "kind", "subject", "not_before_ms", "expires_at_ms"].map(Alias::new))
            .values_panic([
                Uuid::now_v7().into(),
                kind.as_str().into(),
                subject.into(),
                r.not_before_ms.into(),
                r.expires_at_ms.into(),
            ])
            .to_owned();
        conn.execute_raw(conn.get_database_backend().build(&insert))
            .await?;
        if self.backend == Backend::Postgres {
            let payload = serde_json::to_string(&r).map_err(anyhow::Error::from)?;
            conn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            ))
            .await?;
        }
        Ok(r)
    }

    /// Hold `r` in memory (after its commit here, or when heard from another instance).
    pub fn apply(&self, r: Revocation) {
        {
            let mut live = self.live.write().unwrap_or_else(|p| p.into_inner());
            let entry = live.entry((r.kind, r.subject)).or_insert(r);
            if r.not_before_ms >= entry.not_before_ms {
                *entry = r;
            }
        }
        if r.kind == RevocationKind::Tenant {
            for f in self
                .on_tenant
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .iter()
            {
                f(r.subject);
            }
        }
    }

    /// Is this verified token refused by a revocation? Memory only.
    pub fn refuses(&self, token: &VerifiedToken) -> bool {
        let live = self.live.read().unwrap_or_else(|p| p.into_inner());
        if live.is_empty() {
            return false;
        }
        let issued = token.issued_at_ms;
        let hit = |kind, subject: Uuid| {
            live.get(&(kind, subject))
                .is_some_and(|r| issued < r.not_before_ms)
        };
        token
            .session
            .is_some_and(|s| hit(RevocationKind::Session, s))
            || hit(RevocationKind::User, token.principal.user_id().0)
            || match &token.principal {
                Principal::Staff { tenant, .. } => hit(RevocationKind::Tenant, tenant.0),
                Principal::PlatformAdmin { .. } => false,
            }
    }

    /// Read every live revocation from the database (at start-up and after the
    /// listener reconnects, so none made meanwhile is missed) and forget expired ones.
    pub async fn load(&self, conn: &impl ConnectionTrait) -> InfraResult<usize> {
        let now = chrono::Utc::now().timestamp_millis();
        let select = Query::select()
            .columns(["kind", "subject", "not_before_ms", "expires_at_ms"].map(Alias::new))
            .from(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("expires_at_ms")).gt(now))
            .to_owned();
        let rows = Row::find_by_statement(conn.get_database_backend().build(&select))
            .all(conn)
            .await?;
        let count = rows.len();
        // One write lock for the whole reload; listeners hear only of tenant
        // revocations this instance did not hold yet.
        let mut news = Vec::new();
        {
            let mut live = self.live.write().unwrap_or_else(|p| p.into_inner());
            for row in rows {
                let Some(kind) = RevocationKind::parse(&row.kind) else {
                    continue;
                };
                let r = Revocation {
                    kind,
                    subject: row.subject,
                    not_before_ms: row.not_before_ms,
                    expires_at_ms: row.expires_at_ms,
                };
                let newer = live
                    .get(&(kind, r.subject))
                    .is_none_or(|held| r.not_before_ms > held.not_before_ms);
                if newer {
                    live.insert((kind, r.subject), r);
                    if kind == RevocationKind::Tenant {
                        news.push(r.subject);
                    }
                }
            }
            live.retain(|_, r| r.expires_at_ms > now);
        }
        let listeners = self.on_tenant.read().unwrap_or_else(|p| p.into_inner());
        for t in news {
            for f in listeners.iter() {
                f(t);
            }
        }
        Ok(count)
    }

    /// Delete rows no token can need any more; returns how many.
    pub async fn purge(&self, conn: &impl ConnectionTrait) -> InfraResult<u64> {
        let now = chrono::Utc::now().timestamp_millis();
        let delete = Query::delete()
            .from_table(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("expires_at_ms")).lte(now))
            .to_owned();
        let done = conn
            .execute_raw(conn.get_database_backend().build(&delete))
            .await?;
        self.live
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, r| r.expires_at_ms > now);
        Ok(done.rows_affected())
    }

    /// PostgreSQL: hear every instance's revocations; after each (re)connection,
    /// reload the table so nothing said while deaf is missed.
    pub fn start_listener(self: &Arc<Self>, db: &Db) {
        if self.backend != Backend::Postgres {
            return;
        }
        let pool = db.conn().get_postgres_connection_pool().clone();
        let conn = db.conn().clone();
        let (me, heard) = (Arc::clone(self), Arc::clone(self));
        crate::db::listen::spawn_listener(
            pool,
            CHANNEL,
            move || {
                let (me, conn) = (Arc::clone(&me), conn.clone());
                async move {
                    me.load(&conn).await?;
                    Ok(())
                }
            },
            move |payload| match serde_json::from_str::<Revocation>(payload) {
                Ok(r) => heard.apply(r),
                Err(e) => tracing::warn!(error = %e, "unreadable revocation"),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arogya_domain::ids::{TenantId, UserId};

    fn token(user: Uuid, tenant: Uuid, session: Uuid, issued_at_ms: i64) -> VerifiedToken {
        VerifiedToken {
            principal: Principal::Staff {
                id: UserId(user),
                tenant: TenantId(tenant),
                grants: vec![],
            },
            display_name: String::new(),
            expires_at: 0,
            issued_at_ms,
            session: Some(session),
        }
    }

    #[test]
    fn refuses_tokens_issued_before_a_revocation_of_their_session_user_or_tenant() {
        let r = Revocations::new(Backend::Sqlite, 600);
        let (u, t, s) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let old = token(u, t, s, 1_000);
        let newer = token(u, t, Uuid::now_v7(), 3_000);
        assert!(!r.refuses(&old));
        for kind in [
            RevocationKind::Session,
            RevocationKind::User,
            RevocationKind::Tenant,
        ] {
            let r = Revocations::new(Backend::Sqlite, 600);
            let subject = match kind {
                RevocationKind::Session => s,
                RevocationKind::User => u,
                RevocationKind::Tenant => t,
            };
            r.apply(Revocation {
                kind,
                subject,
                not_before_ms: 2_000,
                expires_at_ms: i64::MAX,
            });
            assert!(r.refuses(&old), "{kind:?} refuses the older token");
            assert!(
                !r.refuses(&newer),
                "{kind:?} spares a token issued after it"
            );
            let stranger = token(Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), 1_000);
            assert!(
                !r.refuses(&stranger),
                "{kind:?} spares other people's tokens"
            );
        }
    }

    #[test]
    fn a_later_revocation_of_the_same_subject_wins_and_tenant_listeners_hear_it() {
        let r = Revocations::new(Backend::Sqlite, 600);
        let heard = Arc::new(RwLock::new(Vec::new()));
        let h = Arc::clone(&heard);
        r.on_tenant_revoked(move |t| h.write().unwrap().push(t));
        let t = Uuid::now_v7();
        for at in [5_000, 2_000] {
            r.apply(Revocation {
                kind: RevocationKind::Tenant,
                subject: t,
                not_before_ms: at,
                expires_at_ms: i64::MAX,
            });
        }
        assert!(r.refuses(&token(Uuid::now_v7(), t, Uuid::now_v7(), 4_000)));
        assert_eq!(heard.read().unwrap().as_slice(), &[t, t]);
    }
}
