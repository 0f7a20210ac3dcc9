//! A training session: what it teaches, where and on which days, how many it takes,
//! who trains, and whether it is still to be held, closed or cancelled.

use crate::error::{Checks, DomainError, DomainResult};
use chrono::{Duration, NaiveDate};

text_enum!(
    /// What a training is about, for the department's counts by subject.
    TrainingTopic, "topic" {
    ClinicalCare => "clinical_care",
    MaternalChildHealth => "maternal_child_health",
    Immunisation => "immunisation",
    DiseaseSurveillance => "disease_surveillance",
    OxygenCriticalCare => "oxygen_critical_care",
    InfectionPrevention => "infection_prevention",
    DigitalHealth => "digital_health",
    SupplyChain => "supply_chain",
    Other => "other",
});

text_enum!(
    /// `scheduled`: to be held or being held, attendance is marked. `closed`: the
    /// trainer signed the register off; it no longer changes. `cancelled`: not held.
    TrainingStatus, "status" {
    Scheduled => "scheduled",
    Closed => "closed",
    Cancelled => "cancelled",
});

/// The longest training kept as one session; longer courses are several sessions.
pub const MAX_DAYS: i64 = 30;
/// The most nominees one session takes (one register).
pub const MAX_CAPACITY: i32 = 500;

/// A training's title: 3 to 200 characters, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingTitle(String);

impl TrainingTitle {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        if raw.chars().any(char::is_control) {
            return Err(DomainError::validation(
                "title",
                "write the title on one line, without control characters",
            ));
        }
        let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let n = t.chars().count();
        if !(3..=200).contains(&n) {
            return Err(DomainError::validation(
                "title",
                "give the title in 3 to 200 characters",
            ));
        }
        Ok(Self(t))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The days a training is held, first to last, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingDays {
    first: NaiveDate,
    last: NaiveDate,
}

impl TrainingDays {
    pub fn new(first: NaiveDate, last: NaiveDate) -> DomainResult<Self> {
        if last < first {
            return Err(DomainError::validation(
                "endsOn",
                "the last day cannot come before the first",
            ));
        }
        if (last - first).num_days() >= MAX_DAYS {
            return Err(DomainError::validation(
                "endsOn",
                format!("a session lasts at most {MAX_DAYS} days; split a longer course"),
            ));
        }
        Ok(Self { first, last })
    }
    pub fn first(&self) -> NaiveDate {
        self.first
    }
    pub fn last(&self) -> NaiveDate {
        self.last
    }
    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first..=self.last).contains(&day)
    }
    pub fn all(&self) -> Vec<NaiveDate> {
        let n = (self.last - self.first).num_days();
        (0..=n).map(|i| self.first + Duration::days(i)).collect()
    }
}

/// A training to schedule, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTraining {
    pub title: TrainingTitle,
    pub topic: TrainingTopic,
    pub days: TrainingDays,
    pub capacity: Option<i32>,
}

impl NewTraining {
    /// Every problem at once. A training is scheduled from today (India) on, and no
    /// more than two years ahead.
    pub fn parse(
        title: &str,
        topic: &str,
        first: NaiveDate,
        last: NaiveDate,
        capacity: Option<i32>,
        today: NaiveDate,
    ) -> DomainResult<Self> {
        let mut c = Checks::new();
        let title = c.take(TrainingTitle::parse(title));
        let topic = c.take(TrainingTopic::parse(topic));
        let days = c.take(TrainingDays::new(first, last));
        if first < today {
            c.take::<()>(Err(DomainError::validation(
                "startsOn",
                "a training is scheduled from today on; past trainings are not entered afresh",
            )));
        } else if first > today + Duration::days(730) {
            c.take::<()>(Err(DomainError::validation(
                "startsOn",
                "a training is scheduled at most two years ahead",
            )));
        }
        if let Some(n) = capacity {
            if !(1..=MAX_CAPACITY).contains(&n) {
                c.take::<()>(Err(DomainError::validation(
                    "capacity",
                    format!("a session takes 1 to {MAX_CAPACITY} trainees"),
                )));
            }
        }
        c.done()?;
        match (title, topic, days) {
            (Some(title), Some(topic), Some(days)) => Ok(Self {
                title,
                topic,
                days,
                capacity,
            }),
            _ => Err(DomainError::validation(
                "input",
                "the training is incomplete",
            )),
        }
    }
}

impl TrainingStatus {
    /// Check a change of status. A session is closed once its first day has come (the
    /// register is signed off), cancelled only before it is closed; neither is undone.
    pub fn change_to(
        self,
        to: TrainingStatus,
        days: &TrainingDays,
        today: NaiveDate,
    ) -> DomainResult<TrainingStatus> {
        match (self, to) {
            (TrainingStatus::Scheduled, TrainingStatus::Closed) if today < days.first() => {
                Err(DomainError::validation(
                    "status",
                    "a training is closed once it has begun; cancel it if it will not be held",
                ))
            }
            (TrainingStatus::Scheduled, TrainingStatus::Closed | TrainingStatus::Cancelled) => {
                Ok(to)
            }
            (TrainingStatus::Scheduled, TrainingStatus::Scheduled) => Err(DomainError::validation(
                "status",
                "the training is already scheduled",
            )),
            (from, _) => Err(DomainError::conflict(format!(
                "the training is {}; it no longer changes",
                from.as_str()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn titles_are_tidied_and_bounded() {
        assert_eq!(
            TrainingTitle::parse("  IPC   refresher ").unwrap().as_str(),
            "IPC refresher"
        );
        assert!(TrainingTitle::parse("ab").is_err());
        assert!(TrainingTitle::parse("line\nbreak").is_err());
        assert!(TrainingTitle::parse(&"x".repeat(201)).is_err());
    }

    #[test]
    fn days_run_first_to_last_within_a_month() {
        let days = TrainingDays::new(d("2026-12-07"), d("2026-12-09")).unwrap();
        assert_eq!(
            days.all(),
            vec![d("2026-12-07"), d("2026-12-08"), d("2026-12-09")]
        );
        assert!(days.contains(d("2026-12-08")) && !days.contains(d("2026-12-10")));
        assert!(TrainingDays::new(d("2026-12-09"), d("2026-12-07")).is_err());
        assert!(TrainingDays::new(d("2026-12-01"), d("2026-12-30")).is_ok());
        assert!(TrainingDays::new(d("2026-12-01"), d("2026-12-31")).is_err());
    }

    #[test]
    fn a_new_training_reports_every_problem() {
        let today = d("2026-12-07");
        let ok = NewTraining::parse(
            "IPC refresher",
            "infection_prevention",
            today,
            today,
            Some(30),
            today,
        );
        assert!(ok.is_ok());
        let bad = NewTraining::parse(
            "x",
            "yoga",
            d("2026-12-01"),
            d("2026-11-30"),
            Some(0),
            today,
        );
        let Err(DomainError::Problems(ps)) = bad else {
            panic!("expected several problems: {bad:?}")
        };
        let fields: Vec<&str> = ps.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["title", "topic", "endsOn", "startsOn", "capacity"]
        );
    }

    #[test]
    fn statuses_move_once() {
        let days = TrainingDays::new(d("2026-12-07"), d("2026-12-08")).unwrap();
        let s = TrainingStatus::Scheduled;
        assert!(s
            .change_to(TrainingStatus::Closed, &days, d("2026-12-06"))
            .is_err());
        assert_eq!(
            s.change_to(TrainingStatus::Closed, &days, d("2026-12-07"))
                .unwrap(),
            TrainingStatus::Closed
        );
        assert!(s
            .change_to(TrainingStatus::Cancelled, &days, d("2026-12-01"))
            .is_ok());
        assert!(matches!(
            TrainingStatus::Closed.change_to(TrainingStatus::Cancelled, &days, d("2026-12-09")),
            Err(DomainError::Conflict { .. })
        ));
        assert!(TrainingStatus::Scheduled
            .change_to(TrainingStatus::Scheduled, &days, d("2026-12-07"))
            .is_err());
    }
}
