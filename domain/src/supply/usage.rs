//! Running totals of an item in a store, kept on every ledger row and on the store's
//! row for the item, so that consumption and time out of stock over any period come
//! from two marks (the last row before the period and the latest) instead of reading
//! every row in it. `usage_between` gives what `planning::usage` gives from the rows;
//! a property test below holds the two together.

use super::planning::ItemMove;
use chrono::{DateTime, Utc};

const MS_PER_DAY: f64 = 86_400_000.0;

/// An item's totals in a store after one ledger row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageMark {
    pub at: DateTime<Utc>,
    /// The store's stock of the item after the row.
    pub balance: i64,
    /// Units consumed from the store's first row of the item up to this one.
    pub consumed: i64,
    /// Milliseconds without stock from the store's first row of the item to this one.
    pub out_ms: i64,
}

impl UsageMark {
    /// The mark after `m`, which follows `prev` (None for the store's first row of the
    /// item: nothing was held before it).
    pub fn after(prev: Option<&UsageMark>, m: &ItemMove) -> UsageMark {
        let (consumed, out_ms) = match prev {
            Some(p) => (p.consumed, p.out_until(m.at)),
            None => (0, 0),
        };
        UsageMark {
            at: m.at,
            balance: m.item_balance,
            consumed: consumed + if m.consumed { -m.delta } else { 0 },
            out_ms,
        }
    }

    /// Milliseconds out of stock from the first row up to `t` (not before the mark).
    pub fn out_until(&self, t: DateTime<Utc>) -> i64 {
        // Whole milliseconds of each time, so that a time read back from the database
        // (microseconds) gives what the same time in memory (nanoseconds) gave.
        let since = if self.balance <= 0 {
            (t.timestamp_millis() - self.at.timestamp_millis()).max(0)
        } else {
            0
        };
        self.out_ms + since
    }
}

/// Units consumed and whole days out of stock over `from..now`, from the last mark
/// before `from` (`before`), the store's first row of the item (`first_at`, needed
/// only without `before`) and the latest mark. Days before the item's first row count
/// as out of stock: it was not there to be used.
pub fn usage_between(
    before: Option<&UsageMark>,
    first_at: Option<DateTime<Utc>>,
    latest: Option<&UsageMark>,
    from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (i64, i32) {
    let window = (now.timestamp_millis() - from.timestamp_millis()).max(0);
    let (consumed, out_ms) = match (latest, before) {
        (None, _) => (0, window),
        (Some(l), Some(b)) => (
            l.consumed - b.consumed,
            l.out_until(now) - b.out_until(from),
        ),
        (Some(l), None) => {
            let absent = first_at.map_or(0, |f| {
                (f.timestamp_millis() - from.timestamp_millis()).max(0)
            });
            (l.consumed, absent + l.out_until(now))
        }
    };
    (
        consumed.max(0),
        (out_ms.clamp(0, window) as f64 / MS_PER_DAY).round() as i32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::supply::planning::usage;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + seconds, 0).unwrap()
    }

    /// A sequence of movements at increasing times that never takes stock below zero.
    fn moves() -> impl Strategy<Value = Vec<ItemMove>> {
        prop::collection::vec((1i64..400_000, -60i64..80, any::<bool>()), 0..40).prop_map(|steps| {
            let (mut t, mut balance) = (0, 0);
            let mut out = Vec::new();
            for (gap, delta, consumed) in steps {
                t += gap;
                let delta = delta.max(-balance);
                if delta == 0 {
                    continue;
                }
                balance += delta;
                out.push(ItemMove {
                    at: at(t),
                    delta,
                    item_balance: balance,
                    consumed: consumed && delta < 0,
                });
            }
            out
        })
    }

    proptest! {
        #[test]
        fn marks_give_what_the_rows_give(moves in moves(), from in 0i64..9_000_000, span in 0i64..9_000_000) {
            let (from, now) = (at(from), at(from + span));
            // Rows after `now` do not exist yet.
            let moves: Vec<ItemMove> = moves.into_iter().filter(|m| m.at <= now).collect();
            let mut marks: Vec<UsageMark> = Vec::new();
            for m in &moves {
                let next = UsageMark::after(marks.last(), m);
                marks.push(next);
            }
            let before = marks.iter().rev().find(|k| k.at < from);
            let in_window: Vec<ItemMove> = moves.iter().copied().filter(|m| m.at >= from).collect();
            let on_hand = marks.last().map_or(0, |k| k.balance);
            prop_assert_eq!(
                usage_between(before, moves.first().map(|m| m.at), marks.last(), from, now),
                usage(on_hand, &in_window, from, now)
            );
        }
    }

    #[test]
    fn a_period_without_rows_is_what_the_last_row_left() {
        let held = UsageMark {
            at: at(0),
            balance: 5,
            consumed: 40,
            out_ms: 1_000,
        };
        assert_eq!(
            usage_between(Some(&held), None, Some(&held), at(86_400), at(10 * 86_400)),
            (0, 0)
        );
        let empty = UsageMark { balance: 0, ..held };
        assert_eq!(
            usage_between(
                Some(&empty),
                None,
                Some(&empty),
                at(86_400),
                at(10 * 86_400)
            ),
            (0, 9)
        );
        assert_eq!(
            usage_between(None, None, None, at(0), at(30 * 86_400)),
            (0, 30),
            "never held"
        );
    }
}
