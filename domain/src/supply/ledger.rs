//! The stock ledger. Every change of stock is one row: what moved, which way, why.
//! A store's balance of a batch is the sum of its rows and never goes below zero; a
//! row is never changed or deleted (a mistake is put right by another row).

use crate::error::{DomainError, DomainResult};
use std::collections::BTreeMap;

text_enum!(MovementKind, "kind" {
    /// From a supplier (goods received) or opening stock.
    Receipt => "receipt",
    /// Out of the system to a destination that is not a store (a camp, a programme).
    Issue => "issue",
    TransferOut => "transfer_out",
    TransferIn => "transfer_in",
    /// To a patient.
    Dispense => "dispense",
    /// Back up the chain: out of the returning store (negative), into the store
    /// above (positive). Not consumption at either end.
    Return => "return",
    /// A correction with a reason (see `AdjustmentReason`).
    Adjustment => "adjustment",
});

text_enum!(AdjustmentReason, "reason" {
    Expired => "expired",
    Damaged => "damaged",
    Lost => "lost",
    FoundAtCount => "found_at_count",
    MissingAtCount => "missing_at_count",
});

impl AdjustmentReason {
    /// Only stock found at a count is added; the others take stock away.
    pub fn adds(self) -> bool {
        matches!(self, AdjustmentReason::FoundAtCount)
    }
}

/// A movement, before it is applied: its kind and the quantity of the batch that
/// comes in (positive) or goes out (negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub kind: MovementKind,
    pub delta: i64,
}

/// The largest quantity one movement may carry: far above any real consignment, and
/// far below where sums could overflow.
pub const MAX_QUANTITY: i64 = 1_000_000_000;

/// A quantity typed by a user: a whole number of units of issue, above zero.
pub fn quantity(q: i64, field: &str) -> DomainResult<i64> {
    if (1..=MAX_QUANTITY).contains(&q) {
        Ok(q)
    } else {
        Err(DomainError::validation(
            field,
            format!("must be a whole number of units from 1 to {MAX_QUANTITY}"),
        ))
    }
}

impl Movement {
    /// `quantity` units of a batch moving as `kind`; adjustments go the way their
    /// reason says.
    pub fn new(
        kind: MovementKind,
        reason: Option<AdjustmentReason>,
        quantity: i64,
    ) -> DomainResult<Movement> {
        let q = self::quantity(quantity, "quantity")?;
        let inwards = match (kind, reason) {
            (MovementKind::Adjustment, Some(r)) => r.adds(),
            (MovementKind::Adjustment, None) => {
                return Err(DomainError::validation(
                    "reason",
                    "an adjustment needs its reason",
                ))
            }
            (MovementKind::Receipt | MovementKind::TransferIn | MovementKind::Return, _) => true,
            (MovementKind::Issue | MovementKind::TransferOut | MovementKind::Dispense, _) => false,
        };
        Ok(Movement {
            kind,
            delta: if inwards { q } else { -q },
        })
    }
}

/// Not enough stock: what was asked for and what there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub requested: i64,
    pub available: i64,
}

impl Shortfall {
    pub fn missing(&self) -> i64 {
        self.requested - self.available
    }

    pub fn into_error(self, what: &str) -> DomainError {
        DomainError::conflict(format!(
            "not enough {what}: {} requested, {} available, {} short",
            self.requested,
            self.available,
            self.missing()
        ))
    }
}

/// The balance after `delta`, or the shortfall when it would go below zero.
pub fn apply(balance: i64, delta: i64) -> Result<i64, Shortfall> {
    let after = balance + delta;
    if after < 0 {
        Err(Shortfall {
            requested: -delta,
            available: balance,
        })
    } else {
        Ok(after)
    }
}

/// Balances per (store, batch) kept beside the ledger rows they come from: the
/// model the database's stock table follows, and what the property test checks.
#[derive(Debug, Default, Clone)]
pub struct Books<K: Ord + Copy> {
    pub rows: Vec<(K, Movement, i64)>,
    pub balances: BTreeMap<K, i64>,
}

impl<K: Ord + Copy> Books<K> {
    /// Post a movement: a ledger row with the balance after it, or nothing at all.
    pub fn post(&mut self, key: K, m: Movement) -> Result<i64, Shortfall> {
        let before = self.balances.get(&key).copied().unwrap_or(0);
        let after = apply(before, m.delta)?;
        self.balances.insert(key, after);
        self.rows.push((key, m, after));
        Ok(after)
    }

    /// The balance of `key` as the ledger rows sum it.
    pub fn ledger_sum(&self, key: K) -> i64 {
        self.rows
            .iter()
            .filter(|(k, _, _)| *k == key)
            .map(|(_, m, _)| m.delta)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn movements_go_the_way_their_kind_says() {
        assert_eq!(
            Movement::new(MovementKind::Receipt, None, 5).unwrap().delta,
            5
        );
        assert_eq!(
            Movement::new(MovementKind::Dispense, None, 5)
                .unwrap()
                .delta,
            -5
        );
        let found = Movement::new(
            MovementKind::Adjustment,
            Some(AdjustmentReason::FoundAtCount),
            2,
        );
        assert_eq!(found.unwrap().delta, 2);
        let lost = Movement::new(MovementKind::Adjustment, Some(AdjustmentReason::Lost), 2);
        assert_eq!(lost.unwrap().delta, -2);
        assert!(Movement::new(MovementKind::Adjustment, None, 2).is_err());
        assert!(Movement::new(MovementKind::Receipt, None, 0).is_err());
        assert!(Movement::new(MovementKind::Receipt, None, MAX_QUANTITY + 1).is_err());
    }

    #[test]
    fn the_last_ten_go_once() {
        let mut b = Books::default();
        let recv = Movement::new(MovementKind::Receipt, None, 10).unwrap();
        let out = Movement::new(MovementKind::TransferOut, None, 10).unwrap();
        b.post(1, recv).unwrap();
        assert_eq!(b.post(1, out), Ok(0));
        let e = b.post(1, out).unwrap_err();
        assert_eq!((e.requested, e.available, e.missing()), (10, 0, 10));
        assert_eq!(b.rows.len(), 2, "a refused movement leaves no row");
    }

    fn kind() -> impl Strategy<Value = (MovementKind, Option<AdjustmentReason>)> {
        (0..MovementKind::ALL.len(), 0..AdjustmentReason::ALL.len()).prop_map(|(k, r)| {
            let k = MovementKind::ALL[k];
            (
                k,
                (k == MovementKind::Adjustment).then(|| AdjustmentReason::ALL[r]),
            )
        })
    }

    proptest! {
        /// Whatever sequence of movements is tried, in whatever order, each balance is
        /// the sum of its ledger rows, never negative, and each row's running balance
        /// is the balance after it.
        #[test]
        fn ledger_and_balances_always_agree(
            moves in proptest::collection::vec((0u8..4, kind(), 1i64..200), 1..300)
        ) {
            let mut books = Books::default();
            let mut refused = 0;
            for (key, (k, r), q) in moves {
                let m = Movement::new(k, r, q).unwrap();
                let before = books.balances.get(&key).copied().unwrap_or(0);
                match books.post(key, m) {
                    Ok(after) => prop_assert_eq!(after, before + m.delta),
                    Err(s) => {
                        refused += 1;
                        prop_assert!(m.delta < 0 && before + m.delta < 0);
                        prop_assert_eq!(s.available, before);
                    }
                }
            }
            let mut running: BTreeMap<u8, i64> = BTreeMap::new();
            for (key, m, after) in &books.rows {
                let r = running.entry(*key).or_default();
                *r += m.delta;
                prop_assert_eq!(*r, *after);
                prop_assert!(*after >= 0);
            }
            for (key, balance) in &books.balances {
                prop_assert_eq!(books.ledger_sum(*key), *balance);
            }
            prop_assert!(books.rows.len() + refused > 0);
        }
    }
}
