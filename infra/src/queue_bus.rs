//! Live events for subscribers, across replicas: the helpline's queue changes and
//! inpatients' condition changes, each on its own channel.
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
/// The PostgreSQL channel ward events travel on.
pub const WARD_CHANNEL: &str = "arogya_ward";
/// The PostgreSQL channel oxygen alerts travel on.
pub const OXYGEN_CHANNEL: &str = "arogya_oxygen";
/// The PostgreSQL channel surveillance alerts and investigations travel on.
pub const SURVEILLANCE_CHANNEL: &str = "arogya_surveillance";

/// An oxygen alert was raised, acknowledged or escalated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OxygenEvent {
    pub tenant: Uuid,
    pub facility: Uuid,
    pub alert: Uuid,
    pub kind: String,
    pub level: String,
    /// `raised`, `acknowledged` or `escalated`.
    pub action: String,
    pub at: DateTime<Utc>,
}

/// Oxygen alerts.
pub type OxygenBus = EventBus<OxygenEvent>;

impl OxygenBus {
    pub fn oxygen(backend: Backend) -> Self {
        Self::on(backend, OXYGEN_CHANNEL)
    }
}

/// A surveillance alert was raised or verified, or an investigation changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveillanceEvent {
    pub tenant: Uuid,
    /// The place's path, to check each subscriber's reach without a query.
    pub unit_path: String,
    /// `alert` or `investigation`.
    pub kind: String,
    pub id: Uuid,
    /// `raised`, `verified`, `opened`, `entry` or `status`.
    pub action: String,
    pub at: DateTime<Utc>,
}

pub type SurveillanceBus = EventBus<SurveillanceEvent>;

impl SurveillanceBus {
    pub fn surveillance(backend: Backend) -> Self {
        Self::on(backend, SURVEILLANCE_CHANNEL)
    }
}

/// An inpatient's admission or condition changed (the monitoring list refreshes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WardEvent {
    pub tenant: Uuid,
    pub facility: Uuid,
    pub ward: Uuid,
    pub admission: Uuid,
    /// `admit`, `condition`, `transfer`, `reserve`, `discharge`.
    pub action: String,
    pub category: Option<String>,
    pub life_support: Option<String>,
    pub at: DateTime<Utc>,
}

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

/// Events of one kind on one channel.
#[derive(Clone)]
pub struct EventBus<E> {
    local: broadcast::Sender<E>,
    backend: Backend,
    channel: &'static str,
}

/// The helpline's queue changes.
pub type QueueBus = EventBus<QueueEvent>;
/// Inpatients' admissions and conditions.
impl WardEvent {
    /// Whether beds changed hands (a condition entry moves no bed).
    pub fn moves_beds(&self) -> bool {
        self.action != "condition"
    }
}

pub type WardBus = EventBus<WardEvent>;

impl QueueBus {
    pub fn new(backend: Backend) -> Self {
        Self::on(backend, CHANNEL)
    }
}

impl WardBus {
    pub fn wards(backend: Backend) -> Self {
        Self::on(backend, WARD_CHANNEL)
    }
}

impl<E> EventBus<E>
where
    E: Clone + Serialize + for<'de> Deserialize<'de> + Send + Sync + 'static,
{
    fn on(backend: Backend, channel: &'static str) -> Self {
        let (local, _) = broadcast::channel(4096);
        Self {
            local,
            backend,
            channel,
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<E> {
        self.local.subscribe()
    }

    /// Announce `e` as part of the open transaction (PostgreSQL: delivered at commit).
    pub async fn announce(&self, tx: &TenantTx, e: &E) -> InfraResult<()> {
        if self.backend == Backend::Postgres {
            let payload = serde_json::to_string(e).map_err(anyhow::Error::from)?;
            tx.conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [self.channel.into(), payload.into()],
                ))
                .await?;
        }
        Ok(())
    }

    /// After the commit: SQLite's subscribers hear of it now (PostgreSQL's through LISTEN).
    pub fn committed(&self, e: E) {
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
        let channel = self.channel;
        crate::db::listen::spawn_listener(
            pool,
            channel,
            || async { Ok(()) },
            move |payload| match serde_json::from_str::<E>(payload) {
                Ok(e) => {
                    let _ = local.send(e);
                }
                Err(e) => tracing::warn!(error = %e, channel, "unreadable event"),
            },
        );
    }
}
