//! Consumption by stock balance, burn rates, time to empty and expected need.
//!
//! Consumption between two readings is `opening + received + produced − closing`: it
//! is never typed in, so it cannot disagree with the stock. Only the current version
//! of each reading counts; a corrected reading's earlier versions are left out.

use crate::appointment::ist_date;
use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, Utc};

use super::entry::PatientsOnOxygen;

/// One reading's stock, as stored (all Nm³).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub at: DateTime<Utc>,
    pub held: f64,
    pub usable: f64,
    pub received: f64,
    pub produced: f64,
    pub estimated: bool,
}

/// What happened between two consecutive readings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub opening: f64,
    pub closing: f64,
    pub received: f64,
    pub produced: f64,
    /// Used by patients: opening + received + produced − closing.
    pub consumption: f64,
    /// Measured only when both readings and the production were measured.
    pub estimated: bool,
}

impl Interval {
    pub fn between(prev: &Point, next: &Point) -> Self {
        Self {
            from: prev.at,
            to: next.at,
            opening: prev.held,
            closing: next.held,
            received: next.received,
            produced: next.produced,
            consumption: prev.held + next.received + next.produced - next.held,
            estimated: prev.estimated || next.estimated,
        }
    }

    pub fn hours(&self) -> f64 {
        (self.to - self.from).num_seconds() as f64 / 3600.0
    }
}

/// Consecutive intervals of readings sorted by time.
pub fn intervals(points: &[Point]) -> Vec<Interval> {
    points
        .windows(2)
        .map(|w| Interval::between(&w[0], &w[1]))
        .collect()
}

/// Gauges and counts are not exact: a rise smaller than this is noise, not oxygen
/// from nowhere (0.5 % of the stock, at least 1 Nm³).
fn tolerance(i: &Interval) -> f64 {
    (i.opening.max(i.closing) * 0.005).max(1.0)
}

/// Refuse a reading that makes consumption negative (more oxygen than there was and
/// arrived), before it or, for a late reading slotted in, after it.
pub fn check_balance(prev: Option<&Point>, this: &Point, next: Option<&Point>) -> DomainResult<()> {
    if let Some(p) = prev {
        let i = Interval::between(p, this);
        if i.consumption < -tolerance(&i) {
            let rise = -i.consumption;
            return Err(if this.received > 0.0 {
                DomainError::validation(
                    "tanks",
                    format!(
                        "the stock is {rise:.0} Nm³ more than the previous reading plus what was received and made: check the gauge readings and the quantities received"
                    ),
                )
            } else {
                DomainError::validation(
                    "liquidReceived",
                    format!(
                        "the stock rose by {rise:.0} Nm³ since the previous reading with no delivery entered: enter the delivery (liquid or cylinders received) or check the gauge readings"
                    ),
                )
            });
        }
    }
    if let Some(n) = next {
        let i = Interval::between(this, n);
        if i.consumption < -tolerance(&i) {
            return Err(DomainError::validation(
                "readingAt",
                format!(
                    "with this reading the next one (at {}) would show {:.0} Nm³ more than there was: check the readings",
                    n.at.format("%Y-%m-%d %H:%M UTC"),
                    -i.consumption
                ),
            ));
        }
    }
    Ok(())
}

/// Consumption per hour over a window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BurnRate {
    /// Used by patients, Nm³ per hour.
    pub nm3_per_hour: f64,
    /// Drawn from stock (use less what the plants made), Nm³ per hour.
    pub drain_per_hour: f64,
    /// Hours of readings it rests on.
    pub hours: f64,
    pub estimated: bool,
}

/// The burn rate over the intervals ending in the `window_hours` before `now`.
pub fn burn_rate(all: &[Interval], now: DateTime<Utc>, window_hours: i64) -> Option<BurnRate> {
    let since = now - Duration::hours(window_hours);
    let used: Vec<&Interval> = all
        .iter()
        .filter(|i| i.to > since && i.to <= now && i.hours() > 0.0)
        .collect();
    let hours: f64 = used.iter().map(|i| i.hours()).sum();
    if hours <= 0.0 {
        return None;
    }
    let consumption: f64 = used.iter().map(|i| i.consumption).sum();
    let produced: f64 = used.iter().map(|i| i.produced).sum();
    Some(BurnRate {
        nm3_per_hour: consumption / hours,
        drain_per_hour: (consumption - produced) / hours,
        hours,
        estimated: used.iter().any(|i| i.estimated),
    })
}

/// A delivery on its way: when it is expected (hours from now) and how much.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expected {
    pub in_hours: f64,
    pub nm3: f64,
}

/// Hours until the usable stock runs out at `drain_per_hour`, counting deliveries that
/// arrive before it does. `None` when the stock is not running down.
pub fn time_to_empty(usable: f64, drain_per_hour: f64, expected: &[Expected]) -> Option<f64> {
    if drain_per_hour <= 0.0 {
        return None;
    }
    let mut coming: Vec<Expected> = expected.iter().copied().filter(|e| e.nm3 > 0.0).collect();
    coming.sort_by(|a, b| a.in_hours.total_cmp(&b.in_hours));
    let (mut stock, mut t) = (usable.max(0.0), 0.0_f64);
    for e in coming {
        let at = e.in_hours.max(t);
        let left = stock - drain_per_hour * (at - t);
        if left <= 0.0 {
            break;
        }
        stock = left + e.nm3;
        t = at;
    }
    Some(t + stock / drain_per_hour)
}

/// The usable stock now, `hours` after a reading, if use went on at `drain_per_hour`.
pub fn projected(usable_at_reading: f64, hours: f64, drain_per_hour: Option<f64>) -> f64 {
    (usable_at_reading - drain_per_hour.unwrap_or(0.0).max(0.0) * hours.max(0.0)).max(0.0)
}

/// Flow norms, litres per minute, by how oxygen is given and by kind of bed.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowNorms {
    pub nasal_cannula: f64,
    pub mask: f64,
    pub hfnc: f64,
    pub niv: f64,
    pub invasive_ventilation: f64,
    pub oxygen_supported_bed: f64,
    pub hdu_bed: f64,
    pub icu_bed: f64,
    pub ventilator_bed: f64,
}

impl Default for FlowNorms {
    /// Planning defaults (a tenant sets its own): low-flow by cannula or mask, high
    /// flow, non-invasive and invasive ventilation; by bed, the average flow of an
    /// occupied bed of that kind.
    fn default() -> Self {
        Self {
            nasal_cannula: 4.0,
            mask: 10.0,
            hfnc: 40.0,
            niv: 20.0,
            invasive_ventilation: 12.0,
            oxygen_supported_bed: 7.0,
            hdu_bed: 10.0,
            icu_bed: 12.0,
            ventilator_bed: 20.0,
        }
    }
}

impl FlowNorms {
    pub fn check(&self) -> DomainResult<()> {
        let all = [
            (self.nasal_cannula, "nasalCannula"),
            (self.mask, "mask"),
            (self.hfnc, "hfnc"),
            (self.niv, "niv"),
            (self.invasive_ventilation, "invasiveVentilation"),
            (self.oxygen_supported_bed, "oxygenSupportedBed"),
            (self.hdu_bed, "hduBed"),
            (self.icu_bed, "icuBed"),
            (self.ventilator_bed, "ventilatorBed"),
        ];
        for (v, field) in all {
            if !(v.is_finite() && (0.0..=120.0).contains(&v)) {
                return Err(DomainError::validation(
                    format!("norms.{field}"),
                    "a flow norm is 0 to 120 litres per minute",
                ));
            }
        }
        Ok(())
    }
}

/// L/min to Nm³ per hour.
fn per_hour(lpm: f64) -> f64 {
    lpm * 60.0 / 1000.0
}

/// What the patients on oxygen need, Nm³ per hour.
pub fn need_of_patients(p: &PatientsOnOxygen, n: &FlowNorms) -> f64 {
    per_hour(
        p.nasal_cannula as f64 * n.nasal_cannula
            + p.mask as f64 * n.mask
            + p.hfnc as f64 * n.hfnc
            + p.niv as f64 * n.niv
            + p.invasive_ventilation as f64 * n.invasive_ventilation,
    )
}

/// Occupied beds that use oxygen, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BedsInUse {
    pub oxygen_supported: i64,
    pub hdu: i64,
    pub icu: i64,
    pub ventilator: i64,
}

/// What the occupied oxygen, HDU, ICU and ventilator beds need, Nm³ per hour.
pub fn need_of_beds(b: &BedsInUse, n: &FlowNorms) -> f64 {
    per_hour(
        b.oxygen_supported as f64 * n.oxygen_supported_bed
            + b.hdu as f64 * n.hdu_bed
            + b.icu as f64 * n.icu_bed
            + b.ventilator as f64 * n.ventilator_bed,
    )
}

/// A reading entered on a later (IST) day than the one it was read on is late.
pub fn is_late(reading_at: DateTime<Utc>, entered_at: DateTime<Utc>) -> bool {
    ist_date(entered_at) > ist_date(reading_at)
}

/// A reading cannot be from the future (a few minutes' clock drift allowed) nor older
/// than 31 days.
pub fn check_reading_time(reading_at: DateTime<Utc>, now: DateTime<Utc>) -> DomainResult<()> {
    if reading_at > now + Duration::minutes(5) {
        return Err(DomainError::validation(
            "readingAt",
            "a reading cannot be in the future",
        ));
    }
    if reading_at < now - Duration::days(31) {
        return Err(DomainError::validation(
            "readingAt",
            "readings older than 31 days cannot be entered",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap() + Duration::hours(h)
    }

    fn point(h: i64, held: f64, received: f64, produced: f64) -> Point {
        Point {
            at: at(h),
            held,
            usable: held * 0.9,
            received,
            produced,
            estimated: false,
        }
    }

    #[test]
    fn consumption_is_opening_plus_received_plus_produced_less_closing() {
        // 4,000 Nm³, then a 3 kL tanker (2,398.5 Nm³) and 1,200 Nm³ from the plant,
        // and 5,000 left a day later: 2,598.5 Nm³ were used.
        let i = Interval::between(
            &point(0, 4000.0, 0.0, 0.0),
            &point(24, 5000.0, 2398.5, 1200.0),
        );
        assert!((i.consumption - 2598.5).abs() < 1e-9);
        assert_eq!(i.hours(), 24.0);
    }

    #[test]
    fn stock_that_rises_without_a_delivery_is_refused() {
        let e = check_balance(
            Some(&point(0, 1000.0, 0.0, 0.0)),
            &point(24, 1200.0, 0.0, 0.0),
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains("liquidReceived"), "{e}");
        // A few Nm³ of gauge noise is not refused.
        assert!(check_balance(
            Some(&point(0, 1000.0, 0.0, 0.0)),
            &point(24, 1004.0, 0.0, 0.0),
            None
        )
        .is_ok());
        // A late reading slotted in before one that would then go negative.
        let e = check_balance(
            Some(&point(0, 1000.0, 0.0, 0.0)),
            &point(12, 500.0, 0.0, 0.0),
            Some(&point(24, 900.0, 0.0, 0.0)),
        )
        .unwrap_err();
        assert!(e.to_string().contains("readingAt"), "{e}");
    }

    #[test]
    fn burn_rate_uses_the_intervals_ending_in_the_window() {
        let pts = [
            point(0, 5000.0, 0.0, 0.0),
            point(24, 4000.0, 0.0, 0.0),
            point(48, 3400.0, 0.0, 240.0),
            point(72, 2800.0, 0.0, 0.0),
        ];
        let all = intervals(&pts);
        let day = burn_rate(&all, at(72), 24).unwrap();
        assert!((day.nm3_per_hour - 25.0).abs() < 1e-9);
        let three = burn_rate(&all, at(72), 72).unwrap();
        // (1000 + 840 + 600) / 72 used, 2,200 drawn from stock.
        assert!((three.nm3_per_hour - 2440.0 / 72.0).abs() < 1e-9);
        assert!((three.drain_per_hour - 2200.0 / 72.0).abs() < 1e-9);
        assert!(burn_rate(&all, at(200), 24).is_none());
    }

    #[test]
    fn time_to_empty_counts_deliveries_that_arrive_in_time() {
        // 1,000 Nm³ at 50 an hour: 20 h.
        assert_eq!(time_to_empty(1000.0, 50.0, &[]), Some(20.0));
        // A 500 Nm³ delivery in 10 h adds 10 h.
        let d = Expected {
            in_hours: 10.0,
            nm3: 500.0,
        };
        assert_eq!(time_to_empty(1000.0, 50.0, &[d]), Some(30.0));
        // One due after the tank is dry does not help.
        let late = Expected {
            in_hours: 25.0,
            nm3: 500.0,
        };
        assert_eq!(time_to_empty(1000.0, 50.0, &[late]), Some(20.0));
        assert_eq!(time_to_empty(1000.0, 0.0, &[]), None);
        assert_eq!(projected(1000.0, 4.0, Some(50.0)), 800.0);
    }

    #[test]
    fn need_follows_the_flow_norms() {
        let n = FlowNorms::default();
        let p = PatientsOnOxygen {
            nasal_cannula: 10,
            hfnc: 2,
            invasive_ventilation: 1,
            ..Default::default()
        };
        // (40 + 80 + 12) L/min = 7.92 Nm³/h
        assert!((need_of_patients(&p, &n) - 7.92).abs() < 1e-9);
        let b = BedsInUse {
            oxygen_supported: 10,
            icu: 5,
            ..Default::default()
        };
        assert!((need_of_beds(&b, &n) - 7.8).abs() < 1e-9);
        assert!(FlowNorms { hfnc: 500.0, ..n }.check().is_err());
    }

    #[test]
    fn an_entry_made_the_next_day_is_late() {
        // 02:30 UTC is 08:00 IST; 18:29 UTC is 23:59 IST the same day.
        assert!(!is_late(at(0), at(0) + Duration::minutes(959)));
        assert!(is_late(at(0), at(0) + Duration::minutes(961)));
        assert!(check_reading_time(at(1), at(0)).is_err());
    }
}
