//! The weekly table of places by condition, from the kept roll-ups (never from the
//! cases): one row per place shown, week and condition. Worked out once per tenant and
//! question and kept a minute (`app::answer_cache`): a state's table is watched by many
//! and changes only with its tenant's cases (whose writes forget it) and alerts (whose
//! verification forgets it). What each caller may see (counts under five) is applied
//! per request.

use super::reports::check_weeks;
use super::Surveillance;
use crate::app::answer_cache::AnswerCache;
use crate::error::{ApiError, ApiResult};
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::surveillance::privacy::{shown, Shown};
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::surveillance::alerts::AlertRecord;
use arogya_infra::repos::surveillance::{alerts as alerts_repo, conditions, counts};
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::TenantTx;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;
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

/// A cell's exact sums: cases per week, confirmed, deaths.
struct Counted {
    row: usize,
    condition: Uuid,
    code: String,
    weeks: BTreeMap<i32, i64>,
    confirmed: i64,
    deaths: i64,
    alert: Option<&'static str>,
}

/// A cell's sums while the table is worked out: cases per week, confirmed, deaths.
type Sums = (BTreeMap<i32, i64>, i64, i64);

/// A table worked out, before what the caller may see is applied.
pub struct TableAnswer {
    /// The path of the place asked for (none: the caller's reach), checked against
    /// each caller's reach before the answer is served.
    place_path: Option<String>,
    rows: Vec<UnitRecord>,
    cells: Vec<Counted>,
}

pub type TableCache = AnswerCache<TableAnswer>;

/// The strongest alert among `raised` of `condition` in the row's place, below it or
/// over it (a district's alert colours its blocks).
fn alert_of(raised: &[AlertRecord], row: &UnitRecord, condition: Uuid) -> Option<&'static str> {
    let mut level = None;
    for a in raised.iter().filter(|a| {
        a.condition_id == condition
            && (a.unit_path.starts_with(&row.path) || row.path.starts_with(&a.unit_path))
    }) {
        if a.status == "true_signal" {
            return Some("true_signal");
        }
        level = Some("open");
    }
    level
}

impl Surveillance<'_> {
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
        let tenant = self.tenant()?;
        // The rows depend on the place, or, for none, on the caller's reach.
        let mut scope: Vec<Uuid> = reach.units.iter().map(|u| u.0).collect();
        scope.sort();
        let question = match unit {
            Some(u) => format!("place {}|{condition:?}|{from}|{to}", u.0),
            None => format!("reach {}:{scope:?}|{condition:?}|{from}|{to}", reach.whole),
        };
        let cache = &self.state.surveillance_table;
        // Served from memory without a round trip to the database: the place's path
        // kept with the answer is checked against this caller's reach.
        let answer = match cache.get(tenant, &question) {
            Some(a) => a,
            None => {
                // Wait for whoever is working this question out before taking a
                // connection, so that a burst of viewers does not hold the pool.
                let _flight = cache.flight(tenant, &question).await;
                match cache.get(tenant, &question) {
                    Some(a) => a,
                    None => {
                        let began = Instant::now();
                        let tx = self.tx(Access::Read).await?;
                        let place = self.place(&tx, &reach, unit).await?;
                        let a = Arc::new(
                            self.work_out(
                                &tx,
                                place.as_ref(),
                                &scope,
                                reach.whole,
                                condition,
                                from,
                                to,
                            )
                            .await?,
                        );
                        tx.commit().await?;
                        cache.keep(tenant, question, Arc::clone(&a), HashSet::new(), began);
                        a
                    }
                }
            }
        };
        if let Some(path) = &answer.place_path {
            if !reach.sees(&UnitPath::from_stored(path.clone())) {
                return Err(arogya_domain::DomainError::NotFound { entity: "unit" }.into());
            }
        }
        Ok(answer
            .cells
            .iter()
            .map(|c| {
                let row = &answer.rows[c.row];
                let exact = reach.sees_names(&UnitPath::from_stored(row.path.clone()));
                WeeklyCell {
                    unit_id: row.id,
                    unit_name: row.name.clone(),
                    condition_id: c.condition,
                    condition_code: c.code.clone(),
                    cases: shown(c.weeks.values().sum(), exact),
                    confirmed: shown(c.confirmed, exact),
                    deaths: shown(c.deaths, exact),
                    by_week: weeks
                        .iter()
                        .map(|wk| {
                            (
                                *wk,
                                shown(c.weeks.get(&wk.key()).copied().unwrap_or(0), exact),
                            )
                        })
                        .collect(),
                    alert: c.alert,
                }
            })
            .collect())
    }

    /// The table's rows, their roll-ups and the alerts colouring them, in a fixed number
    /// of queries.
    #[allow(clippy::too_many_arguments)]
    async fn work_out(
        &self,
        tx: &TenantTx,
        place: Option<&UnitRecord>,
        scope: &[Uuid],
        whole: bool,
        condition: Option<&str>,
        from: EpiWeek,
        to: EpiWeek,
    ) -> ApiResult<TableAnswer> {
        // The rows of the table: the place's children, or the units the caller's reach
        // starts at (the tenant's roots' children for the whole tenant).
        let rows: Vec<UnitRecord> = match place {
            Some(p) => units::children(tx, Some(UnitId(p.id))).await?,
            None if whole => {
                let roots = units::children(tx, None).await?;
                let mut out = vec![];
                for r in &roots {
                    out.extend(units::children(tx, Some(UnitId(r.id))).await?);
                }
                if out.is_empty() {
                    roots
                } else {
                    out
                }
            }
            None => units::find_many(tx, scope).await?,
        };
        // One condition (an epidemic curve) reads its own rows only.
        let only = match condition {
            Some(code) => Some(
                conditions::find_by_code(tx, code)
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
        let data = counts::in_places(tx, &ids, only, from.key(), to.key()).await?;
        let codes: HashMap<Uuid, String> = conditions::all(tx)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        let row_of: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut sums: BTreeMap<(usize, Uuid), Sums> = BTreeMap::new();
        for d in data {
            let Some(&i) = row_of.get(&d.unit_id) else {
                continue;
            };
            let e = sums.entry((i, d.condition_id)).or_default();
            *e.0.entry(d.epi_week).or_default() += d.cases;
            e.1 += d.confirmed;
            e.2 += d.deaths;
        }
        // The alerts of these weeks colour their cells.
        let (first, last) = (from.monday(), to.sunday());
        let raised: Vec<AlertRecord> =
            alerts_repo::list(tx, place.map(|p| p.path.as_str()), false, 2000)
                .await?
                .into_iter()
                .filter(|a| {
                    a.status != "false_signal" && a.window_to >= first && a.window_from <= last
                })
                .collect();
        let cells = sums
            .into_iter()
            .filter(|(_, (w, c, d))| w.values().any(|n| *n != 0) || *c != 0 || *d != 0)
            .map(|((row, condition), (weeks, confirmed, deaths))| Counted {
                alert: alert_of(&raised, &rows[row], condition),
                row,
                condition,
                code: codes.get(&condition).cloned().unwrap_or_default(),
                weeks,
                confirmed,
                deaths,
            })
            .collect();
        Ok(TableAnswer {
            place_path: place.map(|p| p.path.clone()),
            rows,
            cells,
        })
    }
}
