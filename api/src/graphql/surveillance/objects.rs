//! Output types.

use super::id;
use crate::app::surveillance::alerts::AlertView;
use crate::app::surveillance::weekly_table::WeeklyCell;
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::surveillance::privacy::Shown;
use arogya_infra::repos::surveillance::cases::CaseRecord;
use arogya_infra::repos::surveillance::conditions::{self as repo, ConditionRecord};
use async_graphql::{Enum, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

/// IDSP's reporting levels.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum CaseLevel {
    /// Syndromic: reported by a health worker from signs and symptoms.
    S,
    /// Presumptive: diagnosed by a clinician.
    P,
    /// Laboratory confirmed.
    L,
}

pub struct NotifiableCondition(pub ConditionRecord);

#[Object]
impl NotifiableCondition {
    async fn id(&self) -> ID {
        id(self.0.id)
    }
    /// Stable short code (`DENGUE`).
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// ICD-10 codes or categories whose diagnosis makes a presumptive case.
    async fn icd10(&self) -> Vec<String> {
        repo::definition(&self.0).icd10
    }
    /// LOINC codes of tests whose positive result confirms a case.
    async fn loinc(&self) -> Vec<String> {
        repo::definition(&self.0).loinc
    }
    /// Case definition at level S.
    async fn syndromic(&self) -> &str {
        &self.0.syndromic
    }
    /// Case definition at level P.
    async fn presumptive(&self) -> &str {
        &self.0.presumptive
    }
    /// Case definition at level L.
    async fn confirmed(&self) -> &str {
        &self.0.confirmed
    }
    /// Diagnoses within this many days of a case's onset are the same episode.
    async fn episode_days(&self) -> i32 {
        self.0.episode_days
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

pub struct SurveillanceCase {
    pub case: CaseRecord,
    pub condition_code: String,
}

#[Object]
impl SurveillanceCase {
    async fn id(&self) -> ID {
        id(self.case.id)
    }
    async fn condition(&self) -> &str {
        &self.condition_code
    }
    async fn level(&self) -> CaseLevel {
        match self.case.level.as_str() {
            "l" => CaseLevel::L,
            "p" => CaseLevel::P,
            _ => CaseLevel::S,
        }
    }
    /// suspected, probable, confirmed or discarded.
    async fn classification(&self) -> &str {
        &self.case.classification
    }
    /// recovered, died or lost; null while under care.
    async fn outcome(&self) -> Option<&str> {
        self.case.outcome.as_deref()
    }
    async fn onset_date(&self) -> NaiveDate {
        self.case.onset_date
    }
    /// The onset's epidemiological week (`2026W49`).
    async fn epi_week(&self) -> String {
        EpiWeek::from_key(self.case.epi_week)
            .map(|w| w.to_string())
            .unwrap_or_default()
    }
    async fn reported_at(&self) -> DateTime<Utc> {
        self.case.reported_at
    }
    async fn unit_id(&self) -> ID {
        id(self.case.unit_id)
    }
    async fn village(&self) -> Option<&str> {
        self.case.village.as_deref()
    }
    async fn facility_id(&self) -> Option<ID> {
        self.case.facility_id.map(id)
    }
    /// The registered patient, when there is one.
    async fn patient_id(&self) -> Option<ID> {
        self.case.patient_id.map(id)
    }
    /// The name of a person reported from the field (registered patients: see their record).
    async fn name(&self) -> Option<&str> {
        self.case.name.as_deref()
    }
    async fn age_years(&self) -> Option<i32> {
        self.case.age_years
    }
    async fn sex(&self) -> &str {
        &self.case.sex
    }
    async fn symptoms(&self) -> Option<&str> {
        self.case.symptoms.as_deref()
    }
    /// Pass this back as `expectedVersion` to change the case.
    async fn version(&self) -> i32 {
        self.case.version
    }
}

/// A count as it may be shown: `shown` is the number, or "<5" where the caller may
/// not see small counts (then `exact` is null).
#[derive(SimpleObject, Clone)]
pub struct ShownCount {
    pub shown: String,
    pub exact: Option<i64>,
}

impl From<Shown> for ShownCount {
    fn from(s: Shown) -> Self {
        Self {
            shown: s.to_string(),
            exact: match s {
                Shown::Exact(n) => Some(n),
                Shown::FewerThanFive => None,
            },
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct WeekCount {
    /// `2026W49`.
    pub week: String,
    pub cases: ShownCount,
}

/// A place and a condition over the weeks asked for.
#[derive(SimpleObject, Clone)]
pub struct WeeklyCaseCell {
    pub unit_id: ID,
    pub unit_name: String,
    pub condition: String,
    pub cases: ShownCount,
    pub confirmed: ShownCount,
    pub deaths: ShownCount,
    /// Oldest week first: the epidemic curve.
    pub by_week: Vec<WeekCount>,
    /// The strongest alert of the condition in the place over the weeks: `true_signal`
    /// (an outbreak under investigation), `open` (to verify), or null.
    pub alert: Option<String>,
}

impl From<WeeklyCell> for WeeklyCaseCell {
    fn from(c: WeeklyCell) -> Self {
        Self {
            unit_id: id(c.unit_id),
            unit_name: c.unit_name,
            condition: c.condition_code,
            cases: c.cases.into(),
            confirmed: c.confirmed.into(),
            deaths: c.deaths.into(),
            by_week: c
                .by_week
                .into_iter()
                .map(|(w, n)| WeekCount {
                    week: w.to_string(),
                    cases: n.into(),
                })
                .collect(),
            alert: c.alert.map(str::to_owned),
        }
    }
}

/// A rule that fired for a condition in a place, with the numbers that made it fire.
pub struct SurveillanceAlert {
    pub view: AlertView,
    pub condition_code: String,
}

#[Object]
impl SurveillanceAlert {
    async fn id(&self) -> ID {
        id(self.view.alert.id)
    }
    async fn condition(&self) -> &str {
        &self.condition_code
    }
    /// The rule's key (`cluster-5-in-14-days`, `fixed-1-block`, `twice-baseline-block`, `mean-2sd-district`).
    async fn rule(&self) -> &str {
        &self.view.alert.rule_key
    }
    async fn unit_id(&self) -> ID {
        id(self.view.alert.unit_id)
    }
    async fn unit_name(&self) -> &str {
        &self.view.unit_name
    }
    /// The village or ward of a cluster.
    async fn village(&self) -> Option<&str> {
        self.view.alert.village.as_deref()
    }
    async fn window_from(&self) -> NaiveDate {
        self.view.alert.window_from
    }
    async fn window_to(&self) -> NaiveDate {
        self.view.alert.window_to
    }
    async fn cases(&self) -> i64 {
        self.view.alert.cases
    }
    /// The line the cases crossed (threshold, multiple of the baseline, mean + k SD).
    async fn line(&self) -> f64 {
        self.view.alert.line
    }
    /// Why it fired, in numbers.
    async fn explanation(&self) -> &str {
        &self.view.alert.explanation
    }
    /// open, true_signal or false_signal.
    async fn status(&self) -> &str {
        &self.view.alert.status
    }
    async fn raised_at(&self) -> DateTime<Utc> {
        self.view.alert.raised_at
    }
    async fn verified_at(&self) -> Option<DateTime<Utc>> {
        self.view.alert.verified_at
    }
    async fn verification_note(&self) -> Option<&str> {
        self.view.alert.verification_note.as_deref()
    }
    /// The outbreak investigation a true signal opened.
    async fn investigation_id(&self) -> Option<ID> {
        self.view.investigation_id.map(id)
    }
    async fn version(&self) -> i32 {
        self.view.alert.version
    }
}

/// A place, a condition's measure, or an age group and sex, mapped to DHIS2.
pub struct Dhis2Mapping(pub crate::app::surveillance::dhis2::MappingView);

#[Object]
impl Dhis2Mapping {
    async fn id(&self) -> ID {
        id(self.0.mapping.id)
    }
    /// ORG_UNIT, DATA_ELEMENT or CATEGORY.
    async fn kind(&self) -> super::inputs::Dhis2MappingKind {
        use super::inputs::Dhis2MappingKind as K;
        match self.0.mapping.kind.as_str() {
            "org_unit" => K::OrgUnit,
            "data_element" => K::DataElement,
            _ => K::Category,
        }
    }
    /// The unit's name, the condition's code and measure, or the age group and sex.
    async fn label(&self) -> &str {
        &self.0.label
    }
    async fn unit_id(&self) -> Option<ID> {
        self.0.mapping.unit_id.map(id)
    }
    async fn condition_id(&self) -> Option<ID> {
        self.0.mapping.condition_id.map(id)
    }
    async fn measure(&self) -> Option<&str> {
        self.0.mapping.measure.as_deref()
    }
    async fn age_group(&self) -> Option<&str> {
        self.0.mapping.age_group.as_deref()
    }
    async fn sex(&self) -> Option<&str> {
        self.0.mapping.sex.as_deref()
    }
    async fn dhis2_id(&self) -> &str {
        &self.0.mapping.dhis2_id
    }
    async fn version(&self) -> i32 {
        self.0.mapping.version
    }
    async fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.mapping.updated_at
    }
}

/// Cases left out of a DHIS2 export, and why.
#[derive(async_graphql::SimpleObject)]
pub struct Dhis2Skipped {
    /// place_not_mapped, condition_not_mapped or age_sex_not_mapped.
    pub reason: String,
    /// The condition's code, and the block for an unmapped place.
    pub label: String,
    pub cases: i64,
}

/// A week's counts as a DHIS2 `dataValueSets` payload (POST it to `/api/dataValueSets`).
pub struct Dhis2Export(pub crate::app::surveillance::dhis2::ExportView);

#[Object]
impl Dhis2Export {
    /// DHIS2's weekly period, `2026W49`.
    async fn period(&self) -> String {
        self.0.week.to_string()
    }
    /// The payload: `{ "dataValues": [{ dataElement, period, orgUnit, categoryOptionCombo?, value }] }`.
    async fn payload(&self) -> async_graphql::Json<serde_json::Value> {
        async_graphql::Json(self.0.payload_json())
    }
    async fn value_count(&self) -> i32 {
        self.0.export.payload.data_values.len() as i32
    }
    /// What could not be sent: map it and export again.
    async fn skipped(&self) -> Vec<Dhis2Skipped> {
        self.0
            .export
            .skipped
            .iter()
            .map(|s| Dhis2Skipped {
                reason: s.reason.as_str().to_owned(),
                label: self.0.skipped_label(s),
                cases: s.cases,
            })
            .collect()
    }
}
