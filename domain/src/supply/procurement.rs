//! Procurement against budget. Each budget head has an allocation for a financial
//! year (India's: April to March). An order commits money until its goods arrive;
//! accepted goods are spent; the balance is what is left. An order that would take
//! the balance below zero is refused unless an authorised officer overrides it with
//! a reason.

use super::text;
use crate::error::{DomainError, DomainResult};
use chrono::{Datelike, NaiveDate};

text_enum!(OrderStatus, "status" {
    Open => "open",
    PartlyReceived => "partly_received",
    Received => "received",
    Cancelled => "cancelled",
});

/// The financial year a day falls in, by its first calendar year (2026 for
/// 2026-27, which runs from 1 April 2026 to 31 March 2027).
pub fn financial_year(day: NaiveDate) -> i32 {
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// "2026-27".
pub fn financial_year_label(start: i32) -> String {
    format!("{start}-{:02}", (start + 1) % 100)
}

/// Parse "2026-27" (or "2026") into its first year.
pub fn parse_financial_year(raw: &str) -> DomainResult<i32> {
    let t = raw.trim();
    let first = t.split('-').next().unwrap_or("");
    let year: i32 = first
        .parse()
        .map_err(|_| DomainError::validation("financialYear", "write it as 2026-27"))?;
    if !(2000..=2100).contains(&year) || (t.contains('-') && financial_year_label(year) != t) {
        return Err(DomainError::validation(
            "financialYear",
            "write it as 2026-27",
        ));
    }
    Ok(year)
}

/// A budget head's position, in paise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Budget {
    pub allocation: i64,
    /// Open orders' goods not yet received (nor rejected).
    pub committed: i64,
    /// Goods received and accepted.
    pub spent: i64,
}

impl Budget {
    pub fn balance(&self) -> i64 {
        self.allocation - self.committed - self.spent
    }

    /// Share of the allocation committed or spent, in percent.
    pub fn utilisation(&self) -> f64 {
        if self.allocation <= 0 {
            0.0
        } else {
            100.0 * (self.committed + self.spent) as f64 / self.allocation as f64
        }
    }

    /// Whether an order of `amount` fits, or needs an override: Err with the excess.
    pub fn check(&self, amount: i64) -> Result<(), i64> {
        let after = self.balance() - amount;
        if after >= 0 {
            Ok(())
        } else {
            Err(-after)
        }
    }
}

/// Rupees for messages: 1234567 paise is "₹12,345.67".
pub fn rupees(paise: i64) -> String {
    let sign = if paise < 0 { "-" } else { "" };
    let p = paise.unsigned_abs();
    let (r, ps) = (p / 100, p % 100);
    // Indian grouping: the last three digits, then twos.
    let digits = r.to_string();
    let grouped = if digits.len() <= 3 {
        digits
    } else {
        let (head, tail) = digits.split_at(digits.len() - 3);
        let mut parts: Vec<String> = Vec::new();
        let mut h = head.to_string();
        while h.len() > 2 {
            parts.insert(0, h[h.len() - 2..].to_string());
            h.truncate(h.len() - 2);
        }
        if !h.is_empty() {
            parts.insert(0, h);
        }
        format!("{},{tail}", parts.join(","))
    };
    format!("{sign}₹{grouped}.{ps:02}")
}

/// An override's reason: 5 to 500 characters.
pub fn override_reason(raw: &str) -> DomainResult<String> {
    text(raw, "overrideReason", 5, 500)
}

/// Receiving against an order line: accepted plus rejected may not exceed what is
/// still outstanding.
pub fn check_receipt(
    outstanding: i64,
    accepted: i64,
    rejected: i64,
    field: &str,
) -> DomainResult<()> {
    if accepted < 0 || rejected < 0 || accepted + rejected == 0 || accepted + rejected > outstanding
    {
        return Err(DomainError::validation(
            field,
            format!("accepted and rejected together must be 1 to the {outstanding} outstanding"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_financial_year_runs_april_to_march() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(financial_year(d("2027-03-31")), 2026);
        assert_eq!(financial_year(d("2026-04-01")), 2026);
        assert_eq!(financial_year_label(2026), "2026-27");
        assert_eq!(financial_year_label(2099), "2099-00");
        assert_eq!(parse_financial_year("2026-27").unwrap(), 2026);
        assert!(parse_financial_year("2026-28").is_err());
    }

    #[test]
    fn an_order_beyond_the_balance_needs_an_override() {
        let b = Budget {
            allocation: 1_000_000,
            committed: 300_000,
            spent: 500_000,
        };
        assert_eq!(b.balance(), 200_000);
        assert_eq!(b.check(200_000), Ok(()));
        assert_eq!(b.check(250_000), Err(50_000));
        assert!((b.utilisation() - 80.0).abs() < 1e-9);
        assert_eq!(rupees(123_456_789), "₹12,34,567.89");
        assert_eq!(rupees(5), "₹0.05");
        assert!(check_receipt(10, 8, 2, "l").is_ok());
        assert!(check_receipt(10, 8, 3, "l").is_err());
        assert!(check_receipt(10, 0, 0, "l").is_err());
    }
}
