//! Repositories: every query the application runs. Functions over tenant data take a
//! [`crate::TenantTx`] and filter by its tenant; the database's row-level security
//! checks the same thing again on PostgreSQL.

pub mod audit;
pub mod platform_admins;
pub mod roles;
pub mod sessions;
pub mod tenants;
pub mod users;

use crate::db::{PlatformTx, TenantTx};
use arogya_domain::ids::TenantId;
use sea_orm::DatabaseTransaction;

/// A transaction of either scope, for the few tables that hold rows of both
/// (refresh tokens of staff and of platform administrators).
pub trait ScopedConn {
    fn db(&self) -> &DatabaseTransaction;
    /// `None` inside a platform transaction.
    fn scope_tenant(&self) -> Option<TenantId>;
}

impl ScopedConn for TenantTx {
    fn db(&self) -> &DatabaseTransaction {
        self.conn()
    }
    fn scope_tenant(&self) -> Option<TenantId> {
        Some(self.tenant())
    }
}

impl ScopedConn for PlatformTx {
    fn db(&self) -> &DatabaseTransaction {
        self.conn()
    }
    fn scope_tenant(&self) -> Option<TenantId> {
        None
    }
}
