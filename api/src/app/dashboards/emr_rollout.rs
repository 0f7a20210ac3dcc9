//! Where the EMR roll-out stands within the caller's reach: how many facilities keep
//! electronic records, month by month; by district and by type; which facilities lack
//! what and which are at risk of missing the tenant's deadline.

use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::dashboards::emr_rollout::{
    adoption_by_month, month_ends, EmrDeadline, FacilityReadiness, RolloutStanding,
};
use arogya_domain::facility::{EmrItem, FacilityType, ReadinessStatus};
use arogya_domain::ids::UnitId;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::dashboards::emr_changes::{self, ReadinessRow};
use arogya_infra::repos::dashboards::emr_deadlines::{self, DeadlineRecord};
use arogya_infra::repos::units;
use chrono::NaiveDate;
use std::collections::HashMap;
use uuid::Uuid;

/// Months the trend goes back, this one included.
pub const TREND_MONTHS: u32 = 12;
/// Facilities listed at most (the worst first); the counts cover all of them.
pub const LISTED_AT_MOST: usize = 500;

/// Counts for one group of facilities (a district, a type, or all of them).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub total: i64,
    pub adopted: i64,
    pub at_risk: i64,
    pub overdue: i64,
    /// Facilities not yet adopted that lack each item, in the checklist's order.
    pub lacking: Vec<(EmrItem, i64)>,
}

impl Tally {
    fn add(&mut self, r: &FacilityReadiness, standing: RolloutStanding) {
        if self.lacking.is_empty() {
            self.lacking = EmrItem::ALL.iter().map(|i| (*i, 0)).collect();
        }
        self.total += 1;
        match standing {
            RolloutStanding::Adopted => self.adopted += 1,
            RolloutStanding::AtRisk => self.at_risk += 1,
            RolloutStanding::Overdue => self.overdue += 1,
            RolloutStanding::OnTrack => {}
        }
        if !r.adopted {
            for item in r.lacking() {
                if let Some(slot) = self.lacking.iter_mut().find(|(i, _)| *i == item) {
                    slot.1 += 1;
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    /// A district's id or a facility type; none for facilities outside any district.
    pub key: Option<String>,
    pub label: String,
    pub tally: Tally,
}

#[derive(Debug, Clone)]
pub struct ListedFacility {
    pub id: Uuid,
    pub name: String,
    pub facility_type: String,
    pub district: Option<String>,
    pub standing: RolloutStanding,
    pub checklist: Vec<(EmrItem, ReadinessStatus)>,
}

#[derive(Debug, Clone)]
pub struct Rollout {
    pub today: NaiveDate,
    pub deadline: Option<DeadlineRecord>,
    pub all: Tally,
    pub by_district: Vec<Group>,
    pub by_type: Vec<Group>,
    /// (month "YYYY-MM", today's facilities, of those adopted by the month's end).
    pub monthly: Vec<(String, i64, i64)>,
    /// Facilities not yet adopted, overdue first, then at risk, then by name.
    pub facilities: Vec<ListedFacility>,
    pub not_adopted: usize,
}

/// How bad a standing is, for ordering the list (worst first).
fn severity(s: RolloutStanding) -> u8 {
    match s {
        RolloutStanding::Overdue => 0,
        RolloutStanding::AtRisk => 1,
        RolloutStanding::OnTrack => 2,
        RolloutStanding::Adopted => 3,
    }
}

impl Dashboards<'_> {
    /// The roll-out within the caller's reach, narrowed to a district (or any unit)
    /// and a facility type when asked. A unit out of reach is not found.
    pub async fn emr_rollout(
        &self,
        under: Option<UnitId>,
        facility_type: Option<FacilityType>,
    ) -> ApiResult<Rollout> {
        let reach = self.principal.registry_read_reach();
        let tx = self.tx(Access::Read).await?;
        let under_path = match under {
            None => None,
            Some(id) => Some(
                units::find(&tx, id)
                    .await?
                    .filter(|u| reach.allows(&UnitPath::from(u)))
                    .ok_or_else(|| ApiError::NotFound("unit not found".into()))?
                    .path,
            ),
        };
        let rows = emr_changes::readiness_rows(
            &tx,
            &reach,
            under_path.as_deref(),
            facility_type.map(|t| t.as_str()),
        )
        .await?;
        let deadline = emr_deadlines::current(&tx).await?;
        let mut district_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.district_id).collect();
        district_ids.sort();
        district_ids.dedup();
        let districts: HashMap<Uuid, String> = units::find_many(&tx, &district_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        tx.commit().await?;
        Ok(summarise(&rows, deadline, &districts, today()))
    }
}

fn summarise(
    rows: &[ReadinessRow],
    deadline: Option<DeadlineRecord>,
    districts: &HashMap<Uuid, String>,
    today: NaiveDate,
) -> Rollout {
    let due = deadline.as_ref().map(|d| EmrDeadline::stored(d.deadline));
    let mut all = Tally::default();
    let mut by_district: HashMap<Option<Uuid>, Tally> = HashMap::new();
    let mut by_type: HashMap<String, Tally> = HashMap::new();
    let mut listed = Vec::new();
    let mut dates = Vec::with_capacity(rows.len());
    for row in rows {
        let r = emr_changes::readiness(row.emr_adopted, row.emr_adopted_on, &row.emr_checklist);
        let standing = r.standing(due, today);
        all.add(&r, standing);
        by_district
            .entry(row.district_id)
            .or_default()
            .add(&r, standing);
        by_type
            .entry(row.facility_type.clone())
            .or_default()
            .add(&r, standing);
        dates.push(if row.emr_adopted {
            row.emr_adopted_on
        } else {
            None
        });
        if standing != RolloutStanding::Adopted {
            listed.push(ListedFacility {
                id: row.id,
                name: row.name.clone(),
                facility_type: row.facility_type.clone(),
                district: row.district_id.and_then(|d| districts.get(&d).cloned()),
                standing,
                checklist: r.checklist,
            });
        }
    }
    // The list is in name order already; a stable sort keeps it within a standing.
    listed.sort_by_key(|f| severity(f.standing));
    let not_adopted = listed.len();
    listed.truncate(LISTED_AT_MOST);
    let mut by_district: Vec<Group> = by_district
        .into_iter()
        .map(|(id, tally)| Group {
            key: id.map(|i| i.to_string()),
            label: id
                .and_then(|i| districts.get(&i).cloned())
                .unwrap_or_default(),
            tally,
        })
        .collect();
    // Districts by name; facilities outside any district last.
    by_district.sort_by(|a, b| (a.key.is_none(), &a.label).cmp(&(b.key.is_none(), &b.label)));
    let mut by_type: Vec<Group> = by_type
        .into_iter()
        .map(|(t, tally)| Group {
            label: t.clone(),
            key: Some(t),
            tally,
        })
        .collect();
    by_type.sort_by(|a, b| {
        b.tally
            .total
            .cmp(&a.tally.total)
            .then(a.label.cmp(&b.label))
    });
    Rollout {
        today,
        monthly: adoption_by_month(&dates, &month_ends(today, TREND_MONTHS)),
        deadline,
        all,
        by_district,
        by_type,
        facilities: listed,
        not_adopted,
    }
}
