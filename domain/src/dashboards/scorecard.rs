//! Hospital scorecards: the state's choice of indicators for a specialty, each with a
//! direction and a weight, and the one way every hospital is scored and ranked by it.
//! The method is written out in docs/DASHBOARDS.md; in short:
//!
//! 1. A hospital is ranked when its volume in the specialty (outpatient visits plus
//!    admissions over the period) reaches the scorecard's minimum; the others are
//!    listed as not ranked.
//! 2. Each indicator is scaled to 0–100 points among the ranked hospitals that have a
//!    value (min–max): the best value gets 100, the worst 0; when all are equal, all
//!    get 100. A hospital without a value (a rate with nothing to divide by) gets 0
//!    points for it, marked as missing.
//! 3. The score is the weighted mean of the points, to one decimal.
//! 4. Equal scores share a rank (1, 2, 2, 4); among them the larger volume is listed
//!    first, then the name.

use super::indicators::{Figures, MonthRange, MAX_MONTHS};
use super::measures::department_filter;
use crate::{DomainError, DomainResult};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

text_enum!(
    /// What a scorecard can weigh, each worked out from a hospital's counts in the
    /// specialty.
    ScoreIndicator, "indicator" {
    /// Outpatient visits.
    OpdVisits => "opd_visits",
    Admissions => "admissions",
    /// Deaths per 100 discharges.
    MortalityRate => "mortality_rate",
    /// Days in hospital per discharge.
    AverageLengthOfStay => "average_length_of_stay",
    /// Referrals out per 100 visits and discharges.
    ReferralRate => "referral_rate",
});

text_enum!(
    /// Whether a larger value of an indicator is better.
    Direction, "direction" {
    HigherIsBetter => "higher",
    LowerIsBetter => "lower",
});

impl ScoreIndicator {
    /// The indicator's value from a hospital's counts (`None`: nothing to divide by).
    pub fn value(self, f: &Figures) -> Option<f64> {
        match self {
            Self::OpdVisits => Some(f.opd_visits as f64),
            Self::Admissions => Some(f.admissions as f64),
            Self::MortalityRate => f.mortality_rate(),
            Self::AverageLengthOfStay => f.average_length_of_stay(),
            Self::ReferralRate => {
                let seen = f.opd_visits + f.discharges;
                (seen > 0)
                    .then(|| (f.referrals_out as f64 * 100.0 / seen as f64 * 10.0).round() / 10.0)
            }
        }
    }

    /// The direction a scorecard takes when it names none.
    pub fn usual_direction(self) -> Direction {
        match self {
            Self::OpdVisits | Self::Admissions => Direction::HigherIsBetter,
            _ => Direction::LowerIsBetter,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreItem {
    pub indicator: ScoreIndicator,
    pub direction: Direction,
    /// 1 to 100; only the weights' proportions matter.
    pub weight: u32,
}

/// A scorecard as the state defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardRules {
    pub name: String,
    /// A ward department: medicine, paediatrics, orthopaedics, …
    pub specialty: String,
    pub items: Vec<ScoreItem>,
    /// Visits plus admissions in the specialty over the period, below which a
    /// hospital is listed but not ranked.
    pub min_volume: i64,
    /// The facility types ranked (district hospitals, say).
    pub facility_types: Vec<String>,
}

pub const MAX_ITEMS: usize = 10;

impl ScorecardRules {
    pub fn parse(
        name: &str,
        specialty: &str,
        items: Vec<ScoreItem>,
        min_volume: i64,
        facility_types: Vec<String>,
    ) -> DomainResult<Self> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(DomainError::validation(
                "name",
                "give the scorecard a name of at most 120 characters",
            ));
        }
        let specialty = department_filter(specialty)?;
        if specialty == "other" || specialty == "unspecified" {
            return Err(DomainError::validation(
                "specialty",
                "a scorecard is for one ward department (medicine, paediatrics, …)",
            ));
        }
        if items.is_empty() || items.len() > MAX_ITEMS {
            return Err(DomainError::validation(
                "items",
                format!("choose between 1 and {MAX_ITEMS} indicators"),
            ));
        }
        for (i, item) in items.iter().enumerate() {
            if !(1..=100).contains(&item.weight) {
                return Err(DomainError::validation(
                    "items",
                    "each weight is a whole number from 1 to 100",
                ));
            }
            if items[..i].iter().any(|o| o.indicator == item.indicator) {
                return Err(DomainError::validation(
                    "items",
                    format!("{} is chosen twice", item.indicator.as_str()),
                ));
            }
        }
        if !(0..=1_000_000).contains(&min_volume) {
            return Err(DomainError::validation(
                "minVolume",
                "the minimum volume is from 0 to 1,000,000",
            ));
        }
        let mut types: Vec<String> = Vec::new();
        for t in facility_types {
            let t = crate::facility::FacilityType::parse(&t.trim().to_lowercase())
                .map_err(|_| {
                    DomainError::validation("facilityTypes", format!("unknown facility type {t}"))
                })?
                .as_str()
                .to_owned();
            if !types.contains(&t) {
                types.push(t);
            }
        }
        if types.is_empty() {
            return Err(DomainError::validation(
                "facilityTypes",
                "name at least one type of facility to rank",
            ));
        }
        Ok(Self {
            name: name.to_owned(),
            specialty,
            items,
            min_volume,
            facility_types: types,
        })
    }
}

/// A hospital's counts in the specialty over the period: what a ranking is made of,
/// and what an award round freezes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreInput {
    pub facility: Uuid,
    pub name: String,
    pub figures: Figures,
}

impl ScoreInput {
    pub fn volume(&self) -> i64 {
        self.figures.opd_visits + self.figures.admissions
    }
}

/// One indicator of a hospital's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorePart {
    pub indicator: ScoreIndicator,
    pub weight: u32,
    pub value: Option<f64>,
    /// 0–100 (0 when the value is missing).
    pub points: f64,
}

/// A hospital's place in a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub facility: Uuid,
    pub name: String,
    pub volume: i64,
    /// `None`: not ranked (volume below the minimum).
    pub rank: Option<u32>,
    pub score: Option<f64>,
    pub parts: Vec<ScorePart>,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Score and rank the hospitals by the scorecard: ranked ones first, best first.
pub fn rank(rules: &ScorecardRules, inputs: &[ScoreInput]) -> Vec<Standing> {
    let (ranked, unranked): (Vec<&ScoreInput>, Vec<&ScoreInput>) = inputs
        .iter()
        .partition(|i| i.volume() >= rules.min_volume.max(1));
    let total_weight: u32 = rules.items.iter().map(|i| i.weight).sum::<u32>().max(1);
    // Each indicator's range among the ranked hospitals that have a value.
    let ranges: Vec<Option<(f64, f64)>> = rules
        .items
        .iter()
        .map(|item| {
            ranked
                .iter()
                .filter_map(|h| item.indicator.value(&h.figures))
                .fold(None, |acc: Option<(f64, f64)>, v| match acc {
                    None => Some((v, v)),
                    Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
                })
        })
        .collect();
    let mut standings: Vec<Standing> = ranked
        .iter()
        .map(|h| {
            let parts: Vec<ScorePart> = rules
                .items
                .iter()
                .zip(&ranges)
                .map(|(item, range)| {
                    let value = item.indicator.value(&h.figures);
                    let points = match (value, range) {
                        (Some(v), Some((lo, hi))) if hi > lo => {
                            let share = match item.direction {
                                Direction::HigherIsBetter => (v - lo) / (hi - lo),
                                Direction::LowerIsBetter => (hi - v) / (hi - lo),
                            };
                            round1(100.0 * share)
                        }
                        (Some(_), _) => 100.0,
                        (None, _) => 0.0,
                    };
                    ScorePart {
                        indicator: item.indicator,
                        weight: item.weight,
                        value,
                        points,
                    }
                })
                .collect();
            let weighted: f64 = parts.iter().map(|p| p.points * p.weight as f64).sum();
            Standing {
                facility: h.facility,
                name: h.name.clone(),
                volume: h.volume(),
                rank: None,
                score: Some(round1(weighted / total_weight as f64)),
                parts,
            }
        })
        .collect();
    standings.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.volume.cmp(&a.volume))
            .then(a.name.cmp(&b.name))
    });
    let mut previous: Option<(f64, u32)> = None;
    for (i, s) in standings.iter_mut().enumerate() {
        let score = s.score.unwrap_or(0.0);
        let place = match previous {
            Some((p, r)) if p == score => r,
            _ => i as u32 + 1,
        };
        s.rank = Some(place);
        previous = Some((score, place));
    }
    let mut rest: Vec<Standing> = unranked
        .iter()
        .map(|h| Standing {
            facility: h.facility,
            name: h.name.clone(),
            volume: h.volume(),
            rank: None,
            score: None,
            parts: rules
                .items
                .iter()
                .map(|item| ScorePart {
                    indicator: item.indicator,
                    weight: item.weight,
                    value: item.indicator.value(&h.figures),
                    points: 0.0,
                })
                .collect(),
        })
        .collect();
    rest.sort_by(|a, b| b.volume.cmp(&a.volume).then(a.name.cmp(&b.name)));
    standings.extend(rest);
    standings
}

/// The months a scorecard covers, as the state set them: a financial year may still
/// be running (it is counted up to today) but cannot start in the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScorePeriod {
    /// First days of the first and the last month.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ScorePeriod {
    pub fn parse(from: &str, to: &str, today: NaiveDate) -> DomainResult<Self> {
        let month = |field: &str, s: &str| {
            NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
                .map_err(|_| DomainError::validation(field, "give a month as YYYY-MM"))
        };
        let (from, to) = (month("from", from)?, month("to", to)?);
        if to < from {
            return Err(DomainError::validation(
                "to",
                "the last month comes before the first",
            ));
        }
        if from > today.with_day(1).unwrap_or(today) {
            return Err(DomainError::validation(
                "from",
                "the period has not begun yet",
            ));
        }
        let p = Self { from, to };
        if p.months() > MAX_MONTHS {
            return Err(DomainError::validation(
                "from",
                format!("at most {MAX_MONTHS} months"),
            ));
        }
        Ok(p)
    }

    pub fn stored(from: NaiveDate, to: NaiveDate) -> Self {
        Self { from, to }
    }

    pub fn months(&self) -> u32 {
        ((self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32
            + 1)
        .max(1) as u32
    }

    /// The months counted so far (up to today for a period still running).
    pub fn so_far(&self, today: NaiveDate) -> MonthRange {
        let this_month = today.with_day(1).unwrap_or(today);
        let to = self.to.min(this_month).max(self.from);
        let until = if to == this_month {
            today
        } else {
            last_day(to)
        };
        MonthRange {
            from: self.from,
            to,
            until,
        }
    }

    /// The same months one period earlier (whole months), for the trend.
    pub fn previous(&self, today: NaiveDate) -> MonthRange {
        let now = self.so_far(today);
        let back = Months::new(self.months());
        let from = now.from.checked_sub_months(back).unwrap_or(now.from);
        let to = now.to.checked_sub_months(back).unwrap_or(now.to);
        MonthRange {
            from,
            to,
            until: last_day(to),
        }
    }
}

fn last_day(month: NaiveDate) -> NaiveDate {
    month
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(n: u128, name: &str, visits: i64, discharges: i64, deaths: i64) -> ScoreInput {
        ScoreInput {
            facility: Uuid::from_u128(n),
            name: name.into(),
            figures: Figures {
                opd_visits: visits,
                admissions: discharges,
                discharges,
                deaths,
                inpatient_days: discharges * 3,
                ..Default::default()
            },
        }
    }

    fn rules(min_volume: i64) -> ScorecardRules {
        ScorecardRules::parse(
            "Paediatrics",
            "Paediatrics",
            vec![
                ScoreItem {
                    indicator: ScoreIndicator::OpdVisits,
                    direction: Direction::HigherIsBetter,
                    weight: 1,
                },
                ScoreItem {
                    indicator: ScoreIndicator::MortalityRate,
                    direction: Direction::LowerIsBetter,
                    weight: 3,
                },
            ],
            min_volume,
            vec!["district_hospital".into()],
        )
        .unwrap()
    }

    #[test]
    fn scores_are_weighted_min_max_points_and_ties_share_a_rank() {
        let hospitals = [
            // 100 visits (max: 100 points), 2 deaths in 100 (best: 100 points) → 100.
            input(1, "A", 100, 100, 2),
            // 50 visits (0 points), 4 in 100 (worst: 0) → 0.
            input(2, "B", 50, 100, 4),
            // 75 visits (50 points), 3 in 100 (50 points) → 50; C and D tie.
            input(3, "C", 75, 100, 3),
            input(4, "D", 75, 100, 3),
            // Below the minimum volume of 40: listed, not ranked.
            input(5, "E", 10, 5, 0),
        ];
        let r = rank(&rules(40), &hospitals);
        let got: Vec<(&str, Option<u32>, Option<f64>)> = r
            .iter()
            .map(|s| (s.name.as_str(), s.rank, s.score))
            .collect();
        assert_eq!(
            got,
            vec![
                ("A", Some(1), Some(100.0)),
                ("C", Some(2), Some(50.0)),
                ("D", Some(2), Some(50.0)),
                ("B", Some(4), Some(0.0)),
                ("E", None, None),
            ]
        );
        assert_eq!(r[1].parts[1].value, Some(3.0));
        assert_eq!(r[1].parts[1].points, 50.0);
    }

    #[test]
    fn a_missing_rate_scores_nothing_and_equal_values_score_full() {
        // No discharges at B: its mortality rate is missing and scores 0.
        let hospitals = [input(1, "A", 60, 10, 1), input(2, "B", 60, 0, 0)];
        let r = rank(&rules(1), &hospitals);
        // Visits are equal: both get 100 for them. A's mortality is the only value: 100.
        assert_eq!(r[0].name, "A");
        assert_eq!(r[0].score, Some(100.0));
        assert_eq!(r[1].parts[1].value, None);
        assert_eq!(r[1].parts[1].points, 0.0);
        // (100 × 1 + 0 × 3) / 4 = 25.
        assert_eq!(r[1].score, Some(25.0));
    }

    #[test]
    fn rules_refuse_what_cannot_be_scored() {
        let item = |i, w| ScoreItem {
            indicator: i,
            direction: Direction::HigherIsBetter,
            weight: w,
        };
        let dh = || vec!["district_hospital".to_owned()];
        assert!(ScorecardRules::parse(
            "X",
            "other",
            vec![item(ScoreIndicator::OpdVisits, 1)],
            0,
            dh()
        )
        .is_err());
        assert!(ScorecardRules::parse("X", "medicine", vec![], 0, dh()).is_err());
        assert!(ScorecardRules::parse(
            "X",
            "medicine",
            vec![item(ScoreIndicator::OpdVisits, 0)],
            0,
            dh()
        )
        .is_err());
        assert!(ScorecardRules::parse(
            "X",
            "medicine",
            vec![
                item(ScoreIndicator::OpdVisits, 1),
                item(ScoreIndicator::OpdVisits, 2)
            ],
            0,
            dh()
        )
        .is_err());
        assert!(ScorecardRules::parse(
            "X",
            "medicine",
            vec![item(ScoreIndicator::OpdVisits, 1)],
            0,
            vec!["castle".into()]
        )
        .is_err());
        assert!(ScorecardRules::parse(
            " ",
            "medicine",
            vec![item(ScoreIndicator::OpdVisits, 1)],
            0,
            dh()
        )
        .is_err());
        let ok = ScorecardRules::parse(
            " Medicine ",
            "Medicine",
            vec![item(ScoreIndicator::OpdVisits, 1)],
            5,
            vec!["DISTRICT_HOSPITAL".into(), "district_hospital".into()],
        )
        .unwrap();
        assert_eq!(ok.name, "Medicine");
        assert_eq!(ok.specialty, "medicine");
        assert_eq!(ok.facility_types, vec!["district_hospital"]);
    }

    #[test]
    fn a_running_financial_year_counts_to_today_and_its_trend_is_a_year_before() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let fy = ScorePeriod::parse("2026-04", "2027-03", today).unwrap();
        assert_eq!(fy.months(), 12);
        let now = fy.so_far(today);
        assert_eq!(
            (
                now.from.to_string(),
                now.to.to_string(),
                now.until.to_string()
            ),
            (
                "2026-04-01".into(),
                "2026-12-01".into(),
                "2026-12-07".into()
            )
        );
        let before = fy.previous(today);
        assert_eq!(
            (before.from.to_string(), before.until.to_string()),
            ("2025-04-01".into(), "2025-12-31".into())
        );
        let q = ScorePeriod::parse("2026-07", "2026-09", today).unwrap();
        let before = q.previous(today);
        assert_eq!(
            (before.from.to_string(), before.until.to_string()),
            ("2026-04-01".into(), "2026-06-30".into())
        );
        assert!(ScorePeriod::parse("2027-01", "2027-03", today).is_err());
        assert!(ScorePeriod::parse("2026-05", "2026-04", today).is_err());
        assert!(ScorePeriod::parse("2023-01", "2026-04", today).is_err());
    }
}
