//! The records of the other modules that the registry measures count
//! (`domain::dashboards::registry_counts`), read from a day onwards, each handed over
//! with where it is kept and what it counts: the recount sums them, the records
//! behind a number keep those of a place and a measure, so the two always agree.
//!
//! Where each count is kept: at a facility when the record names one (a case reported
//! by a hospital, a stock-out at a hospital's store, oxygen, a professional's current
//! posting), otherwise at the unit it names (a patient's, a card's or a household's
//! unit, a warehouse's), otherwise at the tenant's root unit (helpline calls, records
//! with no place).

use crate::db::{InfraResult, TenantTx};
use crate::entities::{
    admin_unit, helpline_sla, helpline_ticket, household, oxygen_facility_day, patient,
    patient_card, professional, professional_facility, supply_alert, supply_store,
    surveillance_case,
};
use arogya_domain::dashboards::measures::{CountKey, Person};
use arogya_domain::dashboards::registry_counts as rc;
use arogya_domain::helpline::{default_sla, Category};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub type Counts = BTreeMap<CountKey, i64>;

/// Where a record's counts are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Facility(Uuid),
    /// A unit's stored path.
    Unit(String),
}

/// Which record: its kind (`registration`, `card`, `household`, `call`,
/// `verification`, `case`, `stock_out`, `oxygen_day`) and its id (a facility's for an
/// oxygen day).
pub type Record = (&'static str, Uuid);

/// Hand every record counted from `from` (`since`, its India day, for day-keyed
/// sources) to `emit`, with where it is kept and what it counts.
pub async fn each(
    tx: &TenantTx,
    since: Option<NaiveDate>,
    from: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    emit: &mut (dyn FnMut(Anchor, Record, Counts) + Send),
) -> InfraResult<()> {
    let tenant = tx.tenant().0;
    let db = tx.conn();
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
    let place = |path: Option<String>| Anchor::Unit(path.unwrap_or_else(|| root.clone()));
    let mut one = |anchor: Anchor, record: Record, count: &dyn Fn(&mut Counts)| {
        let mut c = Counts::new();
        count(&mut c);
        if !c.is_empty() {
            emit(anchor, record, c);
        }
    };

    use patient::Column as P;
    let patients = patient::Entity::find()
        .select_only()
        .columns([P::Id, P::CreatedAt, P::Sex, P::BirthDate, P::UnitPath])
        .filter(P::TenantId.eq(tenant))
        // A duplicate merged into another record was not a registration of its own.
        .filter(P::MergedInto.is_null())
        .apply_if(from, |q, f| q.filter(P::CreatedAt.gte(f)))
        .into_tuple::<(Uuid, DateTime<Utc>, String, NaiveDate, Option<String>)>()
        .all(db)
        .await?;
    for (id, at, sex, birth_date, unit) in patients {
        let who = Person {
            sex: Some(sex),
            birth_date: Some(birth_date),
        };
        one(place(unit), ("registration", id), &|c| {
            rc::registration(c, at, &who)
        });
    }

    use patient_card::Column as C;
    let cards = patient_card::Entity::find()
        .select_only()
        .columns([C::Id, C::IssuedAt, C::UnitPath])
        .filter(C::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(C::IssuedAt.gte(f)))
        .into_tuple::<(Uuid, DateTime<Utc>, Option<String>)>()
        .all(db)
        .await?;
    for (id, at, unit) in cards {
        one(place(unit), ("card", id), &|c| rc::card_issued(c, at));
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
        one(Anchor::Unit(unit), ("household", id), &|c| {
            rc::household_surveyed(c, at, people)
        });
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
        .columns([T::Id, T::Category, T::CreatedAt, T::FirstResponseAt])
        .filter(T::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(T::CreatedAt.gte(f)))
        .into_tuple::<(Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>)>()
        .all(db)
        .await?;
    for (id, category, at, answered) in calls {
        let target = targets.get(&category).copied().unwrap_or_else(|| {
            Category::parse(&category)
                .map(|c| default_sla(c).first_response_minutes)
                .unwrap_or(5)
        });
        one(Anchor::Unit(root.clone()), ("call", id), &|c| {
            rc::helpline_call(c, at, answered, target, now)
        });
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
        let anchor = match posted.get(&id) {
            Some(f) => Anchor::Facility(*f),
            None => Anchor::Unit(root.clone()),
        };
        one(anchor, ("verification", id), &|c| {
            rc::professional_verified(c, at)
        });
    }

    use surveillance_case::Column as S;
    let cases = surveillance_case::Entity::find()
        .select_only()
        .columns([
            S::Id,
            S::ReportedAt,
            S::Classification,
            S::AgeGroup,
            S::Sex,
            S::FacilityId,
            S::UnitPath,
        ])
        .filter(S::TenantId.eq(tenant))
        .apply_if(from, |q, f| q.filter(S::ReportedAt.gte(f)))
        .into_tuple::<(
            Uuid,
            DateTime<Utc>,
            String,
            String,
            String,
            Option<Uuid>,
            String,
        )>()
        .all(db)
        .await?;
    for (id, at, class, age, sex, facility, unit) in cases {
        let anchor = match facility {
            Some(f) => Anchor::Facility(f),
            None => Anchor::Unit(unit),
        };
        one(anchor, ("case", id), &|c| {
            rc::notifiable_case(c, at, class == "discarded", &age, &sex)
        });
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
        .columns([A::Id, A::StoreId, A::RaisedAt])
        .filter(A::TenantId.eq(tenant))
        .filter(A::Kind.eq("stock_out"))
        .apply_if(from, |q, f| q.filter(A::RaisedAt.gte(f)))
        .into_tuple::<(Uuid, Uuid, DateTime<Utc>)>()
        .all(db)
        .await?;
    for (id, store, at) in outs {
        let anchor = match stores.get(&store) {
            Some((Some(f), _)) => Anchor::Facility(*f),
            Some((None, path)) => Anchor::Unit(path.clone()),
            None => Anchor::Unit(root.clone()),
        };
        one(anchor, ("stock_out", id), &|c| rc::stock_out(c, at));
    }

    use oxygen_facility_day::Column as O;
    let oxygen = oxygen_facility_day::Entity::find()
        .filter(O::TenantId.eq(tenant))
        .apply_if(since, |q, s| q.filter(O::Day.gte(s)))
        .all(db)
        .await?;
    for o in oxygen {
        one(
            Anchor::Facility(o.facility_id),
            ("oxygen_day", o.facility_id),
            &|c| rc::oxygen_day(c, o.day, o.usable_nm3, o.consumption_nm3, o.hours),
        );
    }
    Ok(())
}
