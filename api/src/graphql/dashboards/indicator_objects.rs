//! The indicators over GraphQL: the counts of a place and period with their rates.

use crate::app::dashboards::indicators::{Part, Report};
use arogya_domain::dashboards::indicators::Figures;
use async_graphql::{Object, SimpleObject, ID};

/// Counts of a place over a period, and the rates worked out from them (none where
/// the denominator is nought). Definitions in docs/DASHBOARDS.md.
pub struct IndicatorFigures(pub Figures);

#[Object]
impl IndicatorFigures {
    /// Outpatient, emergency and teleconsultation visits begun.
    async fn opd_visits(&self) -> i64 {
        self.0.opd_visits
    }
    async fn admissions(&self) -> i64 {
        self.0.admissions
    }
    /// Stays ended, however they ended (deaths included).
    async fn discharges(&self) -> i64 {
        self.0.discharges
    }
    async fn deaths(&self) -> i64 {
        self.0.deaths
    }
    /// Days in hospital of the stays ended in the period.
    async fn inpatient_days(&self) -> i64 {
        self.0.inpatient_days
    }
    /// Visits and stays ended by referral elsewhere.
    async fn referrals_out(&self) -> i64 {
        self.0.referrals_out
    }
    /// Lab results written.
    async fn lab_tests(&self) -> i64 {
        self.0.lab_tests
    }
    /// Hours from a lab order to its result, on average over the results that answer
    /// an order.
    async fn lab_turnaround_hours(&self) -> Option<f64> {
        self.0.lab_turnaround_hours()
    }
    /// Prescriptions written.
    async fn prescriptions(&self) -> i64 {
        self.0.prescriptions
    }
    /// Prescriptions per outpatient visit.
    async fn prescriptions_per_visit(&self) -> Option<f64> {
        self.0.prescriptions_per_visit()
    }
    /// Patients registered (counted at their unit).
    async fn registrations(&self) -> i64 {
        self.0.registrations
    }
    /// E-health cards issued, replacements included.
    async fn cards_issued(&self) -> i64 {
        self.0.cards_issued
    }
    /// Households enrolled by a household survey.
    async fn households_surveyed(&self) -> i64 {
        self.0.households_surveyed
    }
    /// People listed in the households surveyed.
    async fn people_surveyed(&self) -> i64 {
        self.0.people_surveyed
    }
    /// People living in the place (the surveillance population of the period's last
    /// year); 0 when not known.
    async fn population(&self) -> i64 {
        self.0.population
    }
    /// People listed by household surveys per 100 people living in the place.
    async fn survey_coverage(&self) -> Option<f64> {
        self.0.survey_coverage()
    }
    /// Helpline calls received.
    async fn helpline_calls(&self) -> i64 {
        self.0.helpline_calls
    }
    /// Calls answered, or whose first-response target has passed.
    async fn helpline_due(&self) -> i64 {
        self.0.helpline_due
    }
    /// Calls answered within their first-response target.
    async fn helpline_in_target(&self) -> i64 {
        self.0.helpline_in_target
    }
    /// Calls answered within target per 100 calls due (the SLA compliance).
    async fn helpline_in_target_rate(&self) -> Option<f64> {
        self.0.helpline_in_target_rate()
    }
    /// Professionals verified (and still verified), at their current posting.
    async fn professionals_verified(&self) -> i64 {
        self.0.professionals_verified
    }
    /// Notifiable cases reported, not discarded.
    async fn notifiable_cases(&self) -> i64 {
        self.0.notifiable_cases
    }
    /// Stock-outs: times a store ran out of an item.
    async fn stock_outs(&self) -> i64 {
        self.0.stock_outs
    }
    /// Days the usable oxygen held would last at the day's use, on average over the
    /// facility-days reported.
    async fn oxygen_days_of_cover(&self) -> Option<f64> {
        self.0.oxygen_days_of_cover()
    }
    /// Beds of the place's facilities (the registry's counts today).
    async fn beds(&self) -> i64 {
        self.0.beds
    }
    /// Days of the period counted (to today for a month still running).
    async fn days(&self) -> i64 {
        self.0.days
    }
    /// Deaths per 100 discharges.
    async fn mortality_rate(&self) -> Option<f64> {
        self.0.mortality_rate()
    }
    /// Inpatient days per discharge.
    async fn average_length_of_stay(&self) -> Option<f64> {
        self.0.average_length_of_stay()
    }
    /// Inpatient days per 100 bed-days (beds × days).
    async fn bed_occupancy_rate(&self) -> Option<f64> {
        self.0.bed_occupancy_rate()
    }
    /// Discharges per bed.
    async fn bed_turnover(&self) -> Option<f64> {
        self.0.bed_turnover()
    }
}

pub struct IndicatorMonth(pub (chrono::NaiveDate, Figures));

#[Object]
impl IndicatorMonth {
    /// "YYYY-MM".
    async fn month(&self) -> String {
        self.0 .0.format("%Y-%m").to_string()
    }
    async fn figures(&self) -> IndicatorFigures {
        IndicatorFigures(self.0 .1)
    }
}

/// A unit under the place, or one of its facilities.
pub struct IndicatorPart(pub Part);

#[Object]
impl IndicatorPart {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// "unit" or "facility".
    async fn kind(&self) -> &str {
        self.0.kind
    }
    async fn figures(&self) -> IndicatorFigures {
        IndicatorFigures(self.0.figures)
    }
    /// Every month of the range, for a sparkline.
    async fn months(&self) -> Vec<IndicatorMonth> {
        self.0.months.iter().cloned().map(IndicatorMonth).collect()
    }
}

#[derive(SimpleObject)]
pub struct IndicatorGroup {
    /// 0-4, 5-14, 15-44, 45-64, 65+ or unknown.
    pub age_group: String,
    /// male, female, other or unknown.
    pub sex: String,
    pub figures: IndicatorFigures,
}

#[derive(SimpleObject)]
pub struct IndicatorDepartment {
    /// A ward department (medicine, surgery, paediatrics, …), other or unspecified.
    pub department: String,
    pub figures: IndicatorFigures,
}

pub struct IndicatorReport(pub Report);

#[Object]
impl IndicatorReport {
    /// The place's name (empty for a tenant of several top-level units).
    async fn place_name(&self) -> &str {
        &self.0.place_name
    }
    async fn from(&self) -> String {
        self.0.range.from.format("%Y-%m").to_string()
    }
    async fn to(&self) -> String {
        self.0.range.to.format("%Y-%m").to_string()
    }
    /// The department the figures are of; none for all.
    async fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }
    /// When registrations, cards, surveys, calls, verifications, cases, stock-outs
    /// and oxygen were last recounted from their records (they lag by up to the
    /// recount interval); null before the first recount.
    async fn recounted_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.recounted_at
    }
    /// When these figures were worked out from the roll-ups: a place's figures are
    /// kept a few seconds (`indicator_cache_secs`) for the many who read them.
    async fn as_of(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.as_of
    }
    async fn totals(&self) -> IndicatorFigures {
        IndicatorFigures(self.0.totals)
    }
    async fn months(&self) -> Vec<IndicatorMonth> {
        self.0.months.iter().cloned().map(IndicatorMonth).collect()
    }
    /// The units under the place (districts of a state, blocks of a district…), or
    /// the facilities of a place with no units under it.
    async fn parts(&self) -> Vec<IndicatorPart> {
        self.0.parts.iter().cloned().map(IndicatorPart).collect()
    }
    /// By department, all departments of the period (whatever `department` is).
    async fn departments(&self) -> Vec<IndicatorDepartment> {
        self.0
            .departments
            .iter()
            .map(|(d, f)| IndicatorDepartment {
                department: d.clone(),
                figures: IndicatorFigures(*f),
            })
            .collect()
    }
    /// By age group and sex: for a facility, or a unit with no units under it.
    async fn groups(&self) -> Vec<IndicatorGroup> {
        self.0
            .groups
            .iter()
            .map(|(a, s, f)| IndicatorGroup {
                age_group: a.clone(),
                sex: s.clone(),
                figures: IndicatorFigures(*f),
            })
            .collect()
    }
}

#[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::dashboards::measures::Measure")]
pub enum IndicatorMeasure {
    OpdVisits,
    Admissions,
    Discharges,
    Deaths,
    InpatientDays,
    ReferralsOut,
    LabTests,
    LabTimed,
    LabTurnaroundMinutes,
    Prescriptions,
    Registrations,
    CardsIssued,
    HouseholdsSurveyed,
    PeopleSurveyed,
    HelplineCalls,
    HelplineDue,
    HelplineInTarget,
    ProfessionalsVerified,
    NotifiableCases,
    StockOuts,
    OxygenUsableLitres,
    OxygenDailyUseLitres,
}

/// One record behind a number.
#[derive(SimpleObject)]
pub struct IndicatorRow {
    /// VISIT, STAY, LAB_RESULT or PRESCRIPTION; for numbers counted from other
    /// modules' records REGISTRATION, CARD, HOUSEHOLD, CALL, VERIFICATION, CASE,
    /// STOCK_OUT or OXYGEN_DAY.
    pub kind: String,
    pub record_id: ID,
    /// The facility the record is counted at (none for what is counted at a unit).
    pub facility_name: Option<String>,
    pub health_id: Option<String>,
    pub patient_name: Option<String>,
    /// How an unidentified patient was described.
    pub unidentified: Option<String>,
    /// What the record is when it is not a patient's: a household's address, a call's
    /// category and status, a professional's or a case's name, a stock-out's message,
    /// the facility of an oxygen day.
    pub label: Option<String>,
    pub day: chrono::NaiveDate,
    pub department: String,
    /// What it counts (1, or days in hospital, or minutes of turnaround).
    pub value: i64,
}

/// The records behind a place's number over months.
pub struct IndicatorRows(pub crate::app::dashboards::rows::RowsBehind);

#[Object]
impl IndicatorRows {
    /// The place's name (a facility's, a unit's).
    async fn place_name(&self) -> &str {
        &self.0.place
    }
    #[graphql(deprecation = "the place may be a unit: use placeName")]
    async fn facility_name(&self) -> &str {
        &self.0.place
    }
    async fn from(&self) -> chrono::NaiveDate {
        self.0.range.from
    }
    async fn until(&self) -> chrono::NaiveDate {
        self.0.range.until
    }
    /// All the records found (at most 500 are listed).
    async fn total(&self) -> usize {
        self.0.total
    }
    /// The sum of their values: the number on screen.
    async fn sum(&self) -> i64 {
        self.0.sum
    }
    async fn rows(&self) -> Vec<IndicatorRow> {
        self.0
            .rows
            .iter()
            .map(|r| IndicatorRow {
                kind: r.kind.to_uppercase(),
                record_id: r.record.into(),
                facility_name: r.facility.and_then(|f| self.0.facilities.get(&f).cloned()),
                health_id: r.patient.as_ref().map(|p| p.health_id.clone()),
                patient_name: r.patient.as_ref().map(|p| match &p.family_name {
                    Some(f) => format!("{} {f}", p.given_name),
                    None => p.given_name.clone(),
                }),
                unidentified: r.unidentified.clone(),
                label: r.label.clone(),
                day: r.day,
                department: r.department.clone(),
                value: r.value,
            })
            .collect()
    }
}

/// A place's figures day by day or week by week.
pub struct IndicatorDays(pub crate::app::dashboards::indicator_days::DaySeries);

#[Object]
impl IndicatorDays {
    async fn place_name(&self) -> &str {
        &self.0.place_name
    }
    async fn from(&self) -> chrono::NaiveDate {
        self.0.range.from
    }
    async fn to(&self) -> chrono::NaiveDate {
        self.0.range.to
    }
    async fn weekly(&self) -> bool {
        self.0.weekly
    }
    async fn points(&self) -> Vec<IndicatorDay> {
        self.0.points.iter().map(|p| IndicatorDay(*p)).collect()
    }
}

pub struct IndicatorDay(pub (chrono::NaiveDate, Figures));

#[Object]
impl IndicatorDay {
    /// The day, or the first day of the week within the range.
    async fn day(&self) -> chrono::NaiveDate {
        self.0 .0
    }
    async fn figures(&self) -> IndicatorFigures {
        IndicatorFigures(self.0 .1)
    }
}
