//! What every request can reach: the database, keys, caches, metrics and settings.

use crate::config::Config;
use crate::http::metrics::Metrics;
use arogya_infra::auth::keys::KeyRing;
use arogya_infra::auth::throttle::LoginThrottle;
use arogya_infra::auth::token_cache::TokenCache;
use arogya_infra::pii::PiiKeys;
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
    pub tenants: TenantDirectory,
    /// Clinicians' professional entries and postings, for the record read path.
    pub clinicians: crate::app::records::ClinicianCache,
    pub throttle: LoginThrottle,
    pub metrics: Metrics,
}
