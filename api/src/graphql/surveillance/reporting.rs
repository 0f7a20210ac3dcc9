//! Weekly reporting over GraphQL: a facility's week sent, completeness and timeliness,
//! and the weekly forms.

use super::id;
use crate::app::surveillance::reporting::{SentReport, WeekReporting, WeeklyForm};
use arogya_domain::surveillance::case::{CaseLevel, AGE_GROUPS};
use arogya_domain::surveillance::epi_week::EpiWeek;
use async_graphql::{Enum, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

/// IDSP's reporting levels, for the weekly forms.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum ReportingLevel {
    /// Syndromic, by health workers.
    S,
    /// Presumptive, by clinicians.
    P,
    /// Laboratory confirmed.
    L,
}

impl From<ReportingLevel> for CaseLevel {
    fn from(l: ReportingLevel) -> Self {
        match l {
            ReportingLevel::S => CaseLevel::Syndromic,
            ReportingLevel::P => CaseLevel::Presumptive,
            ReportingLevel::L => CaseLevel::Laboratory,
        }
    }
}

/// A facility's week, as sent.
pub struct WeeklyReportSent(pub SentReport);

#[Object]
impl WeeklyReportSent {
    async fn facility_id(&self) -> ID {
        id(self.0.report.facility_id)
    }
    async fn facility_name(&self) -> &str {
        &self.0.facility_name
    }
    async fn week(&self) -> String {
        EpiWeek::from_key(self.0.report.epi_week)
            .map(|w| w.to_string())
            .unwrap_or_default()
    }
    /// The first sending (it decides timeliness).
    async fn first_sent_at(&self) -> DateTime<Utc> {
        self.0.report.first_submitted_at
    }
    async fn last_sent_at(&self) -> DateTime<Utc> {
        self.0.report.last_submitted_at
    }
    /// The facility's cases of the week when sent.
    async fn cases(&self) -> i64 {
        self.0.report.cases
    }
    /// No case this week: a nil report.
    async fn nil_report(&self) -> bool {
        self.0.report.cases == 0
    }
    async fn on_time(&self) -> bool {
        self.0.on_time
    }
    async fn version(&self) -> i32 {
        self.0.report.version
    }
}

/// How a reporting unit stands for the week.
#[derive(SimpleObject)]
pub struct ReportingUnitStanding {
    pub facility_id: ID,
    pub facility_name: String,
    pub unit_name: String,
    /// When it first sent the week; null: nothing sent.
    pub sent_at: Option<DateTime<Utc>>,
    pub on_time: bool,
    pub cases: Option<i64>,
}

impl From<&crate::app::surveillance::reporting::UnitStanding> for ReportingUnitStanding {
    fn from(u: &crate::app::surveillance::reporting::UnitStanding) -> Self {
        Self {
            facility_id: id(u.facility_id),
            facility_name: u.facility_name.clone(),
            unit_name: u.unit_name.clone(),
            sent_at: u.sent_at,
            on_time: u.on_time,
            cases: u.cases,
        }
    }
}

/// Completeness and timeliness of a week's reporting under a place.
pub struct ReportingWeek(pub WeekReporting);

#[Object]
impl ReportingWeek {
    async fn week(&self) -> String {
        self.0.week.to_string()
    }
    /// Reports after this (the end of the Monday after the week, IST) are late.
    async fn deadline(&self) -> DateTime<Utc> {
        self.0.deadline
    }
    /// Operational facilities under the place.
    async fn expected(&self) -> i64 {
        self.0.tally.expected
    }
    async fn reported(&self) -> i64 {
        self.0.tally.reported
    }
    async fn on_time(&self) -> i64 {
        self.0.tally.on_time
    }
    /// Per cent of the expected that reported; null when none is expected.
    async fn completeness(&self) -> Option<i64> {
        self.0.tally.completeness()
    }
    async fn timeliness(&self) -> Option<i64> {
        self.0.tally.timeliness()
    }
    /// Each unit: sent on time, late, or nothing.
    async fn units(&self) -> Vec<ReportingUnitStanding> {
        self.0.units.iter().map(Into::into).collect()
    }
}

#[derive(SimpleObject)]
pub struct WeeklyFormLine {
    pub condition: String,
    pub condition_name: String,
    /// Cases per age group, in the order of `ageGroups` ("<5" where hidden).
    pub by_age: Vec<String>,
    pub total: String,
    pub deaths: String,
}

/// A place's weekly S, P or L form.
pub struct WeeklyFormView(pub WeeklyForm);

#[Object]
impl WeeklyFormView {
    async fn place(&self) -> &str {
        &self.0.place
    }
    async fn week(&self) -> String {
        self.0.week.to_string()
    }
    async fn level(&self) -> &str {
        match self.0.level {
            CaseLevel::Syndromic => "S",
            CaseLevel::Presumptive => "P",
            CaseLevel::Laboratory => "L",
        }
    }
    async fn age_groups(&self) -> Vec<&'static str> {
        AGE_GROUPS.to_vec()
    }
    async fn lines(&self) -> Vec<WeeklyFormLine> {
        self.0
            .lines
            .iter()
            .map(|l| WeeklyFormLine {
                condition: l.condition_code.clone(),
                condition_name: l.condition_name.clone(),
                by_age: l.by_age.iter().map(|s| s.to_string()).collect(),
                total: l.total.to_string(),
                deaths: l.deaths.to_string(),
            })
            .collect()
    }
    async fn expected(&self) -> i64 {
        self.0.tally.expected
    }
    async fn reported(&self) -> i64 {
        self.0.tally.reported
    }
    async fn on_time(&self) -> i64 {
        self.0.tally.on_time
    }
}
