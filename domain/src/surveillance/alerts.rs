//! Alert rules: when the cases of a condition in a place call for a look. Each rule is
//! evaluated on a window of cases (an epidemiological week, or the rolling seven days
//! to today) and gives a signal or none; the same signal is not raised again for a
//! set number of days. The worked examples in the tests are the ones in
//! docs/SURVEILLANCE.md.
//!
//! Kinds of rule:
//! - **Fixed**: `cases >= threshold` (a single case of cholera, AFP or measles).
//! - **Baseline multiple**: `cases >= multiple × baseline`, the baseline being the mean
//!   of the same weeks ± `half_width` in each of the previous `years` years, leaving
//!   out weeks that were part of an outbreak.
//! - **Mean + k SD**: `cases > mean + k × sd` of the same baseline weeks.
//! - **Cluster**: `cases` or more in one village or ward within `days` days.
//!
//! Every rule but the fixed one also needs `min_cases` in the window, so that one case
//! against a baseline of zero does not alert.

use crate::error::{DomainError, DomainResult};
use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    Fixed {
        threshold: i64,
    },
    BaselineMultiple {
        multiple: f64,
        years: u32,
        half_width: u32,
    },
    MeanPlusSd {
        k: f64,
        years: u32,
        half_width: u32,
    },
    Cluster {
        cases: i64,
        days: u32,
    },
    /// Cases per 100,000 people of the place in the window (needs the place's population).
    Rate {
        per_100k: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub kind: RuleKind,
    /// Cases the window needs before the rule may fire (not for fixed thresholds).
    pub min_cases: i64,
    /// A signal of the same rule, condition and place is not raised again within this many days.
    pub quiet_days: u32,
}

impl Rule {
    pub fn new(kind: RuleKind, min_cases: i64, quiet_days: u32) -> DomainResult<Self> {
        let bad = |field: &str, message: &str| Err(DomainError::validation(field, message));
        match &kind {
            RuleKind::Fixed { threshold } if *threshold < 1 => return bad("threshold", "must be at least 1"),
            RuleKind::BaselineMultiple { multiple, years, half_width }
                if !(*multiple > 1.0 && *multiple <= 20.0 && (1..=10).contains(years)) || *half_width > 4 =>
            {
                return bad("multiple", "the multiple must be over 1 and at most 20, over 1 to 10 years, within ± 4 weeks")
            }
            RuleKind::MeanPlusSd { k, years, half_width }
                if !(*k > 0.0 && *k <= 5.0 && (1..=10).contains(years)) || *half_width > 4 =>
            {
                return bad("k", "k must be over 0 and at most 5, over 1 to 10 years, within ± 4 weeks")
            }
            RuleKind::Cluster { cases, days } if *cases < 2 || !(1..=60).contains(days) => {
                return bad("cases", "a cluster is 2 or more cases within 1 to 60 days")
            }
            RuleKind::Rate { per_100k } if !(*per_100k > 0.0 && *per_100k <= 100_000.0) => {
                return bad("ratePer100k", "a rate is over 0 and at most 100,000 per 100,000")
            }
            _ => {}
        }
        if min_cases < 0 {
            return bad("minCases", "must not be negative");
        }
        if quiet_days > 90 {
            return bad("quietDays", "must be at most 90 days");
        }
        Ok(Self {
            kind,
            min_cases,
            quiet_days,
        })
    }
}

/// The past weeks a baseline is taken from: for each of the previous `years` years, the
/// counts of the weeks `half_width` either side of this week's number (outbreak weeks
/// left out by the caller).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    pub counts: Vec<i64>,
}

impl Baseline {
    pub fn mean(&self) -> Option<f64> {
        (!self.counts.is_empty())
            .then(|| self.counts.iter().sum::<i64>() as f64 / self.counts.len() as f64)
    }

    /// The sample standard deviation (n - 1); none under two weeks.
    pub fn sd(&self) -> Option<f64> {
        let n = self.counts.len();
        if n < 2 {
            return None;
        }
        let m = self.mean()?;
        let var = self
            .counts
            .iter()
            .map(|c| (*c as f64 - m).powi(2))
            .sum::<f64>()
            / (n - 1) as f64;
        Some(var.sqrt())
    }
}

/// Why a rule fired, in numbers a person can check.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub cases: i64,
    /// The line crossed: the threshold, multiple × baseline, or mean + k × sd.
    pub line: f64,
    pub explanation: String,
}

/// Evaluate a count rule (not a cluster) on a window's cases and its baseline.
pub fn evaluate(rule: &Rule, cases: i64, baseline: &Baseline) -> Option<Signal> {
    let (line, fired, why) = match &rule.kind {
        RuleKind::Fixed { threshold } => {
            let t = *threshold as f64;
            return (cases >= *threshold).then(|| Signal {
                cases,
                line: t,
                explanation: if cases == 1 {
                    format!("1 case reaches the threshold of {threshold}")
                } else {
                    format!("{cases} cases reach the threshold of {threshold}")
                },
            });
        }
        RuleKind::BaselineMultiple { multiple, .. } => {
            let m = baseline.mean()?;
            let line = multiple * m;
            (
                line,
                cases as f64 >= line,
                format!("{cases} cases reach {multiple} × the baseline of {m:.1} = {line:.1}"),
            )
        }
        RuleKind::MeanPlusSd { k, .. } => {
            let m = baseline.mean()?;
            let sd = baseline.sd()?;
            let line = m + k * sd;
            (
                line,
                cases as f64 > line,
                format!("{cases} cases exceed the mean {m:.1} + {k} × SD {sd:.1} = {line:.1}"),
            )
        }
        RuleKind::Cluster { .. } | RuleKind::Rate { .. } => return None,
    };
    (fired && cases >= rule.min_cases.max(1)).then_some(Signal {
        cases,
        line,
        explanation: why,
    })
}

/// A rate rule on a window's cases and the place's population (none: no signal, a rate
/// needs its denominator).
pub fn rate(rule: &Rule, cases: i64, population: Option<i64>) -> Option<Signal> {
    let RuleKind::Rate { per_100k } = rule.kind else {
        return None;
    };
    let people = population.filter(|p| *p > 0)? as f64;
    let r = cases as f64 * 100_000.0 / people;
    (r >= per_100k && cases >= rule.min_cases.max(1)).then(|| Signal {
        cases,
        line: per_100k,
        explanation: format!(
            "{cases} cases among {people:.0} people are {r:.1} per 100,000, at or over {per_100k}"
        ),
    })
}

/// A cluster rule on the onset dates of one village's cases: the most cases within any
/// `days`-day span ending at or before `today`.
pub fn cluster(rule: &Rule, onsets: &[NaiveDate], today: NaiveDate) -> Option<Signal> {
    let RuleKind::Cluster { cases, days } = rule.kind else {
        return None;
    };
    let from = today - Duration::days(days as i64 - 1);
    let n = onsets
        .iter()
        .filter(|d| **d >= from && **d <= today)
        .count() as i64;
    (n >= cases && n >= rule.min_cases).then(|| Signal {
        cases: n,
        line: cases as f64,
        explanation: format!(
            "{n} cases in one village or ward within {days} days (a cluster is {cases})"
        ),
    })
}

/// Whether a signal raised on `last` still silences a new one on `today`.
pub fn quiet(rule: &Rule, last: Option<NaiveDate>, today: NaiveDate) -> bool {
    last.is_some_and(|l| (today - l).num_days() < rule.quiet_days as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_single_case_of_cholera_alerts() {
        let rule = Rule::new(RuleKind::Fixed { threshold: 1 }, 0, 7).unwrap();
        assert!(evaluate(&rule, 0, &Baseline::default()).is_none());
        let s = evaluate(&rule, 1, &Baseline::default()).unwrap();
        assert_eq!(s.explanation, "1 case reaches the threshold of 1");
        let two = Rule::new(RuleKind::Fixed { threshold: 2 }, 0, 7).unwrap();
        assert_eq!(
            evaluate(&two, 3, &Baseline::default()).unwrap().explanation,
            "3 cases reach the threshold of 2"
        );
    }

    #[test]
    fn twice_the_baseline_with_a_minimum() {
        // Dengue in a block: the same week ± 1 in the last 3 years had 2, 3, 1, 4, 2, 0,
        // 3, 2, 1 cases (mean 2.0). This week 4 cases: 4 >= 2 × 2.0, and the minimum of 3 is met.
        let rule = Rule::new(
            RuleKind::BaselineMultiple {
                multiple: 2.0,
                years: 3,
                half_width: 1,
            },
            3,
            7,
        )
        .unwrap();
        let base = Baseline {
            counts: vec![2, 3, 1, 4, 2, 0, 3, 2, 1],
        };
        assert_eq!(base.mean(), Some(2.0));
        let s = evaluate(&rule, 4, &base).unwrap();
        assert_eq!(s.line, 4.0);
        assert!(evaluate(&rule, 3, &base).is_none(), "3 < 4");
        // Against a baseline of zero, one case would be "infinitely" many; the minimum stops it.
        let zero = Baseline {
            counts: vec![0, 0, 0],
        };
        assert!(evaluate(&rule, 2, &zero).is_none());
        assert!(evaluate(&rule, 3, &zero).is_some());
        // No history at all: no baseline, no signal.
        assert!(evaluate(&rule, 30, &Baseline::default()).is_none());
    }

    #[test]
    fn mean_plus_two_standard_deviations() {
        // Baseline 2, 3, 1, 4, 2, 0, 3, 2, 1: mean 2.0, sample SD 1.22; line 2.0 + 2 × 1.22 = 4.45.
        let rule = Rule::new(
            RuleKind::MeanPlusSd {
                k: 2.0,
                years: 3,
                half_width: 1,
            },
            3,
            7,
        )
        .unwrap();
        let base = Baseline {
            counts: vec![2, 3, 1, 4, 2, 0, 3, 2, 1],
        };
        assert!((base.sd().unwrap() - 1.2247).abs() < 1e-3);
        assert!(evaluate(&rule, 4, &base).is_none());
        let s = evaluate(&rule, 5, &base).unwrap();
        assert!((s.line - 4.449).abs() < 1e-2, "{}", s.line);
    }

    #[test]
    fn a_rate_per_hundred_thousand_needs_its_population() {
        // Malaria, 20 per 100,000 in a week, at least 5 cases: a block of 38,000 people
        // with 8 cases is at 21.1 per 100,000 and alerts; with 7 (18.4) it does not.
        let rule = Rule::new(RuleKind::Rate { per_100k: 20.0 }, 5, 7).unwrap();
        let s = rate(&rule, 8, Some(38_000)).unwrap();
        assert!(
            s.explanation.contains("21.1 per 100,000"),
            "{}",
            s.explanation
        );
        assert!(rate(&rule, 7, Some(38_000)).is_none());
        // A small hamlet: 2 cases in 5,000 people is 40 per 100,000 but under the minimum.
        assert!(rate(&rule, 2, Some(5_000)).is_none());
        assert!(rate(&rule, 8, None).is_none(), "no population, no rate");
        assert!(Rule::new(RuleKind::Rate { per_100k: 0.0 }, 5, 7).is_err());
    }

    #[test]
    fn a_cluster_is_counted_in_one_village_within_the_days() {
        // Dengue, 5 cases in one ward within 14 days: onsets 9, 7, 5, 4, 2 and 1 days ago.
        let rule = Rule::new(RuleKind::Cluster { cases: 5, days: 14 }, 0, 7).unwrap();
        let today = d("2026-12-07");
        let onsets: Vec<_> = [9, 7, 5, 4, 2, 1]
            .iter()
            .map(|n| today - Duration::days(*n))
            .collect();
        assert_eq!(cluster(&rule, &onsets, today).unwrap().cases, 6);
        // Spread over a month, the same six are no cluster.
        let spread: Vec<_> = [29, 24, 19, 14, 9, 4]
            .iter()
            .map(|n| today - Duration::days(*n))
            .collect();
        assert!(cluster(&rule, &spread, today).is_none());
    }

    #[test]
    fn a_signal_is_quiet_for_its_days_and_rules_are_checked() {
        let rule = Rule::new(RuleKind::Fixed { threshold: 1 }, 0, 7).unwrap();
        assert!(quiet(&rule, Some(d("2026-12-01")), d("2026-12-07")));
        assert!(!quiet(&rule, Some(d("2026-11-30")), d("2026-12-07")));
        assert!(!quiet(&rule, None, d("2026-12-07")));
        assert!(Rule::new(
            RuleKind::BaselineMultiple {
                multiple: 1.0,
                years: 3,
                half_width: 1
            },
            3,
            7
        )
        .is_err());
        assert!(Rule::new(RuleKind::Cluster { cases: 1, days: 7 }, 0, 7).is_err());
        assert!(Rule::new(RuleKind::Fixed { threshold: 0 }, 0, 7).is_err());
    }
}
