//! Live helpline queue events for subscribers, across replicas.
//!
//! On PostgreSQL a change announces itself with `pg_notify` inside its own
//! transaction, so the event exists exactly when the change is committed and reaches
//! every server instance on the same database: each one LISTENs and hands what it
//! hears to its local subscribers. On SQLite (one server) the event goes straight to
//! the local subscribers after the commit.

use crate::db::{InfraResult, TenantTx};
use crate::{Backend, Db};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use uuid::Uuid;

/// The PostgreSQL channel queue events travel on.
pub const CHANNEL: &str = "arogya_queue";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEvent {
    pub tenant: Uuid,
    pub ticket: Uuid,
    /// `create`, `take`, `escalate`, `resolve`, `close`, `reopen`, `transfer`.
    pub action: String,
    pub status: String,
    pub tier: i16,
    pub priority: String,
    pub assignee: Option<Uuid>,
    pub at: DateTime<Utc>,
}

#[derive(Clone)]
pub struct QueueBus {
    local: broadcast::Sender<QueueEvent>,
    backend: Backend,
}

impl QueueBus {
    pub fn new(backend: Backend) -> Self {
        let (local, _) = broadcast::channel(4096);
        Self { local, backend }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<QueueEvent> {
        self.local.subscribe()
    }

    /// Announce `e` as part of the open transaction (PostgreSQL: delivered at commit).
    pub async fn announce(&self, tx: &TenantTx, e: &QueueEvent) -> InfraResult<()> {
        if self.backend == Backend::Postgres {
            let payload = serde_json::to_string(e).map_err(anyhow::Error::from)?;
            tx.conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [CHANNEL.into(), payload.into()],
                ))
                .await?;
        }
        Ok(())
    }

    /// After the commit: SQLite's subscribers hear of it now (PostgreSQL's through LISTEN).
    pub fn committed(&self, e: QueueEvent) {
        if self.backend == Backend::Sqlite {
            let _ = self.local.send(e);
        }
    }

    /// PostgreSQL: listen for every instance's events and pass them to local
    /// subscribers, reconnecting after a lost connection.
    pub fn start_listener(&self, db: &Db) {
        if self.backend != Backend::Postgres {
            return;
        }
        let pool = db.conn().get_postgres_connection_pool().clone();
        let local = self.local.clone();
        crate::db::listen::spawn_listener(
            pool,
            CHANNEL,
            || async { Ok(()) },
            move |payload| match serde_json::from_str::<QueueEvent>(payload) {
                Ok(e) => {
                    let _ = local.send(e);
                }
                Err(e) => tracing::warn!(error = %e, "unreadable queue event"),
            },
        );
    }
}
