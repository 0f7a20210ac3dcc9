//! Which supply alerts a store's position calls for: an item out of stock, an item
//! below its minimum months of stock, a batch expiring within the store's alert band
//! (30 days unless set otherwise) or warning band (90), and an expired batch still
//! on the shelf. Each has a key, so the same condition is one alert until it clears.

use super::planning::StockStatus;
use super::store::StoreSettings;
use uuid::Uuid;

text_enum!(AlertKind, "kind" {
    StockOut => "stock_out",
    BelowMinimum => "below_minimum",
    ExpiringSoon => "expiring_soon",
    Expiring => "expiring",
    Expired => "expired",
});

pub struct BatchFacts<'a> {
    pub batch: Uuid,
    pub batch_no: &'a str,
    pub days_left: i64,
    pub quantity: i64,
}

pub struct ItemFacts<'a> {
    pub item: Uuid,
    pub name: &'a str,
    pub status: StockStatus,
    pub months: Option<f64>,
    pub min_months: f64,
    pub batches: Vec<BatchFacts<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub kind: AlertKind,
    pub key: String,
    pub batch: Option<Uuid>,
    pub message: String,
}

pub fn wanted(f: &ItemFacts<'_>, s: &StoreSettings) -> Vec<Wanted> {
    let mut out = Vec::new();
    let item = |kind: AlertKind, message: String| Wanted {
        kind,
        key: format!("{}:{}", kind.as_str(), f.item),
        batch: None,
        message,
    };
    match f.status {
        StockStatus::StockOut => out.push(item(
            AlertKind::StockOut,
            format!("{} is out of stock", f.name),
        )),
        StockStatus::UnderStocked => out.push(item(
            AlertKind::BelowMinimum,
            format!(
                "{} is below its minimum: {:.1} months of stock against {:.1}",
                f.name,
                f.months.unwrap_or(0.0),
                f.min_months
            ),
        )),
        _ => {}
    }
    for b in f.batches.iter().filter(|b| b.quantity > 0) {
        let kind = if b.days_left < 0 {
            AlertKind::Expired
        } else if b.days_left <= s.expiry_alert_days as i64 {
            AlertKind::ExpiringSoon
        } else if b.days_left <= s.expiry_warn_days as i64 {
            AlertKind::Expiring
        } else {
            continue;
        };
        let message = match kind {
            AlertKind::Expired => format!(
                "{} batch {}: {} expired units on the shelf; take them out of stock",
                f.name, b.batch_no, b.quantity
            ),
            _ => format!(
                "{} batch {}: {} units expire in {} days",
                f.name, b.batch_no, b.quantity, b.days_left
            ),
        };
        out.push(Wanted {
            kind,
            key: format!("{}:{}:{}", kind.as_str(), f.item, b.batch),
            batch: Some(b.batch),
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_condition_is_one_alert_with_a_stable_key() {
        let item = Uuid::now_v7();
        let (b1, b2, b3) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let f = ItemFacts {
            item,
            name: "Paracetamol",
            status: StockStatus::UnderStocked,
            months: Some(0.4),
            min_months: 1.0,
            batches: vec![
                BatchFacts {
                    batch: b1,
                    batch_no: "A",
                    days_left: 20,
                    quantity: 10,
                },
                BatchFacts {
                    batch: b2,
                    batch_no: "B",
                    days_left: 80,
                    quantity: 10,
                },
                BatchFacts {
                    batch: b3,
                    batch_no: "C",
                    days_left: 400,
                    quantity: 10,
                },
            ],
        };
        let w = wanted(&f, &StoreSettings::default());
        let kinds: Vec<AlertKind> = w.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                AlertKind::BelowMinimum,
                AlertKind::ExpiringSoon,
                AlertKind::Expiring
            ]
        );
        assert_eq!(
            w,
            wanted(&f, &StoreSettings::default()),
            "the same facts, the same keys"
        );
        let tight = StoreSettings {
            expiry_warn_days: 30,
            ..Default::default()
        };
        assert_eq!(wanted(&f, &tight).len(), 2, "the store's own bands");
    }
}
