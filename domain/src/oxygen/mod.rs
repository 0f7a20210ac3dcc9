//! Oxygen management: each facility's sources, the daily register of readings, the
//! stock they come to in one canonical measure (Nm³), consumption by stock balance,
//! burn rates, time to empty and the need the patients on oxygen explain.

pub mod access;
pub mod alerts;
pub mod balance;
pub mod days;
pub mod entry;
pub mod equipment;
pub mod sources;
pub mod units;

use crate::error::DomainResult;
use crate::inpatient::{line, optional_line};

/// Optional one-line text: blank is none.
pub(crate) fn optional_text(
    raw: Option<&str>,
    field: &str,
    max: usize,
) -> DomainResult<Option<String>> {
    optional_line(raw, field, max)
}

/// Required one-line text.
pub(crate) fn required_text(raw: &str, field: &str, max: usize) -> DomainResult<String> {
    line(raw, field, 1, max)
}
