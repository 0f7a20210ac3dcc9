//! Oxygen management's queries: the tenant's oxygen rules and cylinder types, each
//! facility's sources, and the daily register (versions of readings, of which only the
//! current one of each series counts).

pub mod alerts;
pub mod days;
pub mod deliveries;
pub mod entries;
pub mod equipment;
pub mod settings;
pub mod sources;
