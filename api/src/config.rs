//! Configuration: `AROGYA_*` environment variables over an optional TOML file over
//! the defaults below. With no configuration at all the server runs on an SQLite file
//! and local folders under `./data/`, so nothing else needs installing.

use anyhow::Context;
use arogya_infra::secret::redact_url;
use arogya_infra::Secret;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Every setting, flat, so that each is one environment variable: `database_url` is
/// `AROGYA_DATABASE_URL`, and `database_url = "…"` in the TOML file.
#[derive(Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub database_migration_url: Option<String>,
    pub database_app_role: String,
    /// PostgreSQL: the URL of the platform role, used only for platform work (tenants,
    /// platform administrators and their sessions), so no tenant request ever runs as a
    /// role that can read those tables. Unset: one pool for both.
    pub database_platform_url: Option<String>,
    pub database_platform_role: String,
    pub database_max_connections: u32,
    pub migrate_on_start: bool,
    pub object_store: ObjectStoreKind,
    pub object_store_dir: PathBuf,
    pub web_dir: PathBuf,
    pub s3_bucket: String,
    pub s3_region: String,
    pub s3_endpoint_url: Option<String>,
    pub s3_force_path_style: bool,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<String>,
    pub public_url: Option<String>,
    pub upload_max_bytes: u64,
    pub upload_url_ttl_secs: u64,
    pub upload_slot_ttl_secs: u64,
    pub document_retention_days: u64,
    pub maintenance_interval_secs: u64,
    /// How often the indicators counted from other modules' records are recounted.
    pub indicator_recount_secs: u64,
    /// How long a dashboard's answer (a place's figures, a ranking) is kept; 0 keeps none.
    pub indicator_cache_secs: u64,
    pub idempotency_ttl_hours: u64,
    pub notify_webhook_url: Option<String>,
    pub notify_webhook_secret: Option<String>,
    pub otp_ttl_secs: u64,
    pub jwt_keys_dir: PathBuf,
    pub jwt_signing_keys: Option<String>,
    pub pii_key_file: PathBuf,
    pub pii_key: Option<String>,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_hours: i64,
    pub login_max_failures_per_account: u32,
    pub login_max_failures_per_address: u32,
    pub login_lockout_secs: u64,
    pub max_body_bytes: usize,
    pub graphql_max_depth: usize,
    pub graphql_max_complexity: usize,
    pub graphql_batch_window_ms: u64,
    pub trust_forwarded_for: bool,
    /// Serve GraphiQL at `GET /graphql`. Off by default: its page loads scripts from a
    /// CDN (which an air-gapped data centre cannot reach) and production needs no
    /// query console. `serve --demo` turns it on.
    pub graphiql: bool,
    pub tenant_cache_ttl_secs: u64,
    pub shutdown_grace_secs: u64,
    pub log_format: LogFormat,
    pub log_filter: String,
}

/// Where documents are kept.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ObjectStoreKind {
    /// A local folder; the API signs and serves upload and download URLs itself.
    Fs,
    /// Amazon S3 or an S3-compatible server, with presigned URLs.
    S3,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            database_url: "sqlite://./data/arogya.db?mode=rwc".into(),
            database_migration_url: None,
            database_app_role: "arogya_app".into(),
            database_platform_url: None,
            database_platform_role: "arogya_platform".into(),
            database_max_connections: 16,
            migrate_on_start: true,
            object_store: ObjectStoreKind::Fs,
            object_store_dir: "./data/objects".into(),
            web_dir: "./frontend/dist".into(),
            s3_bucket: String::new(),
            s3_region: "ap-south-1".into(),
            s3_endpoint_url: None,
            s3_force_path_style: false,
            s3_access_key_id: None,
            s3_secret_access_key: None,
            public_url: None,
            upload_max_bytes: 20 * 1024 * 1024,
            upload_url_ttl_secs: 300,
            upload_slot_ttl_secs: 3600,
            document_retention_days: 3650,
            maintenance_interval_secs: 60,
            indicator_recount_secs: 300,
            indicator_cache_secs: 15,
            idempotency_ttl_hours: 24,
            notify_webhook_url: None,
            notify_webhook_secret: None,
            otp_ttl_secs: 600,
            jwt_keys_dir: "./data/keys".into(),
            jwt_signing_keys: None,
            pii_key_file: "./data/pii.key".into(),
            pii_key: None,
            access_token_ttl_secs: 600,
            refresh_token_ttl_hours: 12,
            login_max_failures_per_account: 5,
            login_max_failures_per_address: 50,
            login_lockout_secs: 900,
            max_body_bytes: 4 * 1024 * 1024,
            graphql_max_depth: 16,
            graphql_max_complexity: 2000,
            graphql_batch_window_ms: 2,
            trust_forwarded_for: false,
            graphiql: false,
            tenant_cache_ttl_secs: 5,
            shutdown_grace_secs: 30,
            log_format: LogFormat::Text,
            log_filter: "info".into(),
        }
    }
}

/// The settings table shown by `arogya serve --help` and in the README.
pub const CONFIG_HELP: &str = "\
Configuration (environment variable, or the same name in lowercase without AROGYA_ in the TOML file
given by --config / AROGYA_CONFIG, default ./arogya.toml when present):
  AROGYA_BIND                            address to listen on [127.0.0.1:8080]
  AROGYA_DATABASE_URL                    sqlite://FILE or postgres://USER:PASS@HOST/DB [sqlite://./data/arogya.db?mode=rwc]
  AROGYA_DATABASE_MIGRATION_URL          PostgreSQL URL of the table owner, used to migrate [unset: use DATABASE_URL]
  AROGYA_DATABASE_APP_ROLE               PostgreSQL role granted access after migrating [arogya_app]
  AROGYA_DATABASE_PLATFORM_URL           PostgreSQL URL of the platform role, for platform work only (unset: one pool)
  AROGYA_DATABASE_PLATFORM_ROLE          that role, granted after migrating; the app role then loses platform tables [arogya_platform]
  AROGYA_DATABASE_MAX_CONNECTIONS        connection pool size [16]
  AROGYA_MIGRATE_ON_START                apply migrations when the server starts [true]
  AROGYA_OBJECT_STORE                    where documents are kept: fs (a folder) or s3 [fs]
  AROGYA_OBJECT_STORE_DIR                folder of the local object store [./data/objects]
  AROGYA_WEB_DIR                         folder of the built web app, served at / [./frontend/dist]
  AROGYA_S3_BUCKET                       S3 bucket for documents (object_store = s3)
  AROGYA_S3_REGION                       S3 region [ap-south-1]
  AROGYA_S3_ENDPOINT_URL                 S3-compatible endpoint instead of AWS, e.g. http://127.0.0.1:8014
  AROGYA_S3_FORCE_PATH_STYLE             path-style bucket addressing (most S3-compatible servers) [false]
  AROGYA_S3_ACCESS_KEY_ID                S3 access key [unset: the usual AWS chain, e.g. the task role]
  AROGYA_S3_SECRET_ACCESS_KEY            S3 secret key, with the access key
  AROGYA_PUBLIC_URL                      this server's public base URL, for folder-store upload links [unset: from the Host header]
  AROGYA_UPLOAD_MAX_BYTES                largest document accepted [20971520]
  AROGYA_UPLOAD_URL_TTL_SECS             how long upload and download URLs work [300]
  AROGYA_UPLOAD_SLOT_TTL_SECS            how long an upload may stay unconfirmed before it is removed [3600]
  AROGYA_DOCUMENT_RETENTION_DAYS         how long a deleted document's object is kept [3650]
  AROGYA_MAINTENANCE_INTERVAL_SECS       how often expired uploads and old documents are cleaned up [60]
  AROGYA_INDICATOR_RECOUNT_SECS          how often registrations, calls, cases, stock-outs… are recounted [300]
  AROGYA_INDICATOR_CACHE_SECS            how long a dashboard's figures or ranking are kept (0: none) [15]
  AROGYA_IDEMPOTENCY_TTL_HOURS           how long a mutation's answer is kept for repeats with its Idempotency-Key [24]
  AROGYA_NOTIFY_WEBHOOK_URL              post SMS and e-mail notifications here [unset: log them, keep them in the outbox]
  AROGYA_NOTIFY_WEBHOOK_SECRET           HMAC key for the webhook's X-Arogya-Signature header
  AROGYA_OTP_TTL_SECS                    how long a one-time sign-up code works [600]
  AROGYA_JWT_KEYS_DIR                    folder of Ed25519 PEM signing keys, newest signs [./data/keys]
  AROGYA_JWT_SIGNING_KEYS                PEM keys (oldest first) instead of the folder, e.g. from a secrets manager
  AROGYA_PII_KEY_FILE                    file of the master key for national-ID hashes and card signatures [./data/pii.key]
  AROGYA_PII_KEY                         that master key (64 hex digits) instead of the file, e.g. from a secrets manager
  AROGYA_ACCESS_TOKEN_TTL_SECS           access token lifetime [600]
  AROGYA_REFRESH_TOKEN_TTL_HOURS         refresh token lifetime [12]
  AROGYA_LOGIN_MAX_FAILURES_PER_ACCOUNT  failed logins before an account is locked out [5]
  AROGYA_LOGIN_MAX_FAILURES_PER_ADDRESS  failed logins before a client address is locked out [50]
  AROGYA_LOGIN_LOCKOUT_SECS              lockout and counting window [900]
  AROGYA_MAX_BODY_BYTES                  largest accepted request body (CSV imports travel in it) [4194304]
  AROGYA_GRAPHQL_MAX_DEPTH               deepest accepted GraphQL query [16]
  AROGYA_GRAPHQL_MAX_COMPLEXITY          most complex accepted GraphQL query [2000]
  AROGYA_GRAPHQL_BATCH_WINDOW_MS         how long DataLoaders gather keys before one query [2]
  AROGYA_TRUST_FORWARDED_FOR             take the client address from X-Forwarded-For (behind a load balancer) [false]
  AROGYA_GRAPHIQL                        serve GraphiQL at GET /graphql (its scripts come from a CDN; on with serve --demo) [false]
  AROGYA_TENANT_CACHE_TTL_SECS           how long a tenant's status is cached [5]
  AROGYA_SHUTDOWN_GRACE_SECS             how long in-flight requests may finish after SIGTERM [30]
  AROGYA_LOG_FORMAT                      text or json [text]
  AROGYA_LOG_FILTER                      tracing filter, e.g. info,arogya_api=debug [info]";

impl Config {
    /// Defaults, then the TOML file (the one named, or `./arogya.toml` if present),
    /// then `AROGYA_*` variables.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                anyhow::ensure!(
                    path.exists(),
                    "configuration file {} not found",
                    path.display()
                );
                fig = fig.merge(Toml::file(path));
            }
            None => fig = fig.merge(Toml::file("arogya.toml")),
        }
        // Only known settings are read from the environment: other AROGYA_* variables
        // (AROGYA_CONFIG, AROGYA_NEW_PASSWORD, test settings) are not configuration.
        let known = Self::keys();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        fig = fig.merge(Env::prefixed("AROGYA_").only(&known));
        let config: Config = fig.extract().context("reading the configuration")?;
        config.validate()?;
        Ok(config)
    }

    /// The name of every setting.
    pub fn keys() -> Vec<String> {
        match serde_json::to_value(Config::default()) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    fn validate(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.access_token_ttl_secs >= 30,
            "access_token_ttl_secs must be at least 30"
        );
        anyhow::ensure!(
            self.refresh_token_ttl_hours >= 1,
            "refresh_token_ttl_hours must be at least 1"
        );
        anyhow::ensure!(
            self.database_max_connections >= 1,
            "database_max_connections must be at least 1"
        );
        anyhow::ensure!(
            self.max_body_bytes >= 1024,
            "max_body_bytes must be at least 1024"
        );
        anyhow::ensure!(
            self.upload_max_bytes >= 1024,
            "upload_max_bytes must be at least 1024"
        );
        anyhow::ensure!(
            (30..=7 * 24 * 3600).contains(&self.upload_url_ttl_secs),
            "upload_url_ttl_secs must be between 30 seconds and 7 days (the S3 limit)"
        );
        anyhow::ensure!(
            self.upload_slot_ttl_secs >= 1,
            "upload_slot_ttl_secs must be at least 1"
        );
        anyhow::ensure!(self.otp_ttl_secs >= 30, "otp_ttl_secs must be at least 30");
        if self.object_store == ObjectStoreKind::S3 {
            anyhow::ensure!(
                !self.s3_bucket.trim().is_empty(),
                "object_store = s3 needs s3_bucket (AROGYA_S3_BUCKET)"
            );
            anyhow::ensure!(
                self.s3_access_key_id.is_some() == self.s3_secret_access_key.is_some(),
                "give both s3_access_key_id and s3_secret_access_key, or neither"
            );
        }
        Ok(())
    }

    pub fn database_url(&self) -> Secret<String> {
        Secret::new(self.database_url.clone())
    }

    /// The URL migrations run with: the owner's when given.
    pub fn migration_url(&self) -> Secret<String> {
        Secret::new(
            self.database_migration_url
                .clone()
                .unwrap_or_else(|| self.database_url.clone()),
        )
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("database_url", &redact_url(&self.database_url))
            .field(
                "database_migration_url",
                &self.database_migration_url.as_deref().map(redact_url),
            )
            .field("database_app_role", &self.database_app_role)
            .field(
                "database_platform_url",
                &self.database_platform_url.as_deref().map(redact_url),
            )
            .field("database_platform_role", &self.database_platform_role)
            .field("database_max_connections", &self.database_max_connections)
            .field("object_store", &self.object_store)
            .field("object_store_dir", &self.object_store_dir)
            .field("web_dir", &self.web_dir)
            .field("s3_bucket", &self.s3_bucket)
            .field("s3_endpoint_url", &self.s3_endpoint_url)
            .field(
                "s3_secret_access_key",
                &self.s3_secret_access_key.as_ref().map(|_| "[REDACTED]"),
            )
            .field(
                "notify_webhook_url",
                &self.notify_webhook_url.as_deref().map(redact_url),
            )
            .field(
                "notify_webhook_secret",
                &self.notify_webhook_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .field("jwt_keys_dir", &self.jwt_keys_dir)
            .field(
                "jwt_signing_keys",
                &self.jwt_signing_keys.as_ref().map(|_| "[REDACTED]"),
            )
            .field("pii_key_file", &self.pii_key_file)
            .field("pii_key", &self.pii_key.as_ref().map(|_| "[REDACTED]"))
            .field("access_token_ttl_secs", &self.access_token_ttl_secs)
            .field("refresh_token_ttl_hours", &self.refresh_token_ttl_hours)
            .field("log_format", &self.log_format)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_documented_in_help_and_readme() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
            .unwrap_or_default();
        for key in Config::keys() {
            let var = format!("AROGYA_{}", key.to_uppercase());
            assert!(CONFIG_HELP.contains(&var), "{var} missing from CONFIG_HELP");
            assert!(readme.contains(&var), "{var} missing from README.md");
        }
    }

    #[test]
    fn debug_redacts_secrets() {
        let c = Config {
            database_url: "postgres://app:hunter2@db/arogya".into(),
            jwt_signing_keys: Some("-----BEGIN PRIVATE KEY-----".into()),
            pii_key: Some("feedfacefeedface".into()),
            s3_secret_access_key: Some("s3cr3t-key".into()),
            notify_webhook_secret: Some("hooksecret".into()),
            ..Config::default()
        };
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("hunter2")
                && !shown.contains("BEGIN PRIVATE")
                && !shown.contains("feedface")
                && !shown.contains("s3cr3t")
                && !shown.contains("hooksecret"),
            "{shown}"
        );
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail API returns its own error type
    fn environment_overrides_file_and_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "arogya.toml",
                "bind = \"0.0.0.0:9000\"\naccess_token_ttl_secs = 120",
            )?;
            jail.set_env("AROGYA_ACCESS_TOKEN_TTL_SECS", "300");
            let c = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(c.bind, "0.0.0.0:9000");
            assert_eq!(c.access_token_ttl_secs, 300);
            assert_eq!(c.refresh_token_ttl_hours, 12);
            Ok(())
        });
    }
}
