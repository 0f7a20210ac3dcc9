//! Inpatient care's queries: wards and beds, admissions and their bed assignments,
//! attendants and their one-time codes, condition entries, and occupancy counts.
//! A second patient in a bed is refused by the database itself (a partial unique
//! index on held assignments), so no race can seat two.

pub mod admissions;
pub mod census;
pub mod codes;
pub mod conditions;
pub mod occupancy;
pub mod referrals;
pub mod registers;
pub mod wards;

use crate::db::TenantTx;
use crate::Backend;
use sea_orm::{DbBackend, Statement, Value};

/// A statement written with PostgreSQL's `$n` placeholders, for either backend
/// (SQLite numbers its parameters `?n`).
pub(crate) fn statement(tx: &TenantTx, sql: &str, values: Vec<Value>) -> Statement {
    match tx.backend() {
        Backend::Postgres => Statement::from_sql_and_values(DbBackend::Postgres, sql, values),
        Backend::Sqlite => {
            Statement::from_sql_and_values(DbBackend::Sqlite, sql.replace('$', "?"), values)
        }
    }
}
