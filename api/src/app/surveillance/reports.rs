//! What the cases add up to: the weekly table of places by condition (from the kept
//! counts, never from the cases) and the line list with names for surveillance officers.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::access::Reach;
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::surveillance::privacy::{shown, Shown};
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::surveillance::cases::{self as cases_repo, CaseFilter, CaseRecord};
use arogya_infra::repos::surveillance::{alerts as alerts_repo, conditions, counts};
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::TenantTx;
use std::collections::BTreeMap;
use uuid::Uuid;

/// One cell of the weekly table: a place (a child of the place asked for) and a
/// condition, over the weeks asked for.
#[derive(Debug, Clone)]
pub struct WeeklyCell {
    pub unit_id: Uuid,
    pub unit_name: String,
    pub condition_id: Uuid,
    pub condition_code: String,
    pub cases: Shown,
    pub confirmed: Shown,
    pub deaths: Shown,
    /// Cases per week, oldest first (the epidemic curve), as may be shown.
    pub by_week: Vec<(EpiWeek, Shown)>,
    /// The strongest alert of the condition in the place over the weeks: `true_signal`
    /// (an outbreak), `open` (to verify), or none. False signals do not colour a cell.
    pub alert: Option<&'static str>,
}

/// Cases per week, confirmed, deaths: one cell's sums while the table is built.
type Tally = (BTreeMap<i32, i64>, i64, i64);

/// The most weeks one table covers.
pub const MAX_WEEKS: i64 = 53;

pub(super) fn check_weeks(from: EpiWeek, to: EpiWeek) -> ApiResult<Vec<EpiWeek>> {
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    let mut weeks = vec![from];
    while *weeks.last().expect("one week at least") < to {
        if weeks.len() as i64 >= MAX_WEEKS {
            return Err(ApiError::validation(
                "to",
                "ask for at most 53 weeks at a time",
            ));
        }
        let next = weeks.last().expect("one week at least").plus(1);
        weeks.push(next);
    }
    Ok(weeks)
}

impl Surveillance<'_> {
    /// The place asked for, if in reach; none: the caller's whole reach.
    async fn place(
        &self,
        tx: &TenantTx,
        reach: &Reach,
        unit: Option<UnitId>,
    ) -> ApiResult<Option<UnitRecord>> {
        let Some(u) = unit else {
            return Ok(None);
        };
        let place = units::find(tx, u)
            .await?
            .filter(|p| reach.sees(&UnitPath::from_stored(p.path.clone())))
            .ok_or_else(|| {
                ApiError::from(arogya_domain::DomainError::NotFound { entity: "unit" })
            })?;
        Ok(Some(place))
    }

    /// Places by condition, for the weeks `from`..=`to`: the children of `unit` (or of the
    /// caller's reach), counts under five hidden where the caller may not see them.
    pub async fn weekly_table(
        &self,
        unit: Option<UnitId>,
        condition: Option<&str>,
        from: EpiWeek,
        to: EpiWeek,
    ) -> ApiResult<Vec<WeeklyCell>> {
        let reach = self.reach()?;
        let weeks = check_weeks(from, to)?;
        let tx = self.tx(Access::Read).await?;
        let place = self.place(&tx, &reach, unit).await?;
        // The rows of the table: the place's children, or the units the caller's reach
        // starts at (the tenant's roots' children for the whole tenant).
        let rows: Vec<UnitRecord> = match &place {
            Some(p) => units::children(&tx, Some(UnitId(p.id))).await?,
            None if reach.whole => {
                let roots = units::children(&tx, None).await?;
                let mut out = vec![];
                for r in &roots {
                    out.extend(units::children(&tx, Some(UnitId(r.id))).await?);
                }
                if out.is_empty() {
                    roots
                } else {
                    out
                }
            }
            None => {
                units::find_many(&tx, &reach.units.iter().map(|u| u.0).collect::<Vec<_>>()).await?
            }
        };
        // One condition (an epidemic curve) reads its own rows only.
        let only = match condition {
            Some(code) => Some(
                conditions::find_by_code(&tx, code)
                    .await?
                    .ok_or_else(|| {
                        ApiError::from(arogya_domain::DomainError::NotFound {
                            entity: "condition",
                        })
                    })?
                    .id,
            ),
            None => None,
        };
        // Each row's place keeps its own roll-up: one row per place, condition and week.
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let data = counts::in_places(&tx, &ids, only, from.key(), to.key()).await?;
        let names: BTreeMap<Uuid, String> = conditions::all(&tx)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        // (row, condition) -> (week -> cases), confirmed, deaths
        let mut cells: BTreeMap<(usize, Uuid), Tally> = BTreeMap::new();
        let row_of: std::collections::HashMap<Uuid, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for d in data {
            let Some(&i) = row_of.get(&d.unit_id) else {
                continue;
            };
            let e = cells.entry((i, d.condition_id)).or_default();
            *e.0.entry(d.epi_week).or_default() += d.cases;
            e.1 += d.confirmed;
            e.2 += d.deaths;
        }
        // The alerts of these weeks colour their cells: one raised in the row's place or
        // below it, or over it (a district's alert colours its blocks).
        let (first, last) = (from.monday(), to.sunday());
        let raised: Vec<_> =
            alerts_repo::list(&tx, place.as_ref().map(|p| p.path.as_str()), false, 2000)
                .await?
                .into_iter()
                .filter(|a| {
                    a.status != "false_signal" && a.window_to >= first && a.window_from <= last
                })
                .collect();
        let alert_of = |row: &UnitRecord, condition: Uuid| {
            let here = raised.iter().filter(|a| {
                a.condition_id == condition
                    && (a.unit_path.starts_with(&row.path) || row.path.starts_with(&a.unit_path))
            });
            let mut level = None;
            for a in here {
                if a.status == "true_signal" {
                    return Some("true_signal");
                }
                level = Some("open");
            }
            level
        };
        Ok(cells
            .into_iter()
            .filter(|(_, (w, c, d))| w.values().any(|n| *n != 0) || *c != 0 || *d != 0)
            .map(|((i, condition), (w, confirmed, deaths))| {
                let row = &rows[i];
                let exact = reach.sees_names(&UnitPath::from_stored(row.path.clone()));
                let total: i64 = w.values().sum();
                WeeklyCell {
                    unit_id: row.id,
                    unit_name: row.name.clone(),
                    condition_id: condition,
                    condition_code: names.get(&condition).cloned().unwrap_or_default(),
                    cases: shown(total, exact),
                    confirmed: shown(confirmed, exact),
                    deaths: shown(deaths, exact),
                    by_week: weeks
                        .iter()
                        .map(|wk| (*wk, shown(w.get(&wk.key()).copied().unwrap_or(0), exact)))
                        .collect(),
                    alert: alert_of(row, condition),
                }
            })
            .collect())
    }

    /// Every case with its fields, for surveillance officers in their reach; the read
    /// is audited.
    pub async fn line_list(
        &self,
        condition: Option<&str>,
        unit: Option<UnitId>,
        from: EpiWeek,
        to: EpiWeek,
    ) -> ApiResult<Vec<CaseRecord>> {
        let reach = self.reach()?;
        if !reach.officer_whole && reach.officer_units.is_empty() {
            return Err(ApiError::Forbidden(
                "line lists with names are for surveillance officers".into(),
            ));
        }
        check_weeks(from, to)?;
        let mut tx = self.tx(Access::Write).await?;
        let place = self.place(&tx, &reach, unit).await?;
        let under = place.as_ref().map(|p| p.path.clone());
        let condition_id = match condition {
            Some(code) => Some(
                conditions::find_by_code(&tx, code)
                    .await?
                    .ok_or_else(|| {
                        ApiError::validation(
                            "condition",
                            "no such notifiable condition in this tenant",
                        )
                    })?
                    .id,
            ),
            None => None,
        };
        let filter = CaseFilter {
            condition: condition_id,
            under,
            from_week: Some(from.key()),
            to_week: Some(to.key()),
        };
        let rows: Vec<CaseRecord> = cases_repo::list(&tx, &filter, 5000)
            .await?
            .into_iter()
            .filter(|c| reach.sees_names(&UnitPath::from_stored(c.unit_path.clone())))
            .collect();
        self.audit(
            &mut tx,
            AuditAction::SurveillanceLineList,
            "surveillance_case",
            None,
            serde_json::json!({ "condition": condition, "unitId": unit.map(|u| u.0), "from": from.to_string(), "to": to.to_string(), "rows": rows.len() }),
        )
        .await?;
        tx.commit().await?;
        Ok(rows)
    }
}
