//! What every request can reach: the database, keys, caches, metrics and settings.

use crate::config::Config;
use crate::http::metrics::Metrics;
use arogya_infra::auth::keys::KeyRing;
use arogya_infra::auth::login_lock::LoginLock;
use arogya_infra::auth::revocations::Revocations;
use arogya_infra::auth::throttle::LoginThrottle;
use arogya_infra::auth::token_cache::TokenCache;
use arogya_infra::notify::Notifier;
use arogya_infra::pii::PiiKeys;
use arogya_infra::storage::{FsStore, ObjectStore};
use arogya_infra::tenant_directory::TenantDirectory;
use arogya_infra::Db;
use std::sync::Arc;

pub type SharedState = Arc<AppState>;

pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub keys: KeyRing,
    /// Access tokens already verified, until they expire.
    pub verified_tokens: TokenCache,
    /// Per-tenant keys for national-ID hashes and card signatures.
    pub pii: PiiKeys,
    pub tenants: Arc<TenantDirectory>,
    /// Access tokens withdrawn before they expire (logout, disabled, role revoked…).
    pub revocations: Arc<Revocations>,
    /// Clinicians' professional entries and postings, for the record read path.
    pub clinicians: crate::app::records::ClinicianCache,
    /// Failed sign-ins per account and address, counted in the database.
    pub login_lock: LoginLock,
    /// Codes sent per client address (the per-phone limit is kept in the database).
    pub signup_throttle: LoginThrottle,
    /// Family status requests and code attempts, per client address and request.
    pub family_throttle: LoginThrottle,
    /// Query texts clients name by hash (automatic persisted queries).
    pub persisted_queries: crate::http::persisted_queries::PersistedQueries,
    /// The public pages that need no sign-in (free beds), per client address.
    pub public_throttle: LoginThrottle,
    /// Districts' free beds, served from memory for a few seconds.
    pub bed_cache: crate::app::inpatient::public::BedCache,
    /// Tenants' live bed counts, forgotten on every bed change.
    pub live_counts: crate::app::inpatient::live_counts::LiveCounts,
    /// Every reporting facility's oxygen status per tenant, for a few seconds.
    pub oxygen_status: crate::app::oxygen::cache::StatusCache,
    /// Day-by-day oxygen answers per tenant and question, for a minute.
    pub oxygen_daily: crate::app::oxygen::daily_cache::DailyCache,
    /// Weekly tables of cases per tenant and question, for a minute.
    pub surveillance_table: crate::app::surveillance::weekly_table::TableCache,
    pub indicator_answers: crate::app::dashboards::answers::IndicatorAnswers,
    pub ranking_answers: crate::app::dashboards::answers::RankingAnswers,
    /// Where documents are kept.
    pub store: Arc<dyn ObjectStore>,
    /// The same store when it is the local folder, whose URLs this server serves.
    pub fs_store: Option<Arc<FsStore>>,
    /// Delivers the notification outbox.
    pub notifier: Arc<dyn Notifier>,
    /// Nudged after a commit that queued notifications, so they go out at once.
    pub outbox_wake: tokio::sync::Notify,
    /// Helpline queue changes for live subscribers (across replicas on PostgreSQL).
    pub queue: arogya_infra::queue_bus::QueueBus,
    /// Inpatients' admissions and conditions, live to the monitoring list.
    pub wards: arogya_infra::queue_bus::WardBus,
    /// Oxygen alerts raised, acknowledged and escalated.
    pub oxygen: arogya_infra::queue_bus::OxygenBus,
    /// Surveillance alerts and outbreak investigations, live to surveillance officers.
    pub surveillance: arogya_infra::queue_bus::SurveillanceBus,
    pub metrics: Metrics,
}
