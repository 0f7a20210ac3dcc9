//! What the dashboards return.

use crate::app::dashboards::emr_history::Change;
use crate::app::dashboards::emr_rollout::{Group, ListedFacility, Rollout, Tally};
use crate::app::import::ReadinessReport;
use crate::graphql::facilities::{EmrChecklistEntry, EmrItem, FacilityType};
use crate::graphql::import::ImportRowError;
use arogya_domain::facility::FacilityType as DomainType;
use arogya_infra::repos::dashboards::emr_changes;
use arogya_infra::repos::dashboards::emr_deadlines::DeadlineRecord;
use async_graphql::{Enum, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::dashboards::emr_rollout::RolloutStanding")]
pub enum RolloutStanding {
    Adopted,
    OnTrack,
    AtRisk,
    Overdue,
}

pub struct EmrDeadline(pub DeadlineRecord);

#[Object]
impl EmrDeadline {
    async fn deadline(&self) -> NaiveDate {
        self.0.deadline
    }
    /// Pass it back as `expectedVersion` to change the deadline.
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn set_at(&self) -> DateTime<Utc> {
        self.0.set_at
    }
}

/// Facilities not yet adopted that lack one checklist item.
#[derive(SimpleObject)]
pub struct LackingCount {
    pub item: EmrItem,
    pub facilities: i64,
}

/// Counts for a group of facilities.
#[derive(SimpleObject)]
pub struct RolloutTally {
    pub total: i64,
    pub adopted: i64,
    /// Adopted as a share of all, in per cent (one decimal); 0 when there are none.
    pub adopted_percent: f64,
    pub at_risk: i64,
    pub overdue: i64,
    pub lacking: Vec<LackingCount>,
}

fn tally(t: &Tally) -> RolloutTally {
    let percent = if t.total == 0 {
        0.0
    } else {
        (t.adopted as f64 * 1000.0 / t.total as f64).round() / 10.0
    };
    RolloutTally {
        total: t.total,
        adopted: t.adopted,
        adopted_percent: percent,
        at_risk: t.at_risk,
        overdue: t.overdue,
        lacking: t
            .lacking
            .iter()
            .map(|(item, n)| LackingCount {
                item: (*item).into(),
                facilities: *n,
            })
            .collect(),
    }
}

/// A district's (or a facility type's) roll-out.
pub struct RolloutGroup<'a>(&'a Group);

#[Object]
impl RolloutGroup<'_> {
    /// The district's id, or the facility type; none for facilities outside any district.
    async fn key(&self) -> Option<&str> {
        self.0.key.as_deref()
    }
    /// The district's name (empty outside any district), or the facility type's code.
    async fn label(&self) -> &str {
        &self.0.label
    }
    async fn tally(&self) -> RolloutTally {
        tally(&self.0.tally)
    }
}

/// One month of the trend: today's facilities, and how many of them had adopted
/// electronic records by the month's end.
#[derive(SimpleObject)]
pub struct RolloutMonth {
    /// "YYYY-MM".
    pub month: String,
    pub facilities: i64,
    pub adopted: i64,
}

pub struct RolloutFacility<'a>(&'a ListedFacility);

#[Object]
impl RolloutFacility<'_> {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn facility_type(&self) -> Option<FacilityType> {
        DomainType::parse(&self.0.facility_type)
            .ok()
            .map(Into::into)
    }
    async fn district(&self) -> Option<&str> {
        self.0.district.as_deref()
    }
    async fn standing(&self) -> RolloutStanding {
        self.0.standing.into()
    }
    async fn checklist(&self) -> Vec<EmrChecklistEntry> {
        self.0
            .checklist
            .iter()
            .map(|(item, status)| EmrChecklistEntry {
                item: (*item).into(),
                status: (*status).into(),
            })
            .collect()
    }
}

pub struct EmrRollout(pub Rollout);

#[Object]
impl EmrRollout {
    /// The day the standings are reckoned on (India's date).
    async fn today(&self) -> NaiveDate {
        self.0.today
    }
    async fn deadline(&self) -> Option<EmrDeadline> {
        self.0.deadline.clone().map(EmrDeadline)
    }
    async fn all(&self) -> RolloutTally {
        tally(&self.0.all)
    }
    /// Districts by name; facilities outside any district last.
    async fn by_district(&self) -> Vec<RolloutGroup<'_>> {
        self.0.by_district.iter().map(RolloutGroup).collect()
    }
    /// Facility types, the most numerous first.
    async fn by_type(&self) -> Vec<RolloutGroup<'_>> {
        self.0.by_type.iter().map(RolloutGroup).collect()
    }
    /// The last twelve months, this one (so far) last.
    async fn monthly(&self) -> Vec<RolloutMonth> {
        self.0
            .monthly
            .iter()
            .map(|(month, facilities, adopted)| RolloutMonth {
                month: month.clone(),
                facilities: *facilities,
                adopted: *adopted,
            })
            .collect()
    }
    /// Facilities not yet keeping electronic records: overdue first, then at risk,
    /// then on track, each by name; at most 500 (see `notAdopted` for how many).
    async fn facilities(&self) -> Vec<RolloutFacility<'_>> {
        self.0.facilities.iter().map(RolloutFacility).collect()
    }
    async fn not_adopted(&self) -> i32 {
        self.0.not_adopted as i32
    }
}

pub struct EmrReadinessChange(pub Change);

#[Object]
impl EmrReadinessChange {
    /// 1 for the facility's first row, one more for each change.
    async fn seq(&self) -> i32 {
        self.0.record.seq
    }
    async fn adopted(&self) -> bool {
        self.0.record.adopted
    }
    async fn adopted_on(&self) -> Option<NaiveDate> {
        self.0.record.adopted_on
    }
    async fn checklist(&self) -> Vec<EmrChecklistEntry> {
        let r = &self.0.record;
        emr_changes::readiness(r.adopted, r.adopted_on, &r.checklist)
            .checklist
            .into_iter()
            .map(|(item, status)| EmrChecklistEntry {
                item: item.into(),
                status: status.into(),
            })
            .collect()
    }
    /// registry (as it stood when tracking began), form, import or onboarding.
    async fn source(&self) -> &str {
        &self.0.record.source
    }
    /// Who made the change; none for the system.
    async fn changed_by(&self) -> Option<&str> {
        self.0.by.as_deref()
    }
    async fn changed_at(&self) -> DateTime<Utc> {
        self.0.record.changed_at
    }
}

/// What a readiness sheet did.
pub struct EmrReadinessImport(pub ReadinessReport);

#[Object]
impl EmrReadinessImport {
    /// Facilities whose readiness changed.
    async fn changed(&self) -> i32 {
        self.0.changed as i32
    }
    /// Valid rows that said what the registry already held.
    async fn unchanged(&self) -> i32 {
        self.0.unchanged as i32
    }
    /// Rows not applied: the invalid ones, or all of them when any was invalid and
    /// `skipInvalid` was false.
    async fn skipped(&self) -> i32 {
        self.0.skipped as i32
    }
    async fn errors(&self) -> Vec<ImportRowError> {
        self.0
            .errors
            .iter()
            .map(|e| ImportRowError {
                row: e.row as i32,
                column: e.column.clone(),
                message: e.message.clone(),
            })
            .collect()
    }
}

/// Someone who receives a place's monthly indicators report by e-mail.
pub struct ReportRecipient(pub crate::app::dashboards::reports::Recipient);

#[Object]
impl ReportRecipient {
    async fn id(&self) -> ID {
        self.0.record.id.into()
    }
    async fn email(&self) -> &str {
        &self.0.record.email
    }
    /// The place's name (empty for the whole tenant).
    async fn place(&self) -> &str {
        &self.0.place
    }
    async fn unit_id(&self) -> Option<ID> {
        self.0.record.unit_id.map(Into::into)
    }
    async fn facility_id(&self) -> Option<ID> {
        self.0.record.facility_id.map(Into::into)
    }
    async fn added_at(&self) -> DateTime<Utc> {
        self.0.record.added_at
    }
}
