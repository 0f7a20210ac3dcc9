//! The indicators of a place (the caller's whole reach, a unit, or a facility) over a
//! run of months: the totals, month by month, by part (the units under it, or its
//! facilities), by department and, for a facility or a block, by age group and sex.
//! Read from the roll-ups, never from the records themselves.

use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::access::UnitReach;
use arogya_domain::dashboards::indicators::{Figures, MonthRange};
use arogya_domain::dashboards::measures::department_filter;
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::indicators::read::{self, FacilityBeds};
use arogya_infra::repos::indicators::recount;
use arogya_infra::repos::surveillance::rules::populations;
use arogya_infra::repos::{facilities, units};
use arogya_infra::TenantTx;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Which place the figures are of.
#[derive(Debug, Clone, Copy)]
pub enum PlaceRef {
    /// Everything the caller reaches.
    Reach,
    Unit(UnitId),
    Facility(FacilityId),
}

#[derive(Debug, Clone)]
pub struct Part {
    pub id: Uuid,
    pub name: String,
    /// "unit" or "facility".
    pub kind: &'static str,
    pub figures: Figures,
    /// Each month of the range (for a sparkline), every month present.
    pub months: Vec<(NaiveDate, Figures)>,
}

/// Counts of one part, month by month.
type PartMonths = BTreeMap<NaiveDate, Figures>;

/// A part's totals and months, with its beds and the range's days.
fn part(
    (id, name, kind): (Uuid, String, &'static str),
    counted: Option<&PartMonths>,
    beds: i64,
    range: &MonthRange,
) -> Part {
    let mut figures = Figures {
        beds,
        days: range.days(),
        ..Default::default()
    };
    let months = range
        .months()
        .into_iter()
        .map(|(m, days)| {
            let mut f = counted.and_then(|c| c.get(&m)).copied().unwrap_or_default();
            figures.absorb(&f);
            f.beds = beds;
            f.days = days;
            (m, f)
        })
        .collect();
    Part {
        id,
        name,
        kind,
        figures,
        months,
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub place_name: String,
    pub range: MonthRange,
    pub department: Option<String>,
    pub totals: Figures,
    pub months: Vec<(NaiveDate, Figures)>,
    pub parts: Vec<Part>,
    pub departments: Vec<(String, Figures)>,
    /// (age group, sex, figures); empty above a block (too many facilities to sum).
    pub groups: Vec<(String, String, Figures)>,
    /// When the counts from other modules' records were last recounted (they lag by
    /// up to the recount interval); `None` before the first recount.
    pub recounted_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When these figures were worked out from the roll-ups (kept a few seconds).
    pub as_of: chrono::DateTime<chrono::Utc>,
}

/// The people living in a unit in a year: its own figure, else its children's summed.
fn population_of(known: &HashMap<Uuid, i64>, unit: Uuid, children: &[Uuid]) -> i64 {
    known
        .get(&unit)
        .copied()
        .unwrap_or_else(|| children.iter().filter_map(|c| known.get(c)).sum())
}

/// The place resolved: a name, the units whose months are its figures (or the
/// facility), and its facilities with their beds (each facility, or — when asked for
/// beds only and units lie under the place — the beds summed per unit path, a few
/// hundred rows where a state has thousands of facilities).
pub(super) struct Resolved {
    pub(super) name: String,
    /// A unit's stored path (none for a facility or the whole tenant).
    pub(super) path: Option<String>,
    units: Vec<Uuid>,
    facility: Option<Uuid>,
    children: Vec<(Uuid, String, String)>,
    pub(super) facilities: Vec<FacilityBeds>,
}

/// What a use case needs of the place's facilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Facilities {
    /// Each facility (its id and name).
    Each,
    /// Only beds by place: summed per unit path when units lie under the place.
    BedsOnly,
}

fn beds_under(facilities: &[FacilityBeds], path: Option<&str>) -> i64 {
    facilities
        .iter()
        .filter(|f| path.is_none_or(|p| f.unit_path.starts_with(p)))
        .map(|f| f.beds)
        .sum()
}

impl Dashboards<'_> {
    pub(super) async fn resolve(
        &self,
        tx: &TenantTx,
        reach: &UnitReach,
        place: PlaceRef,
        need: Facilities,
    ) -> ApiResult<Resolved> {
        let not_found = |what: &str| ApiError::NotFound(format!("{what} not found"));
        match place {
            PlaceRef::Facility(id) => {
                let f = facilities::find(tx, id)
                    .await?
                    .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
                    .ok_or_else(|| not_found("facility"))?;
                let facilities = vec![FacilityBeds {
                    id: f.id,
                    name: f.name.clone(),
                    unit_path: f.unit_path.clone(),
                    beds: facilities::total_beds(&f),
                }];
                Ok(Resolved {
                    path: None,
                    name: f.name,
                    units: vec![],
                    facility: Some(f.id),
                    children: vec![],
                    facilities,
                })
            }
            PlaceRef::Unit(id) => {
                let u = units::find(tx, id)
                    .await?
                    .filter(|u| reach.allows(&UnitPath::from(u)))
                    .ok_or_else(|| not_found("unit"))?;
                self.unit_place(tx, u, need).await
            }
            PlaceRef::Reach => match reach {
                UnitReach::Subtrees(roots) => {
                    let first = roots.first().copied().ok_or_else(|| not_found("unit"))?;
                    let u = units::find(tx, first)
                        .await?
                        .ok_or_else(|| not_found("unit"))?;
                    self.unit_place(tx, u, need).await
                }
                UnitReach::Whole => {
                    let roots = units::children(tx, None).await?;
                    let name = match roots.as_slice() {
                        [only] => only.name.clone(),
                        _ => String::new(),
                    };
                    // One root (a state): its districts are the parts.
                    let children = match roots.as_slice() {
                        [only] => units::children(tx, Some(UnitId(only.id))).await?,
                        _ => roots.clone(),
                    };
                    let facilities = match need {
                        Facilities::BedsOnly if !children.is_empty() => {
                            read::beds_by_unit_path(tx, None).await?
                        }
                        _ => read::facilities_with_beds(tx, None).await?,
                    };
                    Ok(Resolved {
                        path: None,
                        name,
                        units: roots.iter().map(|u| u.id).collect(),
                        facility: None,
                        children: children
                            .into_iter()
                            .map(|c| (c.id, c.name, c.path))
                            .collect(),
                        facilities,
                    })
                }
            },
        }
    }

    async fn unit_place(
        &self,
        tx: &TenantTx,
        u: units::UnitRecord,
        need: Facilities,
    ) -> ApiResult<Resolved> {
        let children = units::children(tx, Some(UnitId(u.id))).await?;
        let facilities = match need {
            Facilities::BedsOnly if !children.is_empty() => {
                read::beds_by_unit_path(tx, Some(&u.path)).await?
            }
            _ => read::facilities_with_beds(tx, Some(&u.path)).await?,
        };
        Ok(Resolved {
            path: Some(u.path.clone()),
            facilities,
            name: u.name,
            units: vec![u.id],
            facility: None,
            children: children
                .into_iter()
                .map(|c| (c.id, c.name, c.path))
                .collect(),
        })
    }

    /// The figures of a place over the months `from`..`to` ("YYYY-MM"), optionally of
    /// one department. A place out of reach is not found. Kept a few seconds per
    /// question and reach (`answers`).
    pub async fn indicators(
        &self,
        place: PlaceRef,
        from: &str,
        to: &str,
        department: Option<&str>,
    ) -> ApiResult<Report> {
        let range = MonthRange::parse(from, to, today())?;
        let department = department.map(department_filter).transpose()?;
        let reach = self.principal.registry_read_reach();
        let question = format!("{reach:?}|{place:?}|{range:?}|{department:?}");
        let work = self.work_out(place, range, department, reach);
        let answer = super::answers::answer(
            &self.state.indicator_answers,
            self.answer_ttl(),
            self.tenant()?,
            question,
            work,
        )
        .await?;
        Ok((*answer).clone())
    }

    async fn work_out(
        &self,
        place: PlaceRef,
        range: MonthRange,
        department: Option<String>,
        reach: UnitReach,
    ) -> ApiResult<Report> {
        let tx = self.tx(Access::Read).await?;
        let place = self
            .resolve(&tx, &reach, place, Facilities::BedsOnly)
            .await?;
        let all_beds = beds_under(&place.facilities, None);
        let mut months: BTreeMap<NaiveDate, Figures> = range
            .months()
            .into_iter()
            .map(|(m, days)| {
                (
                    m,
                    Figures {
                        beds: all_beds,
                        days,
                        ..Default::default()
                    },
                )
            })
            .collect();
        let mut parts = Vec::new();
        let mut departments: BTreeMap<String, Figures> = BTreeMap::new();
        let mut groups = Vec::new();
        let blank = |beds: i64| Figures {
            beds,
            days: range.days(),
            ..Default::default()
        };
        let facility_level = place.facility.is_some() || place.children.is_empty();
        // A unit's own figures are its months, which also hold what is counted at the
        // unit rather than at a facility (registrations, surveys, calls).
        let unit_totals = place.facility.is_none();
        if facility_level {
            // A facility, or a unit with no units under it: its facilities' days.
            let ids: Vec<Uuid> = place.facilities.iter().map(|f| f.id).collect();
            let rows = read::facility_days(&tx, &ids, range.from, range.until).await?;
            let mut by_facility: HashMap<Uuid, PartMonths> = HashMap::new();
            for r in &rows {
                if !unit_totals {
                    departments
                        .entry(r.department.clone())
                        .or_insert_with(|| blank(all_beds))
                        .add(&r.measure, r.value);
                }
                if department.as_deref().is_some_and(|d| d != r.department) {
                    continue;
                }
                let month = read::month_of(r.day);
                if !unit_totals {
                    if let Some(f) = months.get_mut(&month) {
                        f.add(&r.measure, r.value);
                    }
                }
                by_facility
                    .entry(r.facility_id)
                    .or_default()
                    .entry(month)
                    .or_default()
                    .add(&r.measure, r.value);
            }
            if place.facility.is_none() {
                for f in &place.facilities {
                    let who = (f.id, f.name.clone(), "facility");
                    parts.push(part(who, by_facility.get(&f.id), f.beds, &range));
                }
            }
            for g in read::by_age_and_sex(
                &tx,
                Some(&ids),
                department.as_deref(),
                range.from,
                range.until,
            )
            .await?
            {
                groups.push((g.age_group, g.sex, g.measure, g.value));
            }
        }
        if unit_totals {
            for r in read::unit_months(
                &tx,
                &place.units,
                range.from,
                range.to,
                department.as_deref(),
            )
            .await?
            {
                if let Some(f) = months.get_mut(&r.month) {
                    f.add(&r.measure, r.value);
                }
            }
            for r in read::unit_departments(&tx, &place.units, range.from, range.to).await? {
                departments
                    .entry(r.department)
                    .or_insert_with(|| blank(all_beds))
                    .add(&r.measure, r.value);
            }
        }
        let child_ids: Vec<Uuid> = place.children.iter().map(|c| c.0).collect();
        if !facility_level {
            let mut by_child: HashMap<Uuid, PartMonths> = HashMap::new();
            for r in read::unit_months(&tx, &child_ids, range.from, range.to, department.as_deref())
                .await?
            {
                by_child
                    .entry(r.unit_id)
                    .or_default()
                    .entry(r.month)
                    .or_default()
                    .add(&r.measure, r.value);
            }
            for (id, name, path) in &place.children {
                let beds = beds_under(&place.facilities, Some(path));
                parts.push(part(
                    (*id, name.clone(), "unit"),
                    by_child.get(id),
                    beds,
                    &range,
                ));
            }
        }
        let year = chrono::Datelike::year(&range.until);
        let known: HashMap<Uuid, i64> = populations(&tx, year)
            .await?
            .into_iter()
            .map(|p| (p.unit_id, p.population))
            .collect();
        let recounted_at = recount::last(&tx).await?.and_then(|r| r.recent_at);
        tx.commit().await?;
        // The survey coverage's denominator, for a unit and for each unit under it.
        let population = match place.facility {
            Some(_) => 0,
            None => place
                .units
                .iter()
                .map(|u| population_of(&known, *u, &child_ids))
                .sum(),
        };
        for f in months.values_mut() {
            f.population = population;
        }
        for f in departments.values_mut() {
            f.population = population;
        }
        for p in parts.iter_mut().filter(|p| p.kind == "unit") {
            let own = known.get(&p.id).copied().unwrap_or(0);
            p.figures.population = own;
            for (_, f) in p.months.iter_mut() {
                f.population = own;
            }
        }
        let mut totals = blank(all_beds);
        totals.population = population;
        for f in months.values() {
            totals.absorb(f);
        }
        let mut by_group: BTreeMap<(String, String), Figures> = BTreeMap::new();
        for (age, sex, measure, value) in groups {
            by_group
                .entry((age, sex))
                .or_insert_with(|| blank(all_beds))
                .add(&measure, value);
        }
        Ok(Report {
            place_name: place.name,
            range,
            department,
            totals,
            months: months.into_iter().collect(),
            parts,
            departments: departments.into_iter().collect(),
            groups: by_group.into_iter().map(|((a, s), f)| (a, s, f)).collect(),
            recounted_at,
            as_of: chrono::Utc::now(),
        })
    }
}
