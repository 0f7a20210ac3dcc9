//! Scorecards, rankings and award rounds over GraphQL.

use super::indicator_objects::IndicatorFigures;
use crate::app::dashboards::awards::{CertificateCheck, Round};
use crate::app::dashboards::scorecards::{Ranked, Ranking, Scorecard};
use crate::graphql::facilities::FacilityType;
use arogya_domain::dashboards::indicators::Figures;
use arogya_domain::dashboards::scorecard::{ScorePart, Standing};
use arogya_domain::facility::FacilityType as DomainType;
use async_graphql::{Enum, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::dashboards::scorecard::ScoreIndicator")]
pub enum ScoreIndicator {
    /// Outpatient visits in the specialty.
    OpdVisits,
    Admissions,
    /// Deaths per 100 discharges.
    MortalityRate,
    /// Days in hospital per discharge.
    AverageLengthOfStay,
    /// Referrals out per 100 visits and discharges.
    ReferralRate,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::dashboards::scorecard::Direction")]
pub enum ScoreDirection {
    HigherIsBetter,
    LowerIsBetter,
}

fn month(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

#[derive(SimpleObject)]
pub struct ScoreItemView {
    pub indicator: ScoreIndicator,
    pub direction: ScoreDirection,
    pub weight: u32,
}

pub struct ScorecardView(pub Scorecard);

#[Object(name = "Scorecard")]
impl ScorecardView {
    async fn id(&self) -> ID {
        self.0.record.id.into()
    }
    /// Pass it back as `expectedVersion` to change the scorecard or freeze a round.
    async fn version(&self) -> i32 {
        self.0.record.version
    }
    async fn name(&self) -> &str {
        &self.0.rules.name
    }
    /// A ward department (medicine, paediatrics, …).
    async fn specialty(&self) -> &str {
        &self.0.rules.specialty
    }
    async fn items(&self) -> Vec<ScoreItemView> {
        items_of(&self.0.rules)
    }
    /// Visits plus admissions in the specialty below which a hospital is not ranked.
    async fn min_volume(&self) -> i64 {
        self.0.rules.min_volume
    }
    async fn facility_types(&self) -> Vec<FacilityType> {
        facility_types(&self.0.rules.facility_types)
    }
    /// First and last month, "YYYY-MM".
    async fn from(&self) -> String {
        month(self.0.record.from_month)
    }
    async fn to(&self) -> String {
        month(self.0.record.to_month)
    }
    async fn saved_at(&self) -> DateTime<Utc> {
        self.0.record.saved_at
    }
}

/// A scorecard's indicators with their direction and weight.
fn items_of(rules: &arogya_domain::dashboards::scorecard::ScorecardRules) -> Vec<ScoreItemView> {
    rules
        .items
        .iter()
        .map(|i| ScoreItemView {
            indicator: i.indicator.into(),
            direction: i.direction.into(),
            weight: i.weight,
        })
        .collect()
}

fn facility_types(types: &[String]) -> Vec<FacilityType> {
    types
        .iter()
        .filter_map(|t| DomainType::parse(t).ok())
        .map(Into::into)
        .collect()
}

// Plain fields, built once: a ranking lists a thousand hospitals with five of these
// each, and plain objects resolve with the least work.
/// One indicator of a hospital's score.
#[derive(SimpleObject)]
#[graphql(name = "ScorePart")]
pub struct ScorePartView {
    pub indicator: ScoreIndicator,
    pub weight: u32,
    /// None: nothing to divide by (it then scores 0 points).
    pub value: Option<f64>,
    /// 0 to 100 among the ranked hospitals.
    pub points: f64,
}

impl From<&ScorePart> for ScorePartView {
    fn from(p: &ScorePart) -> Self {
        Self {
            indicator: p.indicator.into(),
            weight: p.weight,
            value: p.value,
            points: p.points,
        }
    }
}

/// A hospital's place in a ranking.
#[derive(SimpleObject)]
pub struct HospitalStanding {
    pub facility_id: ID,
    pub name: String,
    pub district: Option<String>,
    /// Visits plus admissions in the specialty.
    pub volume: i64,
    /// None: not ranked (volume below the minimum). Equal scores share a rank.
    pub rank: Option<u32>,
    /// 0 to 100: the weighted mean of the parts' points.
    pub score: Option<f64>,
    pub parts: Vec<ScorePartView>,
    /// The counts in the specialty the score was worked out from.
    pub counts: IndicatorFigures,
    /// The score and rank over the same months one period before.
    pub previous_score: Option<f64>,
    pub previous_rank: Option<u32>,
}

impl HospitalStanding {
    /// A standing with its counts, district and trend (none for a frozen round's).
    fn new(
        s: &Standing,
        figures: Figures,
        district: Option<String>,
        previous: (Option<f64>, Option<u32>),
    ) -> Self {
        Self {
            facility_id: s.facility.into(),
            name: s.name.clone(),
            district,
            volume: s.volume,
            rank: s.rank,
            score: s.score,
            parts: s.parts.iter().map(Into::into).collect(),
            counts: IndicatorFigures(figures),
            previous_score: previous.0,
            previous_rank: previous.1,
        }
    }
}

impl From<&Ranked> for HospitalStanding {
    fn from(r: &Ranked) -> Self {
        Self::new(
            &r.standing,
            r.figures,
            r.district.clone(),
            (r.previous_score, r.previous_rank),
        )
    }
}

pub struct ScorecardRanking(pub std::sync::Arc<Ranking>);

#[Object]
impl ScorecardRanking {
    async fn scorecard(&self) -> ScorecardView {
        ScorecardView(self.0.scorecard.clone())
    }
    /// The months counted: the scorecard's period up to today.
    async fn from(&self) -> String {
        month(self.0.range.from)
    }
    async fn to(&self) -> String {
        month(self.0.range.to)
    }
    /// The last day counted.
    async fn until(&self) -> NaiveDate {
        self.0.range.until
    }
    /// The months the trend compares with.
    async fn previous_from(&self) -> String {
        month(self.0.previous.from)
    }
    async fn previous_to(&self) -> String {
        month(self.0.previous.to)
    }
    /// Ranked hospitals best first, then those not ranked.
    async fn hospitals(&self) -> Vec<HospitalStanding> {
        self.0.hospitals.iter().map(Into::into).collect()
    }
}

#[derive(SimpleObject)]
pub struct AwardWinner {
    pub facility_id: ID,
    pub name: String,
    /// 1 for first place.
    pub place: i32,
    pub score: Option<f64>,
    pub rank: Option<i32>,
    /// The printable certificate (PDF, signed in by the same token as the API).
    pub certificate_url: String,
}

pub struct AwardRound(pub Round);

#[Object]
impl AwardRound {
    async fn id(&self) -> ID {
        self.0.record.id.into()
    }
    /// Pass it back as `expectedVersion` to record the decision.
    async fn version(&self) -> i32 {
        self.0.record.version
    }
    async fn title(&self) -> &str {
        &self.0.record.title
    }
    async fn scorecard_id(&self) -> ID {
        self.0.record.scorecard_id.into()
    }
    async fn scorecard_version(&self) -> i32 {
        self.0.record.scorecard_version
    }
    async fn scorecard_name(&self) -> &str {
        &self.0.rules.name
    }
    async fn specialty(&self) -> &str {
        &self.0.rules.specialty
    }
    async fn items(&self) -> Vec<ScoreItemView> {
        items_of(&self.0.rules)
    }
    async fn min_volume(&self) -> i64 {
        self.0.rules.min_volume
    }
    /// The months frozen, "YYYY-MM".
    async fn from(&self) -> String {
        month(self.0.record.from_month)
    }
    async fn to(&self) -> String {
        month(self.0.record.to_month)
    }
    async fn frozen_at(&self) -> DateTime<Utc> {
        self.0.record.frozen_at
    }
    async fn frozen_by(&self) -> Option<&str> {
        self.0.frozen_by.as_deref()
    }
    /// The ranking as frozen, with the counts it was worked out from: never
    /// recomputed.
    async fn result(&self) -> Vec<HospitalStanding> {
        self.0
            .result
            .iter()
            .map(|s| {
                let figures = self
                    .0
                    .inputs
                    .iter()
                    .find(|i| i.facility == s.facility)
                    .map(|i| i.figures)
                    .unwrap_or_default();
                HospitalStanding::new(s, figures, None, (None, None))
            })
            .collect()
    }
    async fn decided(&self) -> bool {
        self.0.record.decided_at.is_some()
    }
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.record.decided_at
    }
    async fn decided_by(&self) -> Option<&str> {
        self.0.decided_by.as_deref()
    }
    async fn decision_note(&self) -> Option<&str> {
        self.0.record.decision_note.as_deref()
    }
    async fn winners(&self) -> Vec<AwardWinner> {
        self.0
            .winners
            .iter()
            .map(|w| AwardWinner {
                facility_id: w.facility_id.into(),
                name: self.0.name_of(w.facility_id),
                place: w.place,
                score: w.score,
                rank: w.rank,
                certificate_url: format!(
                    "/awards/{}/certificates/{}.pdf",
                    w.round_id, w.facility_id
                ),
            })
            .collect()
    }
}

pub struct CertificateVerification(pub CertificateCheck);

#[Object]
impl CertificateVerification {
    async fn signature_valid(&self) -> bool {
        self.0.signature_valid
    }
    /// Whether this tenant lists the award (none for another tenant's certificate).
    async fn on_record(&self) -> Option<bool> {
        self.0.on_record
    }
    async fn message(&self) -> &str {
        &self.0.message
    }
    async fn tenant_code(&self) -> Option<&str> {
        self.0.claims.as_ref().map(|c| c.tnt.as_str())
    }
    async fn title(&self) -> Option<&str> {
        self.0.claims.as_ref().map(|c| c.title.as_str())
    }
    async fn facility_name(&self) -> Option<&str> {
        self.0.claims.as_ref().map(|c| c.fac.as_str())
    }
    async fn place(&self) -> Option<u32> {
        self.0.claims.as_ref().map(|c| c.place)
    }
}
