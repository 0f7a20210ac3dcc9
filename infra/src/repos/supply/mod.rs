//! Medicines and supplies: the catalogue, stores, batches, stock and its ledger, and
//! indents. Every query filters by the transaction's tenant; row-level security
//! checks it again on PostgreSQL.

pub mod alerts;
pub mod batches;
pub mod counts;
pub mod dispenses;
pub mod indents;
pub mod items;
pub mod kits;
pub mod many;
pub mod procurement;
pub mod reports;
pub mod stock;
pub mod stores;

use crate::TenantTx;
use sea_orm::{Statement, Value};

fn sql(tx: &TenantTx, sql: &str, values: Vec<Value>) -> Statement {
    crate::repos::inpatient::statement(tx, sql, values)
}
