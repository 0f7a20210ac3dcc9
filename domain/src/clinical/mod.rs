//! Health records: encounters and the entries made in them (vitals, diagnoses,
//! prescriptions, lab orders and results, notes, discharge summaries), who may write
//! and read them, and how corrections keep every earlier version.

pub mod diagnosis;
pub mod encounter;
pub mod entry;
pub mod icd10;
pub mod lab;
pub mod notes;
pub mod policy;
pub mod prescription;
pub mod ucum;
pub mod vitals;

use crate::error::{DomainError, DomainResult};

/// Trimmed text of `min..=max` characters without control characters (line breaks
/// are allowed in long texts).
pub(crate) fn text(raw: &str, field: &str, min: usize, max: usize) -> DomainResult<String> {
    let t = raw.trim();
    let bad_char = t
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t');
    if !(min..=max).contains(&t.chars().count()) || bad_char {
        return Err(DomainError::validation(
            field,
            if min > 0 {
                format!("must be {min} to {max} characters")
            } else {
                format!("must be at most {max} characters")
            },
        ));
    }
    Ok(t.to_owned())
}

/// Optional text: blank is none.
pub(crate) fn optional_text(
    raw: Option<&str>,
    field: &str,
    max: usize,
) -> DomainResult<Option<String>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => text(t, field, 1, max).map(Some),
    }
}
