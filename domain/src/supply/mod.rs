//! Medicines and supplies: the item catalogue, the hierarchy of stores, batches with
//! their expiry, the append-only stock ledger and the rules that keep stock right
//! (never negative, first-expiry-first-out, nothing expired or on hold issued), the
//! planning figures (average monthly consumption, months of stock, suggested indent
//! quantity) and the indent cycle between stores.

pub mod access;
pub mod alerts;
pub mod count;
pub mod dispensing;
pub mod fefo;
pub mod indent;
pub mod item;
pub mod ledger;
pub mod planning;
pub mod procurement;
pub mod returns;
pub mod store;
pub mod usage;

/// Trimmed text of `min..=max` characters without control characters: notes,
/// batch numbers and destinations typed at the stores.
pub fn text(raw: &str, field: &str, min: usize, max: usize) -> crate::DomainResult<String> {
    crate::clinical::text(raw, field, min, max)
}

/// Optional text: blank is none; otherwise 1 to `max` characters.
pub fn optional_text(
    raw: Option<&str>,
    field: &str,
    max: usize,
) -> crate::DomainResult<Option<String>> {
    crate::clinical::optional_text(raw, field, max)
}
