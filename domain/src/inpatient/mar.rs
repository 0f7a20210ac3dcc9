//! The medication administration record: which doses of a prescription are due on a
//! day, and what the nurse did with each (given, held, refused, not available).
//!
//! Frequencies are written by hand ("1-0-1", "TDS", "every 8 hours"); the common ways
//! of writing them give fixed times (India time). Anything else ("after each stool",
//! "SOS") has no fixed times: the nurse records each dose when given.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

text_enum!(
    /// What happened to a due dose.
    DoseStatus, "status" {
    Given => "given",
    Held => "held",
    Refused => "refused",
    NotAvailable => "not_available",
});

fn at(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h % 24, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// The times of day (India time) a frequency means, if it is written a usual way.
pub fn dose_times(frequency: &str) -> Option<Vec<NaiveTime>> {
    let f = frequency.trim().to_lowercase().replace(['.', ' '], "");
    // "1-0-1", "1-1-1", "1-1-1-1", "0-0-1": morning, noon, (evening,) night.
    let parts: Vec<&str> = f.split('-').collect();
    if parts.len() >= 3 && parts.len() <= 4 && parts.iter().all(|p| p.parse::<f64>().is_ok()) {
        let slots: &[u32] = if parts.len() == 3 {
            &[8, 14, 20]
        } else {
            &[8, 12, 16, 20]
        };
        let times: Vec<NaiveTime> = parts
            .iter()
            .zip(slots)
            .filter(|(p, _)| p.parse::<f64>().unwrap_or(0.0) > 0.0)
            .map(|(_, h)| at(*h))
            .collect();
        return (!times.is_empty()).then_some(times);
    }
    let hours = |h: &[u32]| Some(h.iter().map(|x| at(*x)).collect());
    match f.as_str() {
        "od" | "once" | "oncedaily" | "onceaday" | "qd" => hours(&[8]),
        "bd" | "bid" | "twicedaily" | "twiceaday" => hours(&[8, 20]),
        "tds" | "tid" | "thricedaily" | "threetimesaday" => hours(&[8, 14, 20]),
        "qid" | "qds" | "fourtimesaday" => hours(&[6, 12, 18, 22]),
        "hs" | "atnight" | "bedtime" => hours(&[22]),
        _ => {
            // "q6h", "6hourly", "every6hours", "every8hours".
            let digits: String = f.chars().filter(|c| c.is_ascii_digit()).collect();
            let every = digits
                .parse::<u32>()
                .ok()
                .filter(|n| [4, 6, 8, 12, 24].contains(n))?;
            let looks =
                f.starts_with('q') || f.contains("hour") || f.contains("hrly") || f.ends_with('h');
            looks.then(|| (0..24 / every).map(|i| at(6 + i * every)).collect())
        }
    }
}

/// The instants of `day`'s doses, from the prescription's start for its duration.
pub fn due_on(
    frequency: &str,
    prescribed_at: DateTime<Utc>,
    duration_days: Option<i32>,
    day: NaiveDate,
) -> Vec<DateTime<Utc>> {
    let Some(times) = dose_times(frequency) else {
        return Vec::new();
    };
    let first_day = crate::appointment::ist_date(prescribed_at);
    if day < first_day {
        return Vec::new();
    }
    if let Some(d) = duration_days {
        if day >= first_day + Duration::days(d.max(1) as i64) {
            return Vec::new();
        }
    }
    let midnight = crate::appointment::ist_midnight(day);
    times
        .into_iter()
        .map(|t| midnight + (t - NaiveTime::MIN))
        // A dose due before the prescription was written is not due.
        .filter(|t| *t >= prescribed_at - Duration::minutes(30))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(f: &str) -> Option<Vec<u32>> {
        use chrono::Timelike;
        dose_times(f).map(|v| v.iter().map(|t| t.hour()).collect())
    }

    #[test]
    fn common_ways_of_writing_a_frequency() {
        assert_eq!(hours("1-0-1"), Some(vec![8, 20]));
        assert_eq!(hours("1-1-1"), Some(vec![8, 14, 20]));
        assert_eq!(hours("0-0-1"), Some(vec![20]));
        assert_eq!(hours("1-1-1-1"), Some(vec![8, 12, 16, 20]));
        assert_eq!(hours("B.D."), Some(vec![8, 20]));
        assert_eq!(hours("TDS"), Some(vec![8, 14, 20]));
        assert_eq!(hours("QID"), Some(vec![6, 12, 18, 22]));
        assert_eq!(hours("HS"), Some(vec![22]));
        assert_eq!(hours("q6h"), Some(vec![6, 12, 18, 0]));
        assert_eq!(hours("every 8 hours"), Some(vec![6, 14, 22]));
        assert_eq!(hours("after each stool"), None);
        assert_eq!(hours("SOS"), None);
        assert_eq!(hours("0-0-0"), None);
    }

    #[test]
    fn doses_fall_within_the_course() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        // Written at 10:00 India time: the 08:00 dose of that day is not due.
        let written = crate::appointment::ist_midnight(day) + Duration::hours(10);
        assert_eq!(due_on("TDS", written, Some(2), day).len(), 2);
        assert_eq!(
            due_on("TDS", written, Some(2), day + Duration::days(1)).len(),
            3
        );
        assert!(due_on("TDS", written, Some(2), day + Duration::days(2)).is_empty());
        assert!(due_on("TDS", written, None, day - Duration::days(1)).is_empty());
        assert_eq!(
            due_on("TDS", written, None, day + Duration::days(30)).len(),
            3
        );
    }
}
