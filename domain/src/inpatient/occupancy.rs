//! Bed occupancy counted from bed states, and how often a patient's condition must
//! be recorded (the CPMS rule) so the duty list can show what is overdue.

use super::beds::BedState;
use super::condition::ConditionCategory;
use chrono::{DateTime, Duration, Utc};

/// Beds of one kind (a type, a ward, a facility, a district) by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: i64,
    pub occupied: i64,
    pub reserved: i64,
    pub free: i64,
    pub out_of_service: i64,
}

impl Tally {
    pub fn add(&mut self, state: BedState, n: i64) {
        self.total += n;
        match state {
            BedState::Occupied => self.occupied += n,
            BedState::Reserved => self.reserved += n,
            BedState::Free => self.free += n,
            _ => self.out_of_service += n,
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.total += other.total;
        self.occupied += other.occupied;
        self.reserved += other.reserved;
        self.free += other.free;
        self.out_of_service += other.out_of_service;
    }

    /// Occupied beds over beds in service (occupied, reserved or free), in percent;
    /// none when no bed is in service.
    pub fn occupancy_rate(&self) -> Option<f64> {
        let in_service = self.total - self.out_of_service;
        (in_service > 0).then(|| (self.occupied as f64 * 1000.0 / in_service as f64).round() / 10.0)
    }
}

/// How many condition entries a day each patient needs. West Bengal's CPMS rule:
/// four for patients in critical-care beds (ICU, HDU, ventilator), two for other
/// critical patients, one for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObservationRule {
    pub critical_care_per_day: i64,
    pub critical_per_day: i64,
    pub others_per_day: i64,
}

impl Default for ObservationRule {
    fn default() -> Self {
        Self {
            critical_care_per_day: 4,
            critical_per_day: 2,
            others_per_day: 1,
        }
    }
}

impl ObservationRule {
    pub fn interval(
        &self,
        critical_care_bed: bool,
        category: Option<ConditionCategory>,
    ) -> Duration {
        let per_day = if critical_care_bed {
            self.critical_care_per_day
        } else if category.is_some_and(ConditionCategory::is_critical) {
            self.critical_per_day
        } else {
            self.others_per_day
        };
        Duration::minutes(24 * 60 / per_day.max(1))
    }

    /// When the next entry is due: an interval after the last one, or after the
    /// admission when there is none yet.
    pub fn due_at(
        &self,
        critical_care_bed: bool,
        category: Option<ConditionCategory>,
        last: Option<DateTime<Utc>>,
        admitted_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        last.unwrap_or(admitted_at) + self.interval(critical_care_bed, category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_leaves_out_beds_out_of_service() {
        let mut t = Tally::default();
        t.add(BedState::Occupied, 3);
        t.add(BedState::Free, 1);
        t.add(BedState::Closed, 2);
        assert_eq!((t.total, t.out_of_service), (6, 2));
        assert_eq!(t.occupancy_rate(), Some(75.0));
        assert_eq!(Tally::default().occupancy_rate(), None);
        let mut sum = Tally::default();
        sum.merge(&t);
        sum.merge(&t);
        assert_eq!(sum.occupied, 6);
    }

    #[test]
    fn icu_patients_are_due_every_six_hours_critical_ones_every_twelve() {
        let r = ObservationRule::default();
        let t0 = Utc::now();
        assert_eq!(r.due_at(true, None, None, t0), t0 + Duration::hours(6));
        assert_eq!(
            r.due_at(false, Some(ConditionCategory::Critical), Some(t0), t0),
            t0 + Duration::hours(12)
        );
        assert_eq!(
            r.due_at(false, Some(ConditionCategory::Mild), Some(t0), t0),
            t0 + Duration::hours(24)
        );
    }
}
