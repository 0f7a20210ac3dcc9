//! E-health cards: a card is issued for a health ID, may be reissued (the old one is
//! then `replaced`) or revoked, and goes through printing and delivery.

use crate::error::{DomainError, DomainResult};
use serde::{Deserialize, Serialize};

text_enum!(CardStatus, "status" {
    Active => "active",
    Replaced => "replaced",
    Revoked => "revoked",
});

text_enum!(DeliveryStatus, "delivery" {
    Pending => "pending",
    Printed => "printed",
    Delivered => "delivered",
});

text_enum!(ReissueReason, "reason" {
    Lost => "lost",
    Damaged => "damaged",
    DetailsChanged => "details_changed",
});

impl CardStatus {
    pub fn require_active(self) -> DomainResult<()> {
        match self {
            CardStatus::Active => Ok(()),
            other => Err(DomainError::validation(
                "cardId",
                format!(
                    "the card is {}, only an active card can change",
                    other.as_str()
                ),
            )),
        }
    }
}

impl DeliveryStatus {
    /// Delivery only moves forward: pending → printed → delivered.
    pub fn can_move_to(self, next: DeliveryStatus) -> bool {
        matches!(
            (self, next),
            (DeliveryStatus::Pending, DeliveryStatus::Printed)
                | (DeliveryStatus::Pending, DeliveryStatus::Delivered)
                | (DeliveryStatus::Printed, DeliveryStatus::Delivered)
        )
    }
}

/// What the card's QR code carries, signed by the tenant: only the health ID, the
/// tenant, the name and the year of birth, plus the card's own id (so a verifier can
/// ask whether this very card is still current) and when it was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardClaims {
    /// Health ID.
    pub hid: String,
    /// Tenant code.
    pub tnt: String,
    pub name: String,
    /// Year of birth.
    pub yob: i32,
    /// Card id.
    pub cid: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
}

/// A revocation or reissue reason given as free text.
pub fn reason_text(raw: &str) -> DomainResult<String> {
    let r = raw.trim();
    if r.is_empty() || r.chars().count() > 500 {
        return Err(DomainError::validation(
            "reason",
            "give a reason of at most 500 characters",
        ));
    }
    Ok(r.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_moves_forward_only() {
        use DeliveryStatus::*;
        assert!(Pending.can_move_to(Printed));
        assert!(Printed.can_move_to(Delivered));
        assert!(!Delivered.can_move_to(Printed));
        assert!(!Printed.can_move_to(Printed));
        assert!(CardStatus::Replaced.require_active().is_err());
    }
}
