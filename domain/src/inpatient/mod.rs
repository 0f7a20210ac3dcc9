//! Inpatient care: wards and beds, admissions with their bed assignments, the
//! patient's condition over the stay (with the NEWS2 early-warning score), bed
//! occupancy derived from the assignments, and what a family may be told.

pub mod access;
pub mod admission;
pub mod beds;
pub mod census;
pub mod condition;
pub mod intake;
pub mod mar;
pub mod news2;
pub mod occupancy;
pub mod wards;

use crate::error::{DomainError, DomainResult};

/// Trimmed one-line text of `min..=max` characters, without control characters.
pub(crate) fn line(raw: &str, field: &str, min: usize, max: usize) -> DomainResult<String> {
    let t = raw.trim();
    if !(min..=max).contains(&t.chars().count()) || t.chars().any(char::is_control) {
        return Err(DomainError::validation(
            field,
            format!("must be {min} to {max} characters on one line"),
        ));
    }
    Ok(t.to_owned())
}

/// Optional one-line text: blank is none.
pub(crate) fn optional_line(
    raw: Option<&str>,
    field: &str,
    max: usize,
) -> DomainResult<Option<String>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => line(t, field, 1, max).map(Some),
    }
}
