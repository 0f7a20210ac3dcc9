//! The figures a store keeper plans by, as in the logistics guides of public health
//! supply chains:
//!
//! - **AMC**, average monthly consumption: what went out to patients and lower
//!   stores over the look-back period, scaled to a month, counting only the days the
//!   item was in stock (a month with two weeks of stock-out consumed half as much,
//!   not because half as much was needed).
//! - **Months of stock** = stock on hand ÷ AMC.
//! - **Status**: stock-out (nothing usable), under-stocked (below the minimum),
//!   normal, over-stocked (above the over-stock months).
//! - **Suggested indent** when months of stock fall to the minimum:
//!   ceil((maximum − months of stock) × AMC) less what is already on its way.

use super::store::StoreSettings;
use chrono::{DateTime, Utc};

/// Days in an average month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// Units a month, from `consumed` units over `lookback_days` of which the item was
/// out of stock on `days_out`. None when the item was never in stock in the period.
pub fn amc(consumed: i64, lookback_days: i32, days_out: i32) -> Option<f64> {
    let in_stock = lookback_days - days_out.clamp(0, lookback_days);
    (in_stock > 0).then(|| consumed.max(0) as f64 / in_stock as f64 * DAYS_PER_MONTH)
}

/// Months the stock lasts at the AMC; None when nothing is consumed.
pub fn months_of_stock(on_hand: i64, amc: Option<f64>) -> Option<f64> {
    amc.filter(|a| *a > 0.0).map(|a| on_hand.max(0) as f64 / a)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StockStatus {
    StockOut,
    UnderStocked,
    Normal,
    OverStocked,
}

impl StockStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StockStatus::StockOut => "stock_out",
            StockStatus::UnderStocked => "under_stocked",
            StockStatus::Normal => "normal",
            StockStatus::OverStocked => "over_stocked",
        }
    }
}

pub fn status(usable: i64, months: Option<f64>, s: &StoreSettings) -> StockStatus {
    match months {
        _ if usable <= 0 => StockStatus::StockOut,
        Some(m) if m < s.min_months => StockStatus::UnderStocked,
        Some(m) if m > s.overstock_months => StockStatus::OverStocked,
        _ => StockStatus::Normal,
    }
}

/// What to indent for: nothing above the minimum; up to the maximum otherwise, less
/// what is on its way.
pub fn suggested_quantity(
    usable: i64,
    amc: Option<f64>,
    in_transit: i64,
    s: &StoreSettings,
) -> i64 {
    let Some(a) = amc.filter(|a| *a > 0.0) else {
        return 0;
    };
    let months = usable.max(0) as f64 / a;
    if months > s.min_months {
        return 0;
    }
    // A hair below the ceiling so that float noise (220.00000000000003) is not a unit.
    let need = ((s.max_months - months) * a - 1e-9).ceil() as i64;
    (need - in_transit.max(0)).max(0)
}

/// Units of a batch that will not be used before it expires, at the store's AMC
/// (earlier-expiring batches are used first). `batches` is (days to expiry,
/// quantity), in any order. Without an AMC (no consumption on record) nothing is
/// claimed: zeros.
pub fn wasted_before_expiry(batches: &[(i64, i64)], amc: Option<f64>) -> Vec<i64> {
    let Some(amc) = amc else {
        return vec![0; batches.len()];
    };
    let per_day = amc.max(0.0) / DAYS_PER_MONTH;
    let mut order: Vec<usize> = (0..batches.len()).collect();
    order.sort_by_key(|&i| batches[i].0);
    let mut wasted = vec![0; batches.len()];
    // Units the earlier batches take from the days ahead.
    let mut used_before = 0.0;
    for i in order {
        let (days, quantity) = batches[i];
        let can_use = (per_day * days.max(0) as f64 - used_before).max(0.0);
        let used = (quantity as f64).min(can_use);
        used_before += used;
        wasted[i] = quantity - used.floor() as i64;
    }
    wasted
}

/// One ledger row of an item in a store, as planning reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemMove {
    pub at: DateTime<Utc>,
    pub delta: i64,
    /// The store's stock of the item after the row.
    pub item_balance: i64,
    /// Issued, transferred out or dispensed: what counts as consumption.
    pub consumed: bool,
}

/// Units consumed and whole days out of stock over `from..now`, from the rows of
/// that period in time order and today's stock (the stock at `from` is today's less
/// what the rows added).
pub fn usage(
    on_hand: i64,
    moves: &[ItemMove],
    from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (i64, i32) {
    let mut balance = on_hand - moves.iter().map(|m| m.delta).sum::<i64>();
    let mut since = from;
    let mut out = chrono::Duration::zero();
    let mut consumed = 0;
    for m in moves {
        if balance <= 0 {
            out += m.at - since;
        }
        since = m.at;
        balance = m.item_balance;
        if m.consumed {
            consumed -= m.delta;
        }
    }
    if balance <= 0 {
        out += now - since;
    }
    (
        consumed,
        (out.num_seconds() as f64 / 86_400.0).round() as i32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_counts_consumption_and_days_without_stock() {
        let day = |d: i64| {
            "2026-09-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + chrono::Duration::days(d)
        };
        let moves = [
            ItemMove {
                at: day(10),
                delta: 100,
                item_balance: 100,
                consumed: false,
            },
            ItemMove {
                at: day(40),
                delta: -100,
                item_balance: 0,
                consumed: true,
            },
            ItemMove {
                at: day(60),
                delta: 50,
                item_balance: 50,
                consumed: false,
            },
            ItemMove {
                at: day(70),
                delta: -20,
                item_balance: 30,
                consumed: true,
            },
        ];
        // Nothing for the first 10 days, then out from day 40 to 60.
        assert_eq!(usage(30, &moves, day(0), day(90)), (120, 30));
        assert_eq!(usage(5, &[], day(0), day(90)), (0, 0));
        assert_eq!(usage(0, &[], day(0), day(90)), (0, 90));
    }

    #[test]
    fn amc_leaves_out_days_without_stock() {
        // 300 units in 90 days, 30 of them out of stock: 300 in 60 days.
        let a = amc(300, 90, 30).unwrap();
        assert!((a - 152.1875).abs() < 1e-9, "{a}");
        assert_eq!(amc(10, 90, 90), None);
        assert_eq!(months_of_stock(100, Some(0.0)), None);
        assert_eq!(months_of_stock(300, Some(100.0)), Some(3.0));
    }

    #[test]
    fn status_and_suggestion_follow_the_store_settings() {
        let s = StoreSettings::default(); // min 1, max 3, over-stock 6 months
        assert_eq!(status(0, None, &s), StockStatus::StockOut);
        assert_eq!(status(50, Some(0.5), &s), StockStatus::UnderStocked);
        assert_eq!(status(50, Some(2.0), &s), StockStatus::Normal);
        assert_eq!(status(50, None, &s), StockStatus::Normal);
        assert_eq!(status(50, Some(7.0), &s), StockStatus::OverStocked);
        // AMC 100, 80 on hand (0.8 months): up to 3 months is 220, 50 already coming.
        assert_eq!(suggested_quantity(80, Some(100.0), 50, &s), 170);
        assert_eq!(
            suggested_quantity(150, Some(100.0), 0, &s),
            0,
            "above the minimum"
        );
        assert_eq!(
            suggested_quantity(0, Some(100.0), 400, &s),
            0,
            "enough on its way"
        );
        let tight = StoreSettings {
            min_months: 2.0,
            max_months: 4.0,
            ..s
        };
        assert_eq!(suggested_quantity(150, Some(100.0), 0, &tight), 250);
    }

    #[test]
    fn plenty_that_expires_is_not_plenty() {
        // 30 a month; 100 expire in 30 days (30 used), 100 in a year (the rest used).
        let w = wasted_before_expiry(&[(365, 100), (30, 100)], Some(30.4375));
        assert_eq!(w, [0, 70]);
        assert_eq!(
            wasted_before_expiry(&[(10, 5)], Some(0.0)),
            [5],
            "in stock, never used"
        );
        assert_eq!(wasted_before_expiry(&[(10, 5)], None), [0], "nothing known");
    }
}
