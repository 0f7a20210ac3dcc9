//! The indent cycle: a lower store asks the store above for items; the store above
//! approves each line in full, in part or not at all (with a reason), issues what it
//! approved from its batches on an issue voucher, and the lower store records what
//! arrived, with any shortage or damage.

use super::text;
use crate::error::{DomainError, DomainResult};

text_enum!(IndentStatus, "status" {
    Submitted => "submitted",
    Approved => "approved",
    Rejected => "rejected",
    Issued => "issued",
    Received => "received",
    Cancelled => "cancelled",
});

impl IndentStatus {
    /// Still waiting for someone: counts as stock in transit once issued.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            IndentStatus::Submitted | IndentStatus::Approved | IndentStatus::Issued
        )
    }

    pub fn require(self, expected: IndentStatus, doing: &str) -> DomainResult<()> {
        if self == expected {
            Ok(())
        } else {
            Err(DomainError::conflict(format!(
                "the indent is {}, not {}: it cannot be {doing}",
                self.as_str(),
                expected.as_str()
            )))
        }
    }
}

/// One line's decision by the store above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineDecision {
    pub approved: i64,
    pub reason: Option<String>,
}

/// Approve `approved` of `requested`: a line approved in part or not at all needs a
/// reason, and no line gets more than was asked for.
pub fn decide(
    requested: i64,
    approved: i64,
    reason: Option<&str>,
    field: &str,
) -> DomainResult<LineDecision> {
    if !(0..=requested).contains(&approved) {
        return Err(DomainError::validation(
            format!("{field}.approved"),
            format!("must be 0 to the {requested} requested"),
        ));
    }
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(text(r, &format!("{field}.reason"), 2, 300)?),
        None if approved < requested => {
            return Err(DomainError::validation(
                format!("{field}.reason"),
                "say why less than requested is approved",
            ))
        }
        None => None,
    };
    Ok(LineDecision { approved, reason })
}

/// The whole indent after its lines are decided.
pub fn after_decision(approved: &[i64]) -> IndentStatus {
    if approved.iter().all(|a| *a == 0) {
        IndentStatus::Rejected
    } else {
        IndentStatus::Approved
    }
}

/// What arrived of one issued batch: received in good order plus damaged plus short
/// is what was issued.
pub fn check_receipt(issued: i64, received: i64, damaged: i64, field: &str) -> DomainResult<i64> {
    if received < 0 || damaged < 0 || received + damaged > issued {
        return Err(DomainError::validation(
            field,
            format!("received and damaged together must be 0 to the {issued} issued"),
        ));
    }
    Ok(issued - received - damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_approval_says_why() {
        assert_eq!(decide(100, 100, None, "lines.0").unwrap().approved, 100);
        assert!(decide(100, 60, None, "lines.0").is_err());
        assert_eq!(
            decide(100, 60, Some("district stock is low"), "lines.0")
                .unwrap()
                .approved,
            60
        );
        assert!(decide(100, 120, Some("x"), "lines.0").is_err());
        assert_eq!(after_decision(&[0, 0]), IndentStatus::Rejected);
        assert_eq!(after_decision(&[0, 5]), IndentStatus::Approved);
    }

    #[test]
    fn a_receipt_accounts_for_every_unit() {
        assert_eq!(check_receipt(100, 90, 4, "r").unwrap(), 6);
        assert!(check_receipt(100, 90, 20, "r").is_err());
        assert!(IndentStatus::Issued
            .require(IndentStatus::Approved, "issued")
            .is_err());
        assert!(IndentStatus::Issued.is_open() && !IndentStatus::Received.is_open());
    }
}
