//! The indicators' roll-ups: counts per facility and day, and per unit and month, kept
//! in the transaction of every write of a visit or a stay (`track`), counted once for
//! records written before the roll-ups existed (`backfill`), and read (`read`).

mod backfill;
pub mod read;
pub mod recount;
pub mod registry_rows;
mod rollup;
pub mod rows;
pub mod sources;
pub mod track;

pub use backfill::{backfill, backfill_all_tenants, backfill_measures};
