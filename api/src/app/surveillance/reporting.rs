//! Weekly reporting: facilities send their week (a nil report when they saw no case);
//! completeness and timeliness per place and week; and the weekly S, P and L forms of
//! a place, for print and spreadsheet.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::surveillance::case::{CaseLevel, AGE_GROUPS};
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::surveillance::privacy::{shown, Shown};
use arogya_domain::surveillance::reporting::{
    deadline, may_report_for, on_time, reportable, Tally,
};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities;
use arogya_infra::repos::surveillance::conditions;
use arogya_infra::repos::surveillance::reporting::{self as repo, ReportRecord};
use arogya_infra::repos::units::{self, UnitRecord};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// A facility's report of a week, as sent.
pub struct SentReport {
    pub report: ReportRecord,
    pub facility_name: String,
    pub on_time: bool,
}

/// How a reporting unit stands for a week.
pub struct UnitStanding {
    pub facility_id: Uuid,
    pub facility_name: String,
    pub unit_name: String,
    /// When it first sent the week; none: nothing sent.
    pub sent_at: Option<DateTime<Utc>>,
    pub on_time: bool,
    pub cases: Option<i64>,
}

/// One week's reporting under a place, with each unit's standing.
pub struct WeekReporting {
    pub week: EpiWeek,
    pub deadline: DateTime<Utc>,
    pub tally: Tally,
    pub units: Vec<UnitStanding>,
}

/// One line of a weekly form: a condition's cases by age group, total and deaths.
pub struct FormLine {
    pub condition_code: String,
    pub condition_name: String,
    pub by_age: Vec<Shown>,
    pub total: Shown,
    pub deaths: Shown,
}

/// A place's weekly form at one level, with the week's reporting.
pub struct WeeklyForm {
    pub place: String,
    pub week: EpiWeek,
    pub level: CaseLevel,
    pub lines: Vec<FormLine>,
    pub tally: Tally,
}

impl Surveillance<'_> {
    /// Send a facility's report of a week: its cases counted now (0 is a nil report).
    /// Sending again corrects it; the first sending decides timeliness.
    pub async fn send_weekly_report(
        &self,
        facility: FacilityId,
        week: EpiWeek,
        note: Option<String>,
    ) -> ApiResult<SentReport> {
        let now = Utc::now();
        reportable(week, now)?;
        let note = note
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty());
        if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
            return Err(ApiError::validation("note", "at most 500 characters"));
        }
        let mut tx = self.tx(Access::Write).await?;
        let f = facilities::find(&tx, facility)
            .await?
            .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "facility" }))?;
        if !may_report_for(
            self.principal,
            facility,
            &UnitPath::from_stored(f.unit_path.clone()),
        ) {
            return Err(ApiError::Forbidden(
                "a facility's week is sent by its staff or the place's surveillance officer".into(),
            ));
        }
        let by = Actor::from(self.principal).id().unwrap_or_default();
        let cases = repo::facility_cases(&tx, f.id, week.key()).await?;
        let saved = match repo::find(&tx, f.id, week.key()).await? {
            Some(old) => {
                if !repo::resend(&tx, old.id, old.version, cases, note.as_deref(), by, now).await? {
                    return Err(ApiError::Conflict(
                        "the week was sent by someone else at the same moment; reload it".into(),
                    ));
                }
                repo::find(&tx, f.id, week.key())
                    .await?
                    .ok_or(ApiError::Internal)?
            }
            None => {
                repo::insert(
                    &tx,
                    ReportRecord {
                        tenant_id: tx.tenant().0,
                        id: Uuid::now_v7(),
                        facility_id: f.id,
                        unit_path: f.unit_path.clone(),
                        epi_week: week.key(),
                        first_submitted_at: now,
                        last_submitted_at: now,
                        submitted_by: by,
                        cases,
                        note: note.clone(),
                        version: 1,
                    },
                )
                .await?
            }
        };
        self.audit(
            &mut tx,
            AuditAction::SurveillanceCase,
            "surveillance_weekly_report",
            Some(saved.id),
            serde_json::json!({ "facility": f.id, "week": week.to_string(), "cases": cases, "version": saved.version }),
        )
        .await?;
        tx.commit().await?;
        Ok(SentReport {
            on_time: on_time(week, saved.first_submitted_at),
            facility_name: f.name,
            report: saved,
        })
    }

    /// The facilities the caller sends weeks for, with how each stands for `week`.
    pub async fn my_reporting_units(&self, week: EpiWeek) -> ApiResult<Vec<UnitStanding>> {
        let tx = self.tx(Access::Read).await?;
        let mine: Vec<_> = repo::reporting_units(&tx, None)
            .await?
            .into_iter()
            .filter(|f| {
                may_report_for(
                    self.principal,
                    FacilityId(f.id),
                    &UnitPath::from_stored(f.unit_path.clone()),
                )
            })
            .take(500)
            .collect();
        let sent: HashMap<Uuid, ReportRecord> = repo::reports_in(&tx, None, week.key(), week.key())
            .await?
            .into_iter()
            .map(|r| (r.facility_id, r))
            .collect();
        let unit_ids: Vec<Uuid> = mine.iter().map(|f| f.unit_id).collect();
        let names: HashMap<Uuid, String> = units::find_many(&tx, &unit_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        Ok(mine
            .into_iter()
            .map(|f| {
                let r = sent.get(&f.id);
                UnitStanding {
                    facility_id: f.id,
                    facility_name: f.name,
                    unit_name: names.get(&f.unit_id).cloned().unwrap_or_default(),
                    sent_at: r.map(|r| r.first_submitted_at),
                    on_time: r.is_some_and(|r| on_time(week, r.first_submitted_at)),
                    cases: r.map(|r| r.cases),
                }
            })
            .collect())
    }

    /// The place asked for in reach (none: the whole reach, which must then be the tenant
    /// or one unit).
    async fn reporting_place(
        &self,
        tx: &arogya_infra::TenantTx,
        unit: Option<UnitId>,
    ) -> ApiResult<Option<UnitRecord>> {
        let reach = self.reach()?;
        match unit {
            Some(u) => Ok(Some(
                units::find(tx, u)
                    .await?
                    .filter(|p| reach.sees(&UnitPath::from_stored(p.path.clone())))
                    .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "unit" }))?,
            )),
            None if reach.whole => Ok(None),
            None => match reach.units.as_slice() {
                [one] => Ok(units::find(tx, *one).await?),
                _ => Err(ApiError::validation("unitId", "choose one of your places")),
            },
        }
    }

    /// Completeness and timeliness under a place for each week of `from..=to`, and each
    /// unit's standing.
    pub async fn reporting(
        &self,
        unit: Option<UnitId>,
        from: EpiWeek,
        to: EpiWeek,
    ) -> ApiResult<Vec<WeekReporting>> {
        let weeks = super::reports::check_weeks(from, to)?;
        let tx = self.tx(Access::Read).await?;
        let place = self.reporting_place(&tx, unit).await?;
        let under = place.as_ref().map(|p| p.path.as_str());
        let expected = repo::reporting_units(&tx, under).await?;
        let sent: HashMap<(Uuid, i32), ReportRecord> =
            repo::reports_in(&tx, under, from.key(), to.key())
                .await?
                .into_iter()
                .map(|r| ((r.facility_id, r.epi_week), r))
                .collect();
        let unit_ids: Vec<Uuid> = expected.iter().map(|f| f.unit_id).collect();
        let unit_names: HashMap<Uuid, String> = units::find_many(&tx, &unit_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        Ok(weeks
            .into_iter()
            .map(|week| {
                let mut tally = Tally {
                    expected: expected.len() as i64,
                    ..Tally::default()
                };
                let units = expected
                    .iter()
                    .map(|f| {
                        let r = sent.get(&(f.id, week.key()));
                        let timely = r.is_some_and(|r| on_time(week, r.first_submitted_at));
                        tally.reported += r.is_some() as i64;
                        tally.on_time += timely as i64;
                        UnitStanding {
                            facility_id: f.id,
                            facility_name: f.name.clone(),
                            unit_name: unit_names.get(&f.unit_id).cloned().unwrap_or_default(),
                            sent_at: r.map(|r| r.first_submitted_at),
                            on_time: timely,
                            cases: r.map(|r| r.cases),
                        }
                    })
                    .collect();
                WeekReporting {
                    week,
                    deadline: deadline(week),
                    tally,
                    units,
                }
            })
            .collect())
    }

    /// A place's weekly form at one level: each condition's cases that reached this
    /// level (and no higher) in the week, by age group, with deaths; counts under five
    /// hidden for callers who may not see them exactly there.
    pub async fn weekly_form(
        &self,
        unit: Option<UnitId>,
        week: EpiWeek,
        level: CaseLevel,
    ) -> ApiResult<WeeklyForm> {
        let reach = self.reach()?;
        let tx = self.tx(Access::Read).await?;
        let place = self.reporting_place(&tx, unit).await?;
        let (under, name) = match &place {
            Some(p) => (p.path.clone(), p.name.clone()),
            None => (String::new(), String::new()),
        };
        let exact = match &place {
            Some(p) => reach.sees_names(&UnitPath::from_stored(p.path.clone())),
            None => reach.officer_whole,
        };
        let counts = repo::form_counts(&tx, &under, week.key(), level.as_str()).await?;
        let mut by: BTreeMap<Uuid, (Vec<i64>, i64)> = BTreeMap::new();
        for c in counts {
            let e = by
                .entry(c.condition_id)
                .or_insert_with(|| (vec![0; AGE_GROUPS.len()], 0));
            let i = AGE_GROUPS
                .iter()
                .position(|a| *a == c.age_group)
                .unwrap_or(AGE_GROUPS.len() - 1);
            e.0[i] += c.cases;
            e.1 += c.deaths;
        }
        // Every active condition is a line, so a nil line reads as zero, not as missing.
        let lines = conditions::all(&tx)
            .await?
            .into_iter()
            .filter(|c| c.active || by.contains_key(&c.id))
            .map(|c| {
                let (ages, deaths) = by
                    .get(&c.id)
                    .cloned()
                    .unwrap_or((vec![0; AGE_GROUPS.len()], 0));
                FormLine {
                    total: shown(ages.iter().sum(), exact),
                    by_age: ages.iter().map(|n| shown(*n, exact)).collect(),
                    deaths: shown(deaths, exact),
                    condition_code: c.code,
                    condition_name: c.name,
                }
            })
            .collect();
        tx.commit().await?;
        let tally = self
            .reporting(place.as_ref().map(|p| UnitId(p.id)), week, week)
            .await?
            .pop()
            .map(|w| w.tally)
            .unwrap_or_default();
        Ok(WeeklyForm {
            place: if name.is_empty() {
                self.tenant_name().await?
            } else {
                name
            },
            week,
            level,
            lines,
            tally,
        })
    }

    async fn tenant_name(&self) -> ApiResult<String> {
        let t = self.tenant()?;
        Ok(self
            .state
            .tenants
            .get(t)
            .await?
            .map(|t| t.name.clone())
            .unwrap_or_default())
    }
}
