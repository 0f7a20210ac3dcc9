//! When oxygen needs someone's attention: the rules that raise an alert, and when an
//! unanswered one goes up to the state.

use chrono::{DateTime, Duration, Utc};

text_enum!(
    /// What an alert is about.
    AlertKind, "kind" {
    TimeToEmpty => "time_to_empty",
    NoEntry => "no_entry",
    UnexplainedUse => "unexplained_use",
    PlantFault => "plant_fault",
});

text_enum!(
    AlertLevel, "level" {
    Warning => "warning",
    Critical => "critical",
});

/// What is known of a facility at the time the rules run.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Facts {
    pub time_to_empty_hours: Option<f64>,
    pub reported_today: bool,
    /// The hour of the day now, IST.
    pub hour_now: u32,
    /// Oxygen used per hour over the last day (Nm³/h).
    pub burn_nm3_per_hour: Option<f64>,
    /// What the patients on oxygen need by the flow norms (Nm³/h).
    pub need_nm3_per_hour: f64,
    pub plant_fault: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Raised {
    pub kind: AlertKind,
    pub level: AlertLevel,
    pub message: String,
}

/// Use is unexplained when it is more than one and a half times what the patients on
/// oxygen need, and at least 2 Nm³/h above it (a leak, a wrong count, or hoarding).
pub fn unexplained(burn: f64, need: f64) -> bool {
    burn > need * 1.5 && burn - need >= 2.0
}

/// The alerts the facts call for.
pub fn raise(f: &Facts, t: &Thresholds) -> Vec<Raised> {
    let mut out = Vec::new();
    if let Some(h) = f.time_to_empty_hours {
        let level = if h < t.critical_hours as f64 {
            Some(AlertLevel::Critical)
        } else if h < t.warning_hours as f64 {
            Some(AlertLevel::Warning)
        } else {
            None
        };
        if let Some(level) = level {
            out.push(Raised {
                kind: AlertKind::TimeToEmpty,
                level,
                message: format!(
                    "oxygen runs out in about {h:.1} hours at the present rate of use"
                ),
            });
        }
    }
    if !f.reported_today && f.hour_now >= t.deadline_hour as u32 {
        out.push(Raised {
            kind: AlertKind::NoEntry,
            level: AlertLevel::Warning,
            message: format!(
                "no oxygen reading entered today by the {:02}:00 deadline",
                t.deadline_hour
            ),
        });
    }
    if let Some(burn) = f.burn_nm3_per_hour {
        if unexplained(burn, f.need_nm3_per_hour) {
            out.push(Raised {
                kind: AlertKind::UnexplainedUse,
                level: AlertLevel::Warning,
                message: format!(
                    "{burn:.1} Nm³ an hour used where the patients on oxygen need about {:.1}",
                    f.need_nm3_per_hour
                ),
            });
        }
    }
    if f.plant_fault {
        out.push(Raised {
            kind: AlertKind::PlantFault,
            level: AlertLevel::Warning,
            message: "a PSA plant fault was reported with the last reading".into(),
        });
    }
    out
}

/// Should a critical alert still unanswered go up to the state now?
pub fn escalates(
    level: AlertLevel,
    raised_at: DateTime<Utc>,
    acknowledged: bool,
    escalated: bool,
    now: DateTime<Utc>,
    after_hours: i32,
) -> bool {
    level == AlertLevel::Critical
        && !acknowledged
        && !escalated
        && now - raised_at >= Duration::hours(after_hours as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds {
        warning_hours: 24,
        critical_hours: 8,
        deadline_hour: 12,
    };

    #[test]
    fn time_to_empty_under_the_thresholds_raises_a_warning_then_a_critical() {
        let at = |h: f64| Facts {
            time_to_empty_hours: Some(h),
            reported_today: true,
            hour_now: 9,
            ..Default::default()
        };
        assert!(raise(&at(30.0), &T).is_empty());
        assert_eq!(raise(&at(20.0), &T)[0].level, AlertLevel::Warning);
        assert_eq!(raise(&at(5.0), &T)[0].level, AlertLevel::Critical);
    }

    #[test]
    fn a_missing_entry_counts_only_after_the_deadline() {
        let f = |hour| Facts {
            hour_now: hour,
            ..Default::default()
        };
        assert!(raise(&f(11), &T).is_empty());
        assert_eq!(raise(&f(12), &T)[0].kind, AlertKind::NoEntry);
    }

    #[test]
    fn use_far_above_the_patients_need_and_plant_faults_are_raised() {
        assert!(unexplained(20.0, 8.0) && !unexplained(10.0, 8.0) && !unexplained(2.5, 1.0));
        let f = Facts {
            reported_today: true,
            burn_nm3_per_hour: Some(20.0),
            need_nm3_per_hour: 8.0,
            plant_fault: true,
            ..Default::default()
        };
        let kinds: Vec<_> = raise(&f, &T).into_iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [AlertKind::UnexplainedUse, AlertKind::PlantFault]);
    }

    #[test]
    fn only_unanswered_critical_alerts_escalate_after_the_wait() {
        let t0 = Utc::now();
        let later = t0 + Duration::hours(3);
        assert!(escalates(AlertLevel::Critical, t0, false, false, later, 2));
        assert!(!escalates(
            AlertLevel::Critical,
            t0,
            false,
            false,
            t0 + Duration::minutes(90),
            2
        ));
        assert!(!escalates(AlertLevel::Critical, t0, true, false, later, 2));
        assert!(!escalates(AlertLevel::Warning, t0, false, false, later, 2));
        assert!(!escalates(AlertLevel::Critical, t0, false, true, later, 2));
    }
}
