//! Tracking the roll-out of electronic medical records (EMR) against the tenant's
//! deadline: where each facility stands, what it still lacks, and the share adopted
//! month by month. The rules are written out in docs/DASHBOARDS.md.

use crate::error::{DomainError, DomainResult};
use crate::facility::{EmrItem, ReadinessStatus};
use chrono::{Datelike, Months, NaiveDate};

/// How far ahead of the deadline a facility with an item not even started is at risk.
pub const RISK_IF_NOT_STARTED_DAYS: i64 = 90;
/// How far ahead of the deadline a facility with any item unfinished is at risk.
pub const RISK_IF_UNFINISHED_DAYS: i64 = 30;

/// The date by which every facility of the tenant should keep electronic records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmrDeadline(NaiveDate);

impl EmrDeadline {
    /// A deadline is set for the roll-out ahead; one already past when it is set
    /// would put every facility at once in the wrong, so it is refused.
    pub fn parse(date: NaiveDate, today: NaiveDate) -> DomainResult<Self> {
        if date < today {
            return Err(DomainError::validation(
                "deadline",
                "the deadline must be today or later",
            ));
        }
        if date > today + chrono::Duration::days(365 * 10) {
            return Err(DomainError::validation(
                "deadline",
                "the deadline must be within ten years",
            ));
        }
        Ok(Self(date))
    }

    /// A deadline as stored (it may have passed since it was set).
    pub fn stored(date: NaiveDate) -> Self {
        Self(date)
    }

    pub fn date(&self) -> NaiveDate {
        self.0
    }
}

text_enum!(RolloutStanding, "standing" {
    Adopted => "adopted",
    OnTrack => "on_track",
    AtRisk => "at_risk",
    Overdue => "overdue",
});

/// One facility's readiness as the registry holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacilityReadiness {
    pub adopted: bool,
    pub adopted_on: Option<NaiveDate>,
    pub checklist: Vec<(EmrItem, ReadinessStatus)>,
}

impl FacilityReadiness {
    /// The items not yet done, in the checklist's order (a missing item is not started).
    pub fn lacking(&self) -> Vec<EmrItem> {
        EmrItem::ALL
            .iter()
            .copied()
            .filter(|item| self.status(*item) != ReadinessStatus::Done)
            .collect()
    }

    pub fn status(&self, item: EmrItem) -> ReadinessStatus {
        self.checklist
            .iter()
            .find(|(i, _)| *i == item)
            .map(|(_, s)| *s)
            .unwrap_or(ReadinessStatus::NotStarted)
    }

    /// Where the facility stands on `today`:
    /// - adopted: it keeps electronic records (whatever its checklist says);
    /// - overdue: the deadline has passed without adoption;
    /// - at risk: an item is not started within 90 days of the deadline, or any item
    ///   is unfinished within 30 days of it (the last 30 days are for going live);
    /// - on track otherwise, and always when the tenant has set no deadline.
    pub fn standing(&self, deadline: Option<EmrDeadline>, today: NaiveDate) -> RolloutStanding {
        if self.adopted {
            return RolloutStanding::Adopted;
        }
        let Some(deadline) = deadline else {
            return RolloutStanding::OnTrack;
        };
        let days_left = (deadline.date() - today).num_days();
        if days_left < 0 {
            return RolloutStanding::Overdue;
        }
        let not_started = EmrItem::ALL
            .iter()
            .any(|i| self.status(*i) == ReadinessStatus::NotStarted);
        let unfinished = !self.lacking().is_empty();
        if (not_started && days_left <= RISK_IF_NOT_STARTED_DAYS)
            || (unfinished && days_left <= RISK_IF_UNFINISHED_DAYS)
        {
            RolloutStanding::AtRisk
        } else {
            RolloutStanding::OnTrack
        }
    }
}

/// The last day of each of the `count` months ending with `today`'s month (the last
/// one is `today` itself: a month still running is counted up to now).
pub fn month_ends(today: NaiveDate, count: u32) -> Vec<(String, NaiveDate)> {
    let first_of_this = today.with_day(1).unwrap_or(today);
    (0..count)
        .rev()
        .filter_map(|back| {
            let start = first_of_this.checked_sub_months(Months::new(back))?;
            let end = if back == 0 {
                today
            } else {
                start.checked_add_months(Months::new(1))?.pred_opt()?
            };
            Some((format!("{:04}-{:02}", start.year(), start.month()), end))
        })
        .collect()
}

/// For each month end: how many of today's facilities had adopted electronic records
/// by then (by the adoption date the registry records). The share is of today's
/// facilities throughout, so the line shows progress towards the deadline's goal and
/// does not jump when a registry is loaded late or a facility is added.
pub fn adoption_by_month(
    adopted_on: &[Option<NaiveDate>],
    ends: &[(String, NaiveDate)],
) -> Vec<(String, i64, i64)> {
    let total = adopted_on.len() as i64;
    ends.iter()
        .map(|(label, end)| {
            let adopted = adopted_on
                .iter()
                .filter(|d| d.is_some_and(|d| d <= *end))
                .count() as i64;
            (label.clone(), total, adopted)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn readiness(items: &[(EmrItem, ReadinessStatus)]) -> FacilityReadiness {
        FacilityReadiness {
            adopted: false,
            adopted_on: None,
            checklist: items.to_vec(),
        }
    }

    const ALL_DONE: [(EmrItem, ReadinessStatus); 4] = [
        (EmrItem::Workstations, ReadinessStatus::Done),
        (EmrItem::Lan, ReadinessStatus::Done),
        (EmrItem::ServerBackup, ReadinessStatus::Done),
        (EmrItem::InformationSecurity, ReadinessStatus::Done),
    ];

    #[test]
    fn a_deadline_is_in_the_future_and_within_ten_years() {
        let today = day(2026, 12, 7);
        assert!(EmrDeadline::parse(day(2026, 12, 6), today).is_err());
        assert!(EmrDeadline::parse(today, today).is_ok());
        assert!(EmrDeadline::parse(day(2040, 1, 1), today).is_err());
    }

    #[test]
    fn lacking_lists_what_is_not_done_and_missing_items_count_as_not_started() {
        let r = readiness(&[(EmrItem::Lan, ReadinessStatus::Done)]);
        assert_eq!(
            r.lacking(),
            vec![
                EmrItem::Workstations,
                EmrItem::ServerBackup,
                EmrItem::InformationSecurity
            ]
        );
        assert_eq!(r.status(EmrItem::Workstations), ReadinessStatus::NotStarted);
        assert!(readiness(&ALL_DONE).lacking().is_empty());
    }

    #[test]
    fn standing_follows_the_deadline_rules() {
        let today = day(2026, 12, 7);
        let deadline = |days: i64| Some(EmrDeadline::stored(today + chrono::Duration::days(days)));
        let nothing = readiness(&[]);
        let half = readiness(&[
            (EmrItem::Workstations, ReadinessStatus::Done),
            (EmrItem::Lan, ReadinessStatus::InProgress),
            (EmrItem::ServerBackup, ReadinessStatus::InProgress),
            (EmrItem::InformationSecurity, ReadinessStatus::InProgress),
        ]);
        let ready = readiness(&ALL_DONE);
        assert_eq!(nothing.standing(None, today), RolloutStanding::OnTrack);
        assert_eq!(
            nothing.standing(deadline(91), today),
            RolloutStanding::OnTrack
        );
        assert_eq!(
            nothing.standing(deadline(90), today),
            RolloutStanding::AtRisk
        );
        assert_eq!(half.standing(deadline(31), today), RolloutStanding::OnTrack);
        assert_eq!(half.standing(deadline(30), today), RolloutStanding::AtRisk);
        assert_eq!(ready.standing(deadline(0), today), RolloutStanding::OnTrack);
        assert_eq!(
            ready.standing(deadline(-1), today),
            RolloutStanding::Overdue
        );
        let adopted = FacilityReadiness {
            adopted: true,
            adopted_on: Some(day(2026, 1, 1)),
            checklist: vec![],
        };
        assert_eq!(
            adopted.standing(deadline(-1), today),
            RolloutStanding::Adopted
        );
    }

    #[test]
    fn month_ends_count_back_and_stop_at_today() {
        let ends = month_ends(day(2026, 3, 15), 4);
        assert_eq!(
            ends,
            vec![
                ("2025-12".to_owned(), day(2025, 12, 31)),
                ("2026-01".to_owned(), day(2026, 1, 31)),
                ("2026-02".to_owned(), day(2026, 2, 28)),
                ("2026-03".to_owned(), day(2026, 3, 15)),
            ]
        );
    }

    #[test]
    fn adoption_by_month_counts_todays_facilities_adopted_by_each_month_end() {
        let adopted = [
            Some(day(2026, 1, 10)),
            None,
            Some(day(2026, 2, 20)),
            Some(day(2025, 12, 1)),
        ];
        let ends = month_ends(day(2026, 2, 25), 3);
        assert_eq!(
            adoption_by_month(&adopted, &ends),
            vec![
                ("2025-12".into(), 4, 1),
                ("2026-01".into(), 4, 2),
                ("2026-02".into(), 4, 3)
            ]
        );
    }
}
