//! Connections and tenant-scoped transactions.
//!
//! The backend is chosen from the URL: `sqlite://` (the embedded default) or
//! `postgres://`. Every unit of work runs in a transaction that knows its scope:
//! a [`TenantTx`] for one tenant's data, or a [`PlatformTx`] for platform tables.
//! On PostgreSQL, opening either one sets `app.tenant_id` for that transaction only
//! (`set_config(..., true)`), and the row-level security policies compare every
//! row's `tenant_id` against it. Repositories also filter by the tenant in code,
//! so isolation holds even on SQLite, which has no row-level security.

mod error;
mod health;
pub mod listen;
mod migrate;

pub use error::{is_unique_violation, InfraError, InfraResult};
pub use health::{is_unavailable, DbUnavailable, Health};
pub use migrate::{applied_migrations_match, grant_app_role, grant_platform_role, migrate};

use crate::repos::audit::AuditRecord;
use anyhow::Context;
use arogya_domain::ids::TenantId;
use sea_orm::{
    ConnectOptions, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// The value `app.tenant_id` takes inside platform transactions: it matches no tenant.
pub const PLATFORM_SCOPE: &str = "platform";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("unsupported database URL scheme: use sqlite:// or postgres://")
        }
    }
}

/// Whether a transaction will write. On SQLite a writing transaction takes the write
/// lock up front (`BEGIN IMMEDIATE`), so a read-then-write can never fail half-way
/// with a busy snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The application's database handle: a pool plus the feed of committed audit events.
#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    backend: Backend,
    audit_feed: broadcast::Sender<AuditRecord>,
    statements: Arc<AtomicU64>,
    health: Health,
    /// A second pool, as the platform role, for platform transactions only.
    platform: Option<DatabaseConnection>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Connect to `url`. SQLite files are created (with their folder) when missing and
    /// run in WAL mode with a busy timeout and foreign keys on.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        let backend = Backend::from_url(url)?;
        if backend == Backend::Sqlite {
            ensure_sqlite_folder(url)?;
        }
        let mut opts = ConnectOptions::new(url.to_owned());
        opts.max_connections(max_connections)
            .min_connections(1)
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(5))
            // sqlx pings every connection it takes from the pool by default: a round
            // trip per transaction. A dead connection fails its first statement instead
            // and is dropped; idle connections are recycled by the idle timeout.
            .test_before_acquire(false)
            .idle_timeout(Duration::from_secs(300))
            .sqlx_logging(false)
            .map_sqlx_sqlite_opts(|o| {
                o.create_if_missing(true)
                    .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
        let mut conn = sea_orm::Database::connect(opts)
            .await
            .with_context(|| format!("connecting to {}", crate::secret::redact_url(url)))?;
        let (audit_feed, _) = broadcast::channel(1024);
        // Count every SQL statement, so N+1 regressions show in /metrics and in tests.
        let statements = Arc::new(AtomicU64::new(0));
        let counter = statements.clone();
        conn.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        Ok(Self {
            conn,
            backend,
            audit_feed,
            statements,
            health: Health::new(),
            platform: None,
        })
    }

    /// SQL statements executed through this handle since start-up.
    pub fn statements_executed(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers, as the background probe last saw it.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// Start the background probe behind [`Db::health`] (a server calls this once).
    pub fn start_health_probe(&self) {
        let opts = (self.backend == Backend::Postgres)
            .then(|| (*self.conn.get_postgres_connection_pool().connect_options()).clone());
        self.health.start(self.backend, opts);
    }

    /// The pool, for a platform-level read on a request's path: fails at once while
    /// the database is known to be down instead of waiting for a connection.
    pub fn ready_conn(&self) -> anyhow::Result<&DatabaseConnection> {
        health::ensure_up(&self.health)?;
        Ok(&self.conn)
    }

    /// The pool itself, for platform-level reads that touch no tenant data (the
    /// tenants directory) and for health checks.
    pub fn conn(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Audit events as they are committed, for live subscriptions.
    pub fn audit_feed(&self) -> broadcast::Receiver<AuditRecord> {
        self.audit_feed.subscribe()
    }

    pub async fn ping(&self) -> anyhow::Result<()> {
        self.conn
            .execute_unprepared("SELECT 1")
            .await
            .context("database ping")?;
        Ok(())
    }

    /// (connections open, connections idle) in the pool.
    pub fn pool_stats(&self) -> (u32, u32) {
        match self.backend {
            Backend::Postgres => {
                let p = self.conn.get_postgres_connection_pool();
                (p.size(), p.num_idle() as u32)
            }
            Backend::Sqlite => {
                let p = self.conn.get_sqlite_connection_pool();
                (p.size(), p.num_idle() as u32)
            }
        }
    }

    /// On PostgreSQL: is the connected role exempt from row-level security
    /// (superuser or BYPASSRLS)? Always false on SQLite, which has none.
    pub async fn role_bypasses_rls(&self) -> anyhow::Result<bool> {
        if self.backend != Backend::Postgres {
            return Ok(false);
        }
        let sql = "SELECT (rolsuper OR rolbypassrls) AS bypass FROM pg_roles WHERE rolname = current_user";
        let row = self
            .conn
            .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await?;
        Ok(row
            .and_then(|r| r.try_get::<bool>("", "bypass").ok())
            .unwrap_or(false))
    }

    async fn begin(&self, access: Access, scope: &str) -> anyhow::Result<DatabaseTransaction> {
        self.begin_on(&self.conn, access, scope).await
    }

    async fn begin_on(
        &self,
        conn: &DatabaseConnection,
        access: Access,
        scope: &str,
    ) -> anyhow::Result<DatabaseTransaction> {
        health::ensure_up(&self.health)?;
        let tx = match (self.backend, access) {
            (Backend::Sqlite, Access::Write) => {
                conn.begin_with_options(TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..Default::default()
                })
                .await
            }
            _ => conn.begin().await,
        }
        .context("beginning a transaction")?;
        set_scope(&tx, self.backend, scope).await?;
        Ok(tx)
    }

    /// Tell audit subscribers about an event committed outside a [`TenantTx`].
    pub(crate) fn publish_audit(&self, record: AuditRecord) {
        let _ = self.audit_feed.send(record);
    }

    /// A transaction over one tenant's data.
    pub async fn tenant_tx(&self, tenant: TenantId, access: Access) -> anyhow::Result<TenantTx> {
        let tx = self.begin(access, &tenant.to_string()).await?;
        Ok(TenantTx {
            tx,
            tenant,
            backend: self.backend,
            pending: Vec::new(),
            feed: self.audit_feed.clone(),
        })
    }

    /// A read-only transaction over one tenant's data that sees every table as of one
    /// moment (PostgreSQL: REPEATABLE READ; an SQLite read transaction already does),
    /// for a tenant archive.
    pub async fn tenant_snapshot(&self, tenant: TenantId) -> anyhow::Result<TenantTx> {
        health::ensure_up(&self.health)?;
        let tx = match self.backend {
            Backend::Postgres => {
                self.conn
                    .begin_with_config(
                        Some(sea_orm::IsolationLevel::RepeatableRead),
                        Some(sea_orm::AccessMode::ReadOnly),
                    )
                    .await
            }
            Backend::Sqlite => self.conn.begin().await,
        }
        .context("beginning a snapshot")?;
        set_scope(&tx, self.backend, &tenant.to_string()).await?;
        Ok(TenantTx {
            tx,
            tenant,
            backend: self.backend,
            pending: Vec::new(),
            feed: self.audit_feed.clone(),
        })
    }

    /// Run platform transactions on their own pool, connected as the platform role
    /// (PostgreSQL), so tenant requests never run as a role that can reach them.
    pub async fn with_platform_pool(mut self, url: &str) -> anyhow::Result<Self> {
        let platform = Db::connect(url, 4).await?;
        self.platform = Some(platform.conn);
        Ok(self)
    }

    /// A transaction over platform tables (tenants, platform administrators).
    /// Tenant rows stay invisible in it on PostgreSQL.
    pub async fn platform_tx(&self, access: Access) -> anyhow::Result<PlatformTx> {
        let pool = self.platform.as_ref().unwrap_or(&self.conn);
        let tx = self.begin_on(pool, access, PLATFORM_SCOPE).await?;
        Ok(PlatformTx {
            tx,
            backend: self.backend,
            feed: self.audit_feed.clone(),
        })
    }
}

async fn set_scope(tx: &DatabaseTransaction, backend: Backend, scope: &str) -> anyhow::Result<()> {
    if backend == Backend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('app.tenant_id', $1, true)",
            [scope.into()],
        ))
        .await
        .context("setting the tenant of the transaction")?;
    }
    Ok(())
}

fn ensure_sqlite_folder(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
    }
    Ok(())
}

/// A transaction bound to one tenant. Repositories for tenant data take this type, so
/// they cannot be called without a tenant scope.
pub struct TenantTx {
    tx: DatabaseTransaction,
    tenant: TenantId,
    backend: Backend,
    pending: Vec<AuditRecord>,
    feed: broadcast::Sender<AuditRecord>,
}

impl TenantTx {
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    pub(crate) fn push_audit(&mut self, record: AuditRecord) {
        self.pending.push(record);
    }

    /// Commit, then publish the audit events written in this transaction.
    pub async fn commit(self) -> anyhow::Result<()> {
        self.tx.commit().await.context("committing")?;
        for record in self.pending {
            // No subscribers is fine: the event is in the table already.
            let _ = self.feed.send(record);
        }
        Ok(())
    }
}

/// A transaction over platform tables.
pub struct PlatformTx {
    tx: DatabaseTransaction,
    backend: Backend,
    feed: broadcast::Sender<AuditRecord>,
}

impl PlatformTx {
    pub(crate) fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// Continue the same transaction inside `tenant`, e.g. to write the audit event
    /// of creating or suspending it atomically with the change.
    pub async fn enter_tenant(self, tenant: TenantId) -> anyhow::Result<TenantTx> {
        set_scope(&self.tx, self.backend, &tenant.to_string()).await?;
        Ok(TenantTx {
            tx: self.tx,
            tenant,
            backend: self.backend,
            pending: Vec::new(),
            feed: self.feed,
        })
    }

    pub async fn commit(self) -> anyhow::Result<()> {
        self.tx.commit().await.context("committing")
    }
}
