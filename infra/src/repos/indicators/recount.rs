//! Recounting the measures of `registry_counts` from the other modules' records: the
//! days from a month's first day onwards (or all of them) are deleted from both
//! roll-ups and written again, in one transaction, so readers see the old counts or
//! the new ones, never half of each. What is counted where is `sources`'; counts kept
//! at a unit have months, not days.

use super::rollup::{add_facility_months, day_row, month_of};
use super::sources::{self, Anchor};
use crate::db::{Backend, InfraResult, TenantTx};
use crate::entities::{
    facility, indicator_facility_day as d, indicator_facility_month as fm, indicator_recount as r,
    indicator_unit_month as m,
};
use arogya_domain::appointment::ist_midnight;
use arogya_domain::dashboards::measures::CountKey;
use arogya_domain::dashboards::registry_counts::MEASURES;
use arogya_domain::unit::UnitPath;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait, Set, Statement,
};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Rows one statement may carry (PostgreSQL allows 65,535 parameters; 8 per row).
const CHUNK: usize = 2000;

type Counts = BTreeMap<CountKey, i64>;

/// The counts of every record, summed where they are kept.
#[derive(Default)]
struct Tally {
    facilities: HashMap<Uuid, Counts>,
    units: HashMap<String, Counts>,
}

impl Tally {
    fn absorb(&mut self, anchor: Anchor, counts: Counts) {
        let into = match anchor {
            Anchor::Facility(f) => self.facilities.entry(f).or_default(),
            Anchor::Unit(path) => self.units.entry(path).or_default(),
        };
        for (k, v) in counts {
            *into.entry(k).or_default() += v;
        }
    }
}

/// When the tenant's recounts last ran.
pub async fn last(tx: &TenantTx) -> InfraResult<Option<r::Model>> {
    Ok(r::Entity::find_by_id(tx.tenant().0).one(tx.conn()).await?)
}

/// Claim the tenant's recount for this transaction (a second server waits, then sees
/// it done), and say when each kind last ran.
pub async fn claim(tx: &TenantTx) -> InfraResult<r::Model> {
    let tenant = tx.tenant().0;
    r::Entity::insert(r::ActiveModel {
        tenant_id: Set(tenant),
        recent_at: Set(None),
        full_at: Set(None),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::column(r::Column::TenantId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(tx.conn())
    .await?;
    if tx.backend() == Backend::Postgres {
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT 1 FROM indicator_recounts WHERE tenant_id = $1 FOR UPDATE",
                [tenant.into()],
            ))
            .await?;
    }
    Ok(r::Entity::find_by_id(tenant)
        .one(tx.conn())
        .await?
        .unwrap_or(r::Model {
            tenant_id: tenant,
            recent_at: None,
            full_at: None,
        }))
}

/// Record that a recount ran at `now` (a full one counts as a recent one too).
pub async fn mark(tx: &TenantTx, now: DateTime<Utc>, full: bool) -> InfraResult<()> {
    let mut update = r::Entity::update_many()
        .col_expr(r::Column::RecentAt, sea_orm::sea_query::Expr::value(now))
        .filter(r::Column::TenantId.eq(tx.tenant().0));
    if full {
        update = update.col_expr(r::Column::FullAt, sea_orm::sea_query::Expr::value(now));
    }
    update.exec(tx.conn()).await?;
    Ok(())
}

/// Count the records of the days from `since` (a month's first day; all days without
/// one) again, replacing what the roll-ups held for them. Returns the rows written.
pub async fn recount(
    tx: &TenantTx,
    since: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> InfraResult<usize> {
    let tenant = tx.tenant().0;
    let from = since.map(ist_midnight);
    let mut tally = Tally::default();
    sources::each(tx, since, from, now, &mut |anchor, _, counts| {
        tally.absorb(anchor, counts)
    })
    .await?;
    let measures: Vec<&str> = MEASURES.iter().map(|m| m.as_str()).collect();
    d::Entity::delete_many()
        .filter(d::Column::TenantId.eq(tenant))
        .filter(d::Column::Measure.is_in(measures.clone()))
        .apply_if(since, |q, s| q.filter(d::Column::Day.gte(s)))
        .exec(tx.conn())
        .await?;
    fm::Entity::delete_many()
        .filter(fm::Column::TenantId.eq(tenant))
        .filter(fm::Column::Measure.is_in(measures.clone()))
        .apply_if(since, |q, s| q.filter(fm::Column::Month.gte(month_of(s))))
        .exec(tx.conn())
        .await?;
    m::Entity::delete_many()
        .filter(m::Column::TenantId.eq(tenant))
        .filter(m::Column::Measure.is_in(measures))
        .apply_if(since, |q, s| q.filter(m::Column::Month.gte(month_of(s))))
        .exec(tx.conn())
        .await?;
    let paths: HashMap<Uuid, String> = facility::Entity::find()
        .select_only()
        .columns([facility::Column::Id, facility::Column::UnitPath])
        .filter(facility::Column::TenantId.eq(tenant))
        .into_tuple::<(Uuid, String)>()
        .all(tx.conn())
        .await?
        .into_iter()
        .collect();
    let mut days = Vec::new();
    let mut months: BTreeMap<(Uuid, NaiveDate, &'static str, String), i64> = BTreeMap::new();
    let mut to_months = |path: &str, counts: &Counts| {
        for u in UnitPath::from_stored(path.to_owned()).ids() {
            for (k, v) in counts {
                *months
                    .entry((u.0, month_of(k.day), k.measure, k.department.clone()))
                    .or_default() += v;
            }
        }
    };
    for (f, counts) in &tally.facilities {
        let Some(path) = paths.get(f) else { continue };
        to_months(path, counts);
        let mut own: BTreeMap<(NaiveDate, &str, &str), i64> = BTreeMap::new();
        for (k, v) in counts {
            *own.entry((month_of(k.day), k.measure, k.department.as_str()))
                .or_default() += v;
        }
        add_facility_months(tx.conn(), tenant, *f, &own).await?;
        days.extend(
            counts
                .iter()
                .filter(|(_, v)| **v != 0)
                .map(|(k, v)| day_row(tenant, *f, k, *v)),
        );
    }
    for (path, counts) in &tally.units {
        to_months(path, counts);
    }
    let written = days.len() + months.len();
    for chunk in days.chunks(CHUNK) {
        d::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(tx.conn())
            .await?;
    }
    let months: Vec<m::ActiveModel> = months
        .into_iter()
        .filter(|(_, v)| *v != 0)
        .map(
            |((unit, month, measure, department), value)| m::ActiveModel {
                tenant_id: Set(tenant),
                unit_id: Set(unit),
                month: Set(month),
                measure: Set(measure.to_owned()),
                department: Set(department),
                value: Set(value),
            },
        )
        .collect();
    for chunk in months.chunks(CHUNK) {
        m::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(tx.conn())
            .await?;
    }
    Ok(written)
}
