//! Disease surveillance: conditions, cases and their weekly counts.

pub mod alerts;
pub mod cases;
pub mod conditions;
pub mod counts;
pub mod dhis2;
pub mod investigations;
pub mod reporting;
pub mod rules;
