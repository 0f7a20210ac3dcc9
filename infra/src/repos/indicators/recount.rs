//! Recounting the measures of `registry_counts` from the other modules' records: the
//! days from a month's first day onwards (or all of them) are deleted from both
//! roll-ups and written again, in one transaction, so readers see the old counts or
//! the new ones, never half of each.
//!
//! Where each count is kept: at a facility when the record names one (a case reported
//! by a hospital, a stock-out at a hospital's store, oxygen, a professional's current
//! posting), otherwise at the unit it names (a patient's, a card's or a household's
//! unit, a warehouse's), otherwise at the tenant's root unit (helpline calls, records
//! with no place). Unit-only counts have months, not days.

use super::rollup::{add_facility_months, month_of};
use crate::db::{Backend, InfraResult, TenantTx};
use crate::entities::{
    admin_unit, facility, helpline_sla, helpline_ticket, household, indicator_facility_day as d,
    indicator_facility_month as fm, indicator_recount as r, indicator_unit_month as m, oxygen_facility_day, patient, patient_card,
    professional, professional_facility, supply_alert, supply_store, surveillance_case,
};
use arogya_domain::appointment::ist_midnight;
use arogya_domain::dashboards::measures::{CountKey, Person};
use arogya_domain::dashboards::registry_counts::{self as rc, MEASURES};
use arogya_domain::helpline::{default_sla, Category};
use arogya_domain::unit::UnitPath;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    Set, Statement,
};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Rows one statement may carry (PostgreSQL allows 65,535 parameters; 8 per row).
const CHUNK: usize = 2000;

type Counts = BTreeMap<CountKey, i64>;

#[derive(Default)]
struct Tally {
    facilities: HashMap<Uuid, Counts>,
    units: HashMap<String, Counts>,
}

impl Tally {
    fn at_facility(&mut self, f: Uuid) -> &mut Counts {
        self.facilities.entry(f).or_default()
    }
    fn at_unit(&mut self, path: String) -> &mut Counts {
        self.units.entry(path).or_default()
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
    let tally = tally(tx, since, from, now).await?;
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
                .map(|(k, v)| d::ActiveModel {
                    tenant_id: Set(tenant),
                    facility_id: Set(*f),
                    day: Set(k.day),
                    measure: Set(k.measure.to_owned()),
                    department: Set(k.department.clone()),
                    age_group: Set(k.age_group.clone()),
                    sex: Set(k.sex.clone()),
                    value: Set(*v),
                }),
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

/// The counts of every source from `from` onwards.
async fn tally(
    tx: &TenantTx,
    since: Option<NaiveDate>,
    from: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> InfraResult<Tally> {
    let tenant = tx.tenant().0;
    let db = tx.conn();
    let mut t = Tally::default();
    // The tenant's root unit: where what names no place is counted.
    let root = admin_unit::Entity::find()
        .select_only()
        .column(admin_unit::Column::Path)
        .filter(admin_unit::Column::TenantId.eq(tenant))
        .filter(admin_unit::Column::ParentId.is_null())
        .order_by_asc(admin_unit::Column::Path)
        .into_tuple::<String>()
        .one(db)
        .await?
        .unwrap_or_default();
    let place = |path: Option<String>| path.unwrap_or_else(|| root.clone());

    use patient::Column as P;
    let patients = patient::Entity::find()
        .select_only()
        .columns([P::CreatedAt, P::Sex, P::BirthDate, P::UnitPath])
        .filter(P::TenantId.eq(tenant))
        // A duplicate merged into another record was not a registration of its own.
        .filter(P::MergedInto.is_null())
        .apply_if(from, |q, f| q.filter(P::CreatedAt.gte(f)))
        .into_tuple::<(DateTime<Utc>, String, NaiveDate, Option<String>)>()
        .all(db)
        .await?;
    for (at, sex, birth_date, unit) in patients {
        let who = Person {
            sex: Some(sex),
            birth_date: Some(birth_date),
        };
        rc::registration(t.at_unit(place(unit)), at, &who);
    }

    use patient_card::Column as C;
    let cards = patient_card::Entity::find()
        .select_only()
        .columns([C::IssuedAt, C::UnitPath])
        .filter(C::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(C::IssuedAt.gte(f)))
        .into_tuple::<(DateTime<Utc>, Option<String>)>()
        .all(db)
        .await?;
    for (at, unit) in cards {
        rc::card_issued(t.at_unit(place(unit)), at);
    }

    use household::Column as H;
    let households = household::Entity::find()
        .select_only()
        .columns([H::Id, H::CreatedAt, H::UnitPath])
        .filter(H::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(H::CreatedAt.gte(f)))
        .into_tuple::<(Uuid, DateTime<Utc>, String)>()
        .all(db)
        .await?;
    let members: HashMap<Uuid, i64> = if households.is_empty() {
        HashMap::new()
    } else {
        patient::Entity::find()
            .select_only()
            .column(P::HouseholdId)
            .column_as(
                sea_orm::sea_query::Expr::cust("CAST(COUNT(*) AS BIGINT)"),
                "n",
            )
            .filter(P::TenantId.eq(tenant))
            .filter(P::HouseholdId.is_not_null())
            .filter(P::MergedInto.is_null())
            .group_by(P::HouseholdId)
            .into_tuple::<(Uuid, i64)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    for (id, at, unit) in households {
        let people = members.get(&id).copied().unwrap_or(0);
        rc::household_surveyed(t.at_unit(unit), at, people);
    }

    let targets: HashMap<String, i64> = helpline_sla::Entity::find()
        .filter(helpline_sla::Column::TenantId.eq(tenant))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.category, s.first_response_minutes as i64))
        .collect();
    use helpline_ticket::Column as T;
    let calls = helpline_ticket::Entity::find()
        .select_only()
        .columns([T::Category, T::CreatedAt, T::FirstResponseAt])
        .filter(T::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(T::CreatedAt.gte(f)))
        .into_tuple::<(String, DateTime<Utc>, Option<DateTime<Utc>>)>()
        .all(db)
        .await?;
    for (category, at, answered) in calls {
        let target = targets.get(&category).copied().unwrap_or_else(|| {
            Category::parse(&category)
                .map(|c| default_sla(c).first_response_minutes)
                .unwrap_or(5)
        });
        rc::helpline_call(t.at_unit(root.clone()), at, answered, target, now);
    }

    // Where each professional works now: the posting begun first among those not ended.
    use professional_facility::Column as PF;
    let mut posted: HashMap<Uuid, Uuid> = HashMap::new();
    for (who, at) in professional_facility::Entity::find()
        .select_only()
        .columns([PF::ProfessionalId, PF::FacilityId])
        .filter(PF::TenantId.eq(tenant))
        .filter(PF::ToDate.is_null())
        .order_by_desc(PF::FromDate)
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await?
    {
        posted.insert(who, at);
    }
    use professional::Column as PR;
    let verified = professional::Entity::find()
        .select_only()
        .columns([PR::Id, PR::StatusChangedAt, PR::CreatedAt])
        .filter(PR::TenantId.eq(tenant))
        .filter(PR::Status.eq("verified"))
        .into_tuple::<(Uuid, Option<DateTime<Utc>>, DateTime<Utc>)>()
        .all(db)
        .await?;
    for (id, changed, created) in verified {
        let at = changed.unwrap_or(created);
        if from.is_some_and(|f| at < f) {
            continue;
        }
        let counts = match posted.get(&id) {
            Some(f) => t.at_facility(*f),
            None => t.at_unit(root.clone()),
        };
        rc::professional_verified(counts, at);
    }

    use surveillance_case::Column as S;
    let cases = surveillance_case::Entity::find()
        .select_only()
        .columns([
            S::ReportedAt,
            S::Classification,
            S::AgeGroup,
            S::Sex,
            S::FacilityId,
            S::UnitPath,
        ])
        .filter(S::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(S::ReportedAt.gte(f)))
        .into_tuple::<(DateTime<Utc>, String, String, String, Option<Uuid>, String)>()
        .all(db)
        .await?;
    for (at, class, age, sex, facility, unit) in cases {
        let counts = match facility {
            Some(f) => t.at_facility(f),
            None => t.at_unit(unit),
        };
        rc::notifiable_case(counts, at, class == "discarded", &age, &sex);
    }

    let stores: HashMap<Uuid, (Option<Uuid>, String)> = supply_store::Entity::find()
        .select_only()
        .columns([
            supply_store::Column::Id,
            supply_store::Column::FacilityId,
            supply_store::Column::UnitPath,
        ])
        .filter(supply_store::Column::TenantId.eq(tenant))
        .into_tuple::<(Uuid, Option<Uuid>, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, f, p)| (id, (f, p)))
        .collect();
    use supply_alert::Column as A;
    let outs = supply_alert::Entity::find()
        .select_only()
        .columns([A::StoreId, A::RaisedAt])
        .filter(A::TenantId.eq(tenant))
        .filter(A::Kind.eq("stock_out"))
        .apply_if(from, |q, f| q.filter(A::RaisedAt.gte(f)))
        .into_tuple::<(Uuid, DateTime<Utc>)>()
        .all(db)
        .await?;
    for (store, at) in outs {
        let counts = match stores.get(&store) {
            Some((Some(f), _)) => t.at_facility(*f),
            Some((None, path)) => t.at_unit(path.clone()),
            None => t.at_unit(root.clone()),
        };
        rc::stock_out(counts, at);
    }

    use oxygen_facility_day::Column as O;
    let oxygen = oxygen_facility_day::Entity::find()
        .filter(O::TenantId.eq(tenant))
        .apply_if(since, |q, s| q.filter(O::Day.gte(s)))
        .all(db)
        .await?;
    for o in oxygen {
        rc::oxygen_day(
            t.at_facility(o.facility_id),
            o.day,
            o.usable_nm3,
            o.consumption_nm3,
            o.hours,
        );
    }
    Ok(t)
}
