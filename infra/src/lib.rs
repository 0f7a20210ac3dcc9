//! Arogya's adapters: the database (SQLite or PostgreSQL) with tenant-scoped
//! transactions, migrations, repositories, password hashing, signing keys and
//! login throttling.

pub mod auth;
pub mod db;
pub mod entities;
pub mod icd10;
pub mod migrations;
pub mod notify;
pub mod pii;
pub mod queue_bus;
pub mod repos;
pub mod secret;
pub mod storage;
pub mod tenant_archive;
pub mod tenant_directory;

pub use db::{Backend, Db, PlatformTx, TenantTx};
pub use secret::Secret;
