//! Physical stock counts. A count sheet lists each batch the books say the store
//! holds; the store's staff enter what they count, with a reason wherever the count
//! differs; a supervisor (not the counter) approves, and each difference is posted
//! as an adjustment: found at count, or missing at count.

use super::ledger::{AdjustmentReason, MAX_QUANTITY};
use super::text;
use crate::error::{DomainError, DomainResult};

text_enum!(CountStatus, "status" {
    Open => "open",
    Submitted => "submitted",
    Approved => "approved",
    Rejected => "rejected",
});

/// A counted line, checked: a difference from the books needs its reason.
pub fn check_line(
    expected: i64,
    counted: i64,
    reason: Option<&str>,
    field: &str,
) -> DomainResult<Option<String>> {
    if !(0..=MAX_QUANTITY).contains(&counted) {
        return Err(DomainError::validation(
            format!("{field}.counted"),
            format!("must be 0 to {MAX_QUANTITY}"),
        ));
    }
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(text(r, &format!("{field}.reason"), 3, 300)?),
        None => None,
    };
    if counted != expected && reason.is_none() {
        return Err(DomainError::validation(
            format!("{field}.reason"),
            format!("the books say {expected}, the count {counted}: say why they differ"),
        ));
    }
    Ok(reason)
}

/// The adjustment a difference becomes, if any.
pub fn adjustment(expected: i64, counted: i64) -> Option<(AdjustmentReason, i64)> {
    match counted - expected {
        0 => None,
        v if v > 0 => Some((AdjustmentReason::FoundAtCount, v)),
        v => Some((AdjustmentReason::MissingAtCount, -v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_need_a_reason_and_become_adjustments() {
        assert_eq!(check_line(10, 10, None, "lines.0").unwrap(), None);
        assert!(check_line(10, 8, None, "lines.0").is_err());
        assert!(check_line(10, -1, Some("x"), "lines.0").is_err());
        assert!(check_line(10, 8, Some("two strips torn open"), "lines.0").is_ok());
        assert_eq!(
            adjustment(10, 8),
            Some((AdjustmentReason::MissingAtCount, 2))
        );
        assert_eq!(
            adjustment(10, 13),
            Some((AdjustmentReason::FoundAtCount, 3))
        );
        assert_eq!(adjustment(10, 10), None);
    }
}
