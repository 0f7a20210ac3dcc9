//! Appointments: clinicians' weekly schedules at a facility's department, exceptions
//! for leave and holidays, the free slots they give, and bookings with a daily token
//! number per department. Times are India Standard Time (UTC+05:30, no daylight
//! saving), stored as UTC instants.

use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// India Standard Time.
pub fn ist() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600 + 1800).expect("a valid offset")
}

/// The IST calendar day of an instant.
pub fn ist_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&ist()).date_naive()
}

fn at_ist(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    ist()
        .from_local_datetime(&date.and_time(time))
        .single()
        .expect("IST has no gaps")
        .with_timezone(&Utc)
}

/// Midnight IST at the start of `day`, as UTC.
pub fn ist_midnight(day: NaiveDate) -> DateTime<Utc> {
    at_ist(day, NaiveTime::MIN)
}

/// `HH:MM`, 00:00 to 23:59.
pub fn parse_time(raw: &str, field: &str) -> DomainResult<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M")
        .map_err(|_| DomainError::validation(field, "give the time as HH:MM, e.g. 09:30"))
}

/// One weekly session: a clinician sees patients on `weekday` from `start` to `end`
/// in slots of `slot_minutes`, between `valid_from` and `valid_until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklySession {
    /// 1 = Monday … 7 = Sunday (ISO).
    pub weekday: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub slot_minutes: i64,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

impl WeeklySession {
    pub fn new(
        weekday: i32,
        start: NaiveTime,
        end: NaiveTime,
        slot_minutes: i32,
        valid_from: NaiveDate,
        valid_until: Option<NaiveDate>,
    ) -> DomainResult<Self> {
        if !(1..=7).contains(&weekday) {
            return Err(DomainError::validation(
                "weekday",
                "1 (Monday) to 7 (Sunday)",
            ));
        }
        if !(5..=120).contains(&slot_minutes) {
            return Err(DomainError::validation(
                "slotMinutes",
                "a slot is 5 to 120 minutes",
            ));
        }
        if end <= start {
            return Err(DomainError::validation(
                "end",
                "the session ends after it starts",
            ));
        }
        if (end - start).num_minutes() < slot_minutes as i64 {
            return Err(DomainError::validation(
                "end",
                "the session is shorter than one slot",
            ));
        }
        if valid_until.is_some_and(|u| u < valid_from) {
            return Err(DomainError::validation(
                "validUntil",
                "ends before it begins",
            ));
        }
        Ok(Self {
            weekday: weekday as u32,
            start,
            end,
            slot_minutes: slot_minutes as i64,
            valid_from,
            valid_until,
        })
    }

    fn applies_on(&self, date: NaiveDate) -> bool {
        date.weekday().number_from_monday() == self.weekday
            && date >= self.valid_from
            && self.valid_until.is_none_or(|u| date <= u)
    }

    /// The slots of `date`, as UTC instants (start, end). Empty on other days.
    pub fn slots_on(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        if !self.applies_on(date) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut t = at_ist(date, self.start);
        let end = at_ist(date, self.end);
        let step = Duration::minutes(self.slot_minutes);
        while t + step <= end {
            out.push((t, t + step));
            t += step;
        }
        out
    }

    /// Is `start` the beginning of one of this session's slots on its IST day?
    pub fn has_slot_at(&self, start: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.slots_on(ist_date(start))
            .into_iter()
            .find(|(s, _)| *s == start)
            .map(|(_, e)| e)
    }
}

/// At most how many days one free-slot query covers.
pub const MAX_QUERY_DAYS: i64 = 31;

/// The days from `from` to `to` inclusive, refused when reversed or too long.
pub fn days(from: NaiveDate, to: NaiveDate) -> DomainResult<Vec<NaiveDate>> {
    if to < from {
        return Err(DomainError::validation("to", "ends before it begins"));
    }
    if (to - from).num_days() >= MAX_QUERY_DAYS {
        return Err(DomainError::validation(
            "to",
            format!("ask for at most {MAX_QUERY_DAYS} days"),
        ));
    }
    Ok(from.iter_days().take_while(|d| *d <= to).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveTime {
        parse_time(s, "t").unwrap()
    }

    #[test]
    fn sessions_give_slots_on_their_weekday_in_ist() {
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let s = WeeklySession::new(1, t("09:00"), t("10:00"), 15, monday, None).unwrap();
        let slots = s.slots_on(monday);
        assert_eq!(slots.len(), 4);
        // 09:00 IST is 03:30 UTC.
        assert_eq!(slots[0].0.to_rfc3339(), "2026-12-07T03:30:00+00:00");
        assert_eq!(ist_date(slots[0].0), monday);
        assert!(s.slots_on(monday + Duration::days(1)).is_empty());
        assert_eq!(s.has_slot_at(slots[1].0), Some(slots[1].1));
        assert_eq!(s.has_slot_at(slots[1].0 + Duration::minutes(5)), None);
        // A session that does not divide evenly drops the last partial slot.
        let odd = WeeklySession::new(1, t("09:00"), t("09:50"), 20, monday, None).unwrap();
        assert_eq!(odd.slots_on(monday).len(), 2);
    }

    #[test]
    fn bad_sessions_and_ranges_are_refused() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert!(WeeklySession::new(0, t("09:00"), t("10:00"), 15, d, None).is_err());
        assert!(WeeklySession::new(1, t("10:00"), t("09:00"), 15, d, None).is_err());
        assert!(WeeklySession::new(1, t("09:00"), t("09:10"), 15, d, None).is_err());
        assert!(WeeklySession::new(1, t("09:00"), t("10:00"), 2, d, None).is_err());
        assert!(WeeklySession::new(
            1,
            t("09:00"),
            t("10:00"),
            15,
            d,
            Some(d - Duration::days(1))
        )
        .is_err());
        assert!(parse_time("9.30", "start").is_err());
        assert_eq!(days(d, d + Duration::days(2)).unwrap().len(), 3);
        assert!(days(d, d - Duration::days(1)).is_err());
        assert!(days(d, d + Duration::days(40)).is_err());
    }
}
