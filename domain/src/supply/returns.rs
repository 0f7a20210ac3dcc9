//! Returns up the chain: a ward gives back to its pharmacy, a facility to its
//! district store, a district to the state warehouse. The returning store's row is a
//! `return` going out (negative), the store above's a `return` coming in, so a return
//! never counts as consumption at either end.

use super::fefo::BatchStock;
use crate::error::{DomainError, DomainResult};
use chrono::NaiveDate;

text_enum!(ReturnReason, "reason" {
    /// Will expire before this store can use it; the store above can send it where
    /// it will be used in time.
    NearExpiry => "near_expiry",
    /// More than this store needs.
    Excess => "excess",
    /// Past its expiry date: going back for disposal.
    Expired => "expired",
    /// Recalled by the manufacturer or the regulator.
    Recalled => "recalled",
    /// Damaged: going back for the supplier's claim or disposal.
    Damaged => "damaged",
});

impl ReturnReason {
    /// Whether a batch in this state may go back for this reason. Usable stock
    /// (near expiry, excess) must still be in date; stock going back for disposal
    /// or a claim may be expired or on hold, and "expired" must be true.
    pub fn allows(self, batch: &BatchStock, today: NaiveDate) -> DomainResult<()> {
        let expired = batch.is_expired(today);
        let fail = |why: String| Err(DomainError::validation("reason", why));
        match self {
            ReturnReason::Expired if !expired => fail(format!(
                "batch {} expires on {}: it is not expired",
                batch.batch_no, batch.expiry
            )),
            ReturnReason::NearExpiry | ReturnReason::Excess => match batch.blocked(today) {
                Some(why) => fail(format!(
                    "batch {} is {why}: return it as expired, recalled or damaged",
                    batch.batch_no
                )),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::supply::fefo::QualityStatus;
    use uuid::Uuid;

    fn batch(expiry: &str, on_hold: bool) -> BatchStock {
        BatchStock {
            batch: Uuid::nil(),
            batch_no: "B1".into(),
            expiry: expiry.parse().unwrap(),
            quantity: 10,
            on_hold,
            quality: QualityStatus::NotRequired,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn usable_returns_need_usable_stock() {
        let today = day("2026-12-07");
        assert!(ReturnReason::NearExpiry
            .allows(&batch("2027-01-10", false), today)
            .is_ok());
        assert!(ReturnReason::Excess
            .allows(&batch("2026-12-06", false), today)
            .is_err());
        assert!(ReturnReason::Excess
            .allows(&batch("2027-06-01", true), today)
            .is_err());
    }

    #[test]
    fn expired_means_expired_and_disposal_takes_anything() {
        let today = day("2026-12-07");
        assert!(ReturnReason::Expired
            .allows(&batch("2026-12-06", false), today)
            .is_ok());
        assert!(ReturnReason::Expired
            .allows(&batch("2026-12-07", false), today)
            .is_err());
        assert!(ReturnReason::Recalled
            .allows(&batch("2026-01-01", true), today)
            .is_ok());
        assert!(ReturnReason::Damaged
            .allows(&batch("2027-01-01", true), today)
            .is_ok());
    }
}
