//! Is the database there? A background probe answers, so that requests and `/readyz`
//! know at once instead of waiting for a connection attempt to time out.
//!
//! On PostgreSQL the probe keeps one connection of its own (outside the pool, so a busy
//! pool never looks like an outage) and pings it four times a second; a failed or slow
//! ping marks the database down, and the first good ping after that marks it up. An
//! SQLite file is always there.

use super::Backend;
use anyhow::Context;
use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::Connection;
use sea_orm::{DbErr, RuntimeErr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const EVERY: Duration = Duration::from_millis(250);
const PATIENCE: Duration = Duration::from_millis(700);

/// The error a transaction fails with while the database is known to be down.
#[derive(Debug, thiserror::Error)]
#[error("the database is unavailable")]
pub struct DbUnavailable;

#[derive(Debug, Clone)]
pub struct Health {
    up: Arc<AtomicBool>,
}

impl Health {
    pub(super) fn new() -> Self {
        Self {
            up: Arc::new(AtomicBool::new(true)),
        }
    }

    pub fn is_up(&self) -> bool {
        self.up.load(Ordering::Relaxed)
    }

    fn set(&self, up: bool) {
        if self.up.swap(up, Ordering::Relaxed) != up {
            if up {
                tracing::info!("database reachable again");
            } else {
                tracing::warn!("database unreachable: answering UNAVAILABLE until it returns");
            }
        }
    }

    /// Start probing (PostgreSQL only; SQLite stays up).
    pub(super) fn start(&self, backend: Backend, opts: Option<PgConnectOptions>) {
        let (Backend::Postgres, Some(opts)) = (backend, opts) else {
            return;
        };
        let me = self.clone();
        tokio::spawn(async move {
            let mut conn: Option<PgConnection> = None;
            loop {
                let ok = tokio::time::timeout(PATIENCE, async {
                    if conn.is_none() {
                        conn = Some(PgConnection::connect_with(&opts).await?);
                    }
                    match conn.as_mut() {
                        Some(c) => c.ping().await,
                        None => Ok(()),
                    }
                })
                .await;
                let up = matches!(ok, Ok(Ok(())));
                if !up {
                    conn = None;
                }
                me.set(up);
                tokio::time::sleep(EVERY).await;
            }
        });
    }
}

/// Does this failure mean the database could not be reached (rather than a fault in
/// the request)? Such failures answer `UNAVAILABLE`, to be retried, not `INTERNAL`.
pub fn is_unavailable(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if cause.downcast_ref::<DbUnavailable>().is_some() {
            return true;
        }
        if let Some(e) = cause.downcast_ref::<DbErr>() {
            return match e {
                DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
                DbErr::Query(RuntimeErr::SqlxError(s)) | DbErr::Exec(RuntimeErr::SqlxError(s)) => {
                    sqlx_unreachable(s)
                }
                _ => false,
            };
        }
        cause
            .downcast_ref::<sea_orm::sqlx::Error>()
            .is_some_and(sqlx_unreachable)
    })
}

fn sqlx_unreachable(e: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error as E;
    match e {
        E::Io(_) | E::Tls(_) | E::PoolTimedOut | E::PoolClosed | E::WorkerCrashed => true,
        // Class 08 (connection exception) and 57P (the server is shutting down or
        // starting up).
        E::Database(d) => d
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
        _ => false,
    }
}

/// Fail at once while the database is known to be down.
pub(super) fn ensure_up(health: &Health) -> anyhow::Result<()> {
    if health.is_up() {
        Ok(())
    } else {
        Err(DbUnavailable).context("beginning a transaction")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_failures_are_unavailable_and_others_are_not() {
        let down = anyhow::Error::new(DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout))
            .context("beginning a transaction");
        assert!(is_unavailable(&down));
        let io = anyhow::Error::new(DbErr::Query(RuntimeErr::SqlxError(Arc::new(
            sea_orm::sqlx::Error::Io(std::io::Error::other("connection reset")),
        ))));
        assert!(is_unavailable(&io));
        assert!(is_unavailable(&anyhow::Error::new(DbUnavailable)));
        let bug = anyhow::Error::new(DbErr::Custom("no such column".into()));
        assert!(!is_unavailable(&bug));
        assert!(!is_unavailable(&anyhow::anyhow!("something else")));
    }
}
