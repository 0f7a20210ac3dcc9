//! Stores and their hierarchy: the state warehouse supplies district drug stores,
//! which supply facility pharmacies, which supply ward sub-stores. A store indents
//! only from a store above it, and each store sets its own planning thresholds.

use super::text;
use crate::error::{Checks, DomainError, DomainResult};

text_enum!(StoreLevel, "level" {
    State => "state",
    District => "district",
    Facility => "facility",
    Ward => "ward",
});

impl StoreLevel {
    /// 0 for the state warehouse, growing downwards.
    pub fn depth(self) -> u8 {
        match self {
            StoreLevel::State => 0,
            StoreLevel::District => 1,
            StoreLevel::Facility => 2,
            StoreLevel::Ward => 3,
        }
    }

    /// May a store at this level have `parent` as the store it indents from?
    /// Only from higher up; a level may be skipped (a facility straight from the state).
    pub fn may_indent_from(self, parent: StoreLevel) -> bool {
        parent.depth() < self.depth()
    }

    /// Facility pharmacies and ward stores belong to a facility; the others to a unit.
    pub fn belongs_to_facility(self) -> bool {
        matches!(self, StoreLevel::Facility | StoreLevel::Ward)
    }
}

/// A store's planning thresholds. None is a constant in the code: each store sets
/// its own, starting from these defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoreSettings {
    /// Average monthly consumption is taken over this many days.
    pub lookback_days: i32,
    /// Below this many months of stock, indent.
    pub min_months: f64,
    /// Indent up to this many months.
    pub max_months: f64,
    /// Above this many months, the item is over-stocked.
    pub overstock_months: f64,
    /// Batches expiring within these many days are flagged (far, then near).
    pub expiry_warn_days: i32,
    pub expiry_alert_days: i32,
}

impl Default for StoreSettings {
    fn default() -> Self {
        Self {
            lookback_days: 90,
            min_months: 1.0,
            max_months: 3.0,
            overstock_months: 6.0,
            expiry_warn_days: 90,
            expiry_alert_days: 30,
        }
    }
}

impl StoreSettings {
    pub fn validate(self) -> DomainResult<Self> {
        let mut c = Checks::new();
        let fail = |f: &str, m: &str| Err::<(), _>(DomainError::validation(f, m));
        if !(7..=730).contains(&self.lookback_days) {
            c.take(fail("lookbackDays", "must be 7 to 730 days"));
        }
        let months_ok = |m: f64| m.is_finite() && (0.0..=36.0).contains(&m);
        if !months_ok(self.min_months)
            || !months_ok(self.max_months)
            || !months_ok(self.overstock_months)
        {
            c.take(fail("minMonths", "months of stock must be 0 to 36"));
        } else if !(self.min_months < self.max_months && self.max_months <= self.overstock_months) {
            c.take(fail(
                "maxMonths",
                "minimum < maximum ≤ over-stock months of stock",
            ));
        }
        if !(1..=730).contains(&self.expiry_alert_days)
            || !(self.expiry_alert_days..=730).contains(&self.expiry_warn_days)
        {
            c.take(fail(
                "expiryWarnDays",
                "expiry bands are 1 to 730 days, the alert band within the warning band",
            ));
        }
        c.done()?;
        Ok(self)
    }
}

pub fn store_name(raw: &str) -> DomainResult<String> {
    text(raw, "name", 2, 120)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_indent_only_from_above() {
        assert!(StoreLevel::Facility.may_indent_from(StoreLevel::District));
        assert!(StoreLevel::Facility.may_indent_from(StoreLevel::State));
        assert!(!StoreLevel::District.may_indent_from(StoreLevel::District));
        assert!(!StoreLevel::District.may_indent_from(StoreLevel::Ward));
        assert!(
            StoreLevel::Ward.belongs_to_facility() && !StoreLevel::District.belongs_to_facility()
        );
    }

    #[test]
    fn settings_are_consistent() {
        assert!(StoreSettings::default().validate().is_ok());
        let bad = StoreSettings {
            min_months: 4.0,
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let bands = StoreSettings {
            expiry_warn_days: 20,
            ..Default::default()
        };
        assert!(
            matches!(bands.validate(), Err(DomainError::Validation { ref field, .. }) if field == "expiryWarnDays")
        );
    }
}
