//! The records behind a number counted from other modules' records: the same records
//! the recount reads (`sources`), kept when they count towards the measure on the
//! days asked and where the caller's place keeps them, so they add up to the number
//! on screen; then what each is, in one query a kind.

use super::rows::RowBehind;
use super::sources::{self, Anchor};
use crate::db::{InfraResult, TenantTx};
use crate::entities::{
    facility, helpline_ticket, household, patient, patient_card, professional, supply_alert,
    surveillance_case,
};
use arogya_domain::appointment::ist_midnight;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

/// The records counting towards `measure` on the days `from..=to` whose place
/// `keep` accepts, oldest first.
pub async fn registry_rows(
    tx: &TenantTx,
    measure: &str,
    from: NaiveDate,
    to: NaiveDate,
    keep: &(dyn Fn(&Anchor) -> bool + Send + Sync),
    now: DateTime<Utc>,
) -> InfraResult<Vec<RowBehind>> {
    let mut found: Vec<(Anchor, &'static str, Uuid, NaiveDate, i64)> = Vec::new();
    sources::each(
        tx,
        Some(from),
        Some(ist_midnight(from)),
        now,
        &mut |anchor, (kind, id), counts| {
            if !keep(&anchor) {
                return;
            }
            for (k, v) in counts {
                if k.measure == measure && k.day >= from && k.day <= to && v != 0 {
                    found.push((anchor.clone(), kind, id, k.day, v));
                }
            }
        },
    )
    .await?;
    let ids =
        |kind: &str| -> Vec<Uuid> { found.iter().filter(|f| f.1 == kind).map(|f| f.2).collect() };
    let tenant = tx.tenant().0;
    let db = tx.conn();
    // Patients: those registered, and the holders of the cards issued.
    let cards: HashMap<Uuid, Uuid> = patient_card::Entity::find()
        .filter(patient_card::Column::TenantId.eq(tenant))
        .filter(patient_card::Column::Id.is_in(ids("card")))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.patient_id))
        .collect();
    let people: Vec<Uuid> = ids("registration")
        .into_iter()
        .chain(cards.values().copied())
        .collect();
    let patients: HashMap<Uuid, patient::Model> = patient::Entity::find()
        .filter(patient::Column::TenantId.eq(tenant))
        .filter(patient::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut labels: HashMap<Uuid, String> = HashMap::new();
    for h in household::Entity::find()
        .filter(household::Column::TenantId.eq(tenant))
        .filter(household::Column::Id.is_in(ids("household")))
        .all(db)
        .await?
    {
        labels.insert(h.id, h.address_line);
    }
    for t in helpline_ticket::Entity::find()
        .filter(helpline_ticket::Column::TenantId.eq(tenant))
        .filter(helpline_ticket::Column::Id.is_in(ids("call")))
        .all(db)
        .await?
    {
        // The caller's number is not shown: the call's kind and where it stands.
        labels.insert(t.id, format!("{} ({})", t.category, t.status));
    }
    for p in professional::Entity::find()
        .filter(professional::Column::TenantId.eq(tenant))
        .filter(professional::Column::Id.is_in(ids("verification")))
        .all(db)
        .await?
    {
        labels.insert(p.id, p.name);
    }
    for c in surveillance_case::Entity::find()
        .filter(surveillance_case::Column::TenantId.eq(tenant))
        .filter(surveillance_case::Column::Id.is_in(ids("case")))
        .all(db)
        .await?
    {
        let who = c.name.unwrap_or_else(|| "–".into());
        labels.insert(c.id, format!("{who} ({})", c.classification));
    }
    for a in supply_alert::Entity::find()
        .filter(supply_alert::Column::TenantId.eq(tenant))
        .filter(supply_alert::Column::Id.is_in(ids("stock_out")))
        .all(db)
        .await?
    {
        labels.insert(a.id, a.message);
    }
    for f in facility::Entity::find()
        .filter(facility::Column::TenantId.eq(tenant))
        .filter(facility::Column::Id.is_in(ids("oxygen_day")))
        .all(db)
        .await?
    {
        labels.insert(f.id, f.name);
    }
    let mut out: Vec<RowBehind> = found
        .into_iter()
        .map(|(anchor, kind, id, day, value)| {
            let holder = match kind {
                "registration" => Some(id),
                "card" => cards.get(&id).copied(),
                _ => None,
            };
            RowBehind {
                kind,
                facility: match anchor {
                    Anchor::Facility(f) => Some(f),
                    Anchor::Unit(_) => None,
                },
                record: id,
                patient: holder.and_then(|p| patients.get(&p).cloned()),
                unidentified: None,
                label: labels.get(&id).cloned(),
                day,
                department: "unspecified".into(),
                value,
            }
        })
        .collect();
    out.sort_by(|a, b| a.day.cmp(&b.day).then(a.record.cmp(&b.record)));
    Ok(out)
}
