//! Which batches an issue takes: first-expiry-first-out, never an expired batch or
//! one on hold or failed at quality testing. A user may name the batches instead
//! (a batch that must go first for another reason) with a reason.

use super::ledger::Shortfall;
use crate::error::{DomainError, DomainResult};
use chrono::NaiveDate;
use uuid::Uuid;

text_enum!(QualityStatus, "qualityStatus" {
    /// Not tested, or released without testing (most medicines).
    NotRequired => "not_required",
    Pending => "pending",
    Passed => "passed",
    Failed => "failed",
});

/// A batch's stock in one store, with what decides whether it may go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchStock {
    pub batch: Uuid,
    pub batch_no: String,
    pub expiry: NaiveDate,
    pub quantity: i64,
    pub on_hold: bool,
    pub quality: QualityStatus,
}

impl BatchStock {
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.expiry < today
    }

    /// Why this batch may not go out today, if it may not.
    pub fn blocked(&self, today: NaiveDate) -> Option<&'static str> {
        if self.is_expired(today) {
            Some("expired")
        } else if self.on_hold {
            Some("on hold")
        } else if matches!(self.quality, QualityStatus::Pending | QualityStatus::Failed) {
            Some("awaiting or failed quality testing")
        } else {
            None
        }
    }
}

/// One batch's share of an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub batch: Uuid,
    pub quantity: i64,
}

/// The batches for `quantity` units, earliest expiry first (ties by batch number, so
/// the choice is the same every time). Fails with the shortfall of usable stock.
pub fn pick(stock: &[BatchStock], quantity: i64, today: NaiveDate) -> Result<Vec<Pick>, Shortfall> {
    let mut usable: Vec<&BatchStock> = stock
        .iter()
        .filter(|b| b.quantity > 0 && b.blocked(today).is_none())
        .collect();
    usable.sort_by(|a, b| (a.expiry, &a.batch_no).cmp(&(b.expiry, &b.batch_no)));
    let available: i64 = usable.iter().map(|b| b.quantity).sum();
    if available < quantity {
        return Err(Shortfall {
            requested: quantity,
            available,
        });
    }
    let mut left = quantity;
    let mut picks = Vec::new();
    for b in usable {
        if left == 0 {
            break;
        }
        let take = left.min(b.quantity);
        picks.push(Pick {
            batch: b.batch,
            quantity: take,
        });
        left -= take;
    }
    Ok(picks)
}

/// Batches the user chose: each must be usable and hold enough, and leaving the
/// FEFO order needs a reason.
pub fn chosen(
    stock: &[BatchStock],
    choice: &[Pick],
    reason: Option<&str>,
    today: NaiveDate,
    field: &str,
) -> DomainResult<Vec<Pick>> {
    let total: i64 = choice.iter().map(|p| p.quantity).sum();
    for (i, p) in choice.iter().enumerate() {
        let b = stock.iter().find(|b| b.batch == p.batch).ok_or_else(|| {
            DomainError::validation(
                format!("{field}.{i}.batchId"),
                "no stock of this batch here",
            )
        })?;
        if let Some(why) = b.blocked(today) {
            return Err(DomainError::validation(
                format!("{field}.{i}.batchId"),
                format!("batch {} is {why} and cannot be issued", b.batch_no),
            ));
        }
        if p.quantity > b.quantity {
            return Err(Shortfall {
                requested: p.quantity,
                available: b.quantity,
            }
            .into_error(&format!("stock of batch {}", b.batch_no)));
        }
    }
    let fefo = pick(stock, total, today).map_err(|s| s.into_error("usable stock"))?;
    let same = {
        let mut a: Vec<_> = fefo.iter().map(|p| (p.batch, p.quantity)).collect();
        let mut b: Vec<_> = choice.iter().map(|p| (p.batch, p.quantity)).collect();
        a.sort();
        b.sort();
        a == b
    };
    if !same && reason.map(str::trim).is_none_or(str::is_empty) {
        return Err(DomainError::validation(
            "overrideReason",
            "these are not the batches that expire first: say why they go instead",
        ));
    }
    Ok(choice.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(no: &str, expiry: &str, quantity: i64) -> BatchStock {
        BatchStock {
            batch: Uuid::now_v7(),
            batch_no: no.into(),
            expiry: expiry.parse().unwrap(),
            quantity,
            on_hold: false,
            quality: QualityStatus::NotRequired,
        }
    }

    fn today() -> NaiveDate {
        "2026-12-06".parse().unwrap()
    }

    #[test]
    fn the_earliest_expiry_goes_first_and_expired_never() {
        let late = batch("B3", "2028-01-31", 100);
        let soon = batch("B2", "2027-01-31", 30);
        let gone = batch("B1", "2026-11-30", 500);
        let stock = [late.clone(), soon.clone(), gone];
        let p = pick(&stock, 50, today()).unwrap();
        assert_eq!(
            p,
            [
                Pick {
                    batch: soon.batch,
                    quantity: 30
                },
                Pick {
                    batch: late.batch,
                    quantity: 20
                }
            ]
        );
        let s = pick(&stock, 200, today()).unwrap_err();
        assert_eq!(
            (s.requested, s.available),
            (200, 130),
            "the expired 500 do not count"
        );
    }

    #[test]
    fn held_and_untested_batches_stay() {
        let mut held = batch("H", "2027-01-01", 10);
        held.on_hold = true;
        let mut testing = batch("T", "2027-01-01", 10);
        testing.quality = QualityStatus::Pending;
        let ok = batch("OK", "2027-06-01", 10);
        assert_eq!(
            pick(&[held, testing, ok.clone()], 10, today()).unwrap()[0].batch,
            ok.batch
        );
    }

    #[test]
    fn a_chosen_batch_out_of_order_needs_a_reason() {
        let soon = batch("S", "2027-01-01", 10);
        let late = batch("L", "2027-09-01", 10);
        let stock = [soon.clone(), late.clone()];
        let choice = [Pick {
            batch: late.batch,
            quantity: 5,
        }];
        assert!(chosen(&stock, &choice, None, today(), "batches").is_err());
        assert!(chosen(
            &stock,
            &choice,
            Some("cold chain broke on S"),
            today(),
            "batches"
        )
        .is_ok());
        let fefo = [Pick {
            batch: soon.batch,
            quantity: 5,
        }];
        assert!(chosen(&stock, &fefo, None, today(), "batches").is_ok());
        let too_many = [Pick {
            batch: soon.batch,
            quantity: 11,
        }];
        assert!(matches!(
            chosen(&stock, &too_many, Some("x"), today(), "batches"),
            Err(DomainError::Conflict { .. })
        ));
    }
}
