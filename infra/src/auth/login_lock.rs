//! The login lock, kept in the database so that it holds across restarts and across
//! every instance: after too many failures within a window, an account (whichever of
//! its names was typed) and, separately, a client address are refused for a while.
//! Keys are stored as SHA-256 digests: an address or a mistyped e-mail is no one's
//! business in this table.

use crate::db::InfraResult;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, FromQueryResult};
use sha2::{Digest, Sha256};
use uuid::Uuid;

const TABLE: &str = "login_failures";

#[derive(Debug, Clone, Copy)]
pub struct LoginLock {
    pub max_per_account: u32,
    pub max_per_address: u32,
    pub window_secs: u64,
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
    oldest: Option<i64>,
}

fn digest(kind: &str, value: &str) -> String {
    Sha256::digest(format!("{kind}:{value}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl LoginLock {
    fn window_ms(&self) -> i64 {
        self.window_secs as i64 * 1000
    }

    async fn count(&self, conn: &impl ConnectionTrait, key: &str, now: i64) -> InfraResult<Count> {
        let q = Query::select()
            .expr_as(Func::count(Expr::col(Alias::new("id"))), Alias::new("n"))
            .expr_as(
                Func::min(Expr::col(Alias::new("failed_at_ms"))),
                Alias::new("oldest"),
            )
            .from(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("key")).eq(key))
            .and_where(Expr::col(Alias::new("failed_at_ms")).gt(now - self.window_ms()))
            .to_owned();
        Ok(
            Count::find_by_statement(conn.get_database_backend().build(&q))
                .one(conn)
                .await?
                .unwrap_or(Count { n: 0, oldest: None }),
        )
    }

    /// `Ok(Err(seconds))` while the account or the address is locked.
    pub async fn check(
        &self,
        conn: &impl ConnectionTrait,
        account: &str,
        address: &str,
    ) -> InfraResult<Result<(), u64>> {
        let now = chrono::Utc::now().timestamp_millis();
        for (key, max) in [
            (digest("account", account), self.max_per_account),
            (digest("address", address), self.max_per_address),
        ] {
            let c = self.count(conn, &key, now).await?;
            if c.n >= max as i64 {
                let until = c.oldest.unwrap_or(now) + self.window_ms();
                return Ok(Err(Ord::max((until - now) / 1000, 1) as u64));
            }
        }
        Ok(Ok(()))
    }

    pub async fn failed(
        &self,
        conn: &impl ConnectionTrait,
        account: &str,
        address: &str,
    ) -> InfraResult<()> {
        let now = chrono::Utc::now().timestamp_millis();
        let mut insert = Query::insert()
            .into_table(Alias::new(TABLE))
            .columns(["id", "key", "failed_at_ms"].map(Alias::new))
            .to_owned();
        for key in [digest("account", account), digest("address", address)] {
            insert.values_panic([Uuid::now_v7().into(), key.into(), now.into()]);
        }
        conn.execute_raw(conn.get_database_backend().build(&insert))
            .await?;
        Ok(())
    }

    /// A successful sign-in clears the account's count (not the address's).
    pub async fn succeeded(&self, conn: &impl ConnectionTrait, account: &str) -> InfraResult<()> {
        let delete = Query::delete()
            .from_table(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("key")).eq(digest("account", account)))
            .to_owned();
        conn.execute_raw(conn.get_database_backend().build(&delete))
            .await?;
        Ok(())
    }

    /// Forget failures older than the window (the maintenance task).
    pub async fn purge(&self, conn: &impl ConnectionTrait) -> InfraResult<()> {
        let cutoff = chrono::Utc::now().timestamp_millis() - self.window_ms();
        let delete = Query::delete()
            .from_table(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("failed_at_ms")).lte(cutoff))
            .to_owned();
        conn.execute_raw(conn.get_database_backend().build(&delete))
            .await?;
        Ok(())
    }
}
