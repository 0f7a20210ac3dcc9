//! Every change of a facility's EMR readiness, numbered per facility, never updated:
//! the registry's facility row holds the latest, this table how it got there.

use crate::db::{InfraResult, TenantTx};
use crate::entities::emr_readiness_change::{self as c, Column, Entity};
use crate::entities::facility;
use crate::repos::facilities::{reach_condition, FacilityRecord};
use arogya_domain::access::UnitReach;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub type ChangeRecord = c::Model;

/// How a change came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeSource {
    /// The facility's form (created or edited).
    Form,
    /// A bulk readiness file, or the facility import.
    Import,
    /// A private hospital's approved registration.
    Onboarding,
}

impl ChangeSource {
    fn as_str(self) -> &'static str {
        match self {
            ChangeSource::Form => "form",
            ChangeSource::Import => "import",
            ChangeSource::Onboarding => "onboarding",
        }
    }
}

/// Record the facility's readiness as it now stands, as the next row of its history.
/// Two writers of one facility at once meet on the primary key: one gets a conflict.
pub async fn record(
    tx: &TenantTx,
    f: &FacilityRecord,
    source: ChangeSource,
    by: Option<Uuid>,
) -> InfraResult<()> {
    record_many(tx, std::slice::from_ref(f), source, by).await
}

/// Ids a statement may carry in one `IN` list.
const CHUNK: usize = 500;

/// `record` for many facilities (a sheet, an import): one query for their last rows
/// and one insert per 500, however many there are.
pub async fn record_many(
    tx: &TenantTx,
    facilities: &[FacilityRecord],
    source: ChangeSource,
    by: Option<Uuid>,
) -> InfraResult<()> {
    let mut last: HashMap<Uuid, i32> = HashMap::new();
    for chunk in facilities.chunks(CHUNK) {
        let rows: Vec<(Uuid, Option<i32>)> = Entity::find()
            .select_only()
            .column(Column::FacilityId)
            .column_as(Column::Seq.max(), "seq")
            .filter(Column::TenantId.eq(tx.tenant().0))
            .filter(Column::FacilityId.is_in(chunk.iter().map(|f| f.id)))
            .group_by(Column::FacilityId)
            .into_tuple()
            .all(tx.conn())
            .await?;
        last.extend(
            rows.into_iter()
                .filter_map(|(id, seq)| seq.map(|s| (id, s))),
        );
    }
    let now = Utc::now();
    for chunk in facilities.chunks(CHUNK) {
        let rows = chunk
            .iter()
            .map(|f| c::ActiveModel {
                tenant_id: Set(tx.tenant().0),
                facility_id: Set(f.id),
                seq: Set(last.get(&f.id).copied().unwrap_or(0) + 1),
                adopted: Set(f.emr_adopted),
                adopted_on: Set(f.emr_adopted_on),
                checklist: Set(f.emr_checklist.clone()),
                source: Set(source.as_str().to_owned()),
                changed_by: Set(by),
                changed_at: Set(now),
            })
            .collect();
        super::super::insert_all_or_conflict(
            tx,
            rows,
            "a facility's readiness was changed at the same moment; reload and try again",
        )
        .await?;
    }
    Ok(())
}

/// A facility's history, newest first.
pub async fn of_facility(tx: &TenantTx, facility: Uuid) -> InfraResult<Vec<ChangeRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::FacilityId.eq(facility))
        .order_by_desc(Column::Seq)
        .all(tx.conn())
        .await?)
}

/// What the roll-out counts of a facility: its place, type and readiness.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ReadinessRow {
    pub id: Uuid,
    pub name: String,
    pub facility_type: String,
    pub district_id: Option<Uuid>,
    pub emr_adopted: bool,
    pub emr_adopted_on: Option<NaiveDate>,
    pub emr_checklist: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// Every facility within reach (optionally under one unit and of one type), with only
/// the columns the roll-out needs; ordered by name.
pub async fn readiness_rows(
    tx: &TenantTx,
    reach: &UnitReach,
    under_path: Option<&str>,
    facility_type: Option<&str>,
) -> InfraResult<Vec<ReadinessRow>> {
    use facility::Column as F;
    let q = facility::Entity::find()
        .select_only()
        .columns([
            F::Id,
            F::Name,
            F::FacilityType,
            F::DistrictId,
            F::EmrAdopted,
            F::EmrAdoptedOn,
            F::EmrChecklist,
            F::CreatedAt,
        ])
        .filter(F::TenantId.eq(tx.tenant().0))
        .apply_if(under_path, |q, p| q.filter(F::UnitPath.starts_with(p)))
        .apply_if(facility_type, |q, t| q.filter(F::FacilityType.eq(t)))
        .apply_if(reach_condition(reach), |q, c| q.filter(c))
        .order_by_asc(F::NameKey);
    Ok(q.into_model::<ReadinessRow>().all(tx.conn()).await?)
}

/// A stored readiness read back into the domain's terms (an item missing from the
/// stored checklist is not started).
pub fn readiness(
    adopted: bool,
    adopted_on: Option<NaiveDate>,
    checklist: &serde_json::Value,
) -> arogya_domain::dashboards::emr_rollout::FacilityReadiness {
    use arogya_domain::facility::{EmrItem, ReadinessStatus};
    let checklist = EmrItem::ALL
        .iter()
        .map(|item| {
            let status = checklist
                .get(item.as_str())
                .and_then(|v| v.as_str())
                .and_then(|s| ReadinessStatus::parse(s).ok())
                .unwrap_or(ReadinessStatus::NotStarted);
            (*item, status)
        })
        .collect();
    arogya_domain::dashboards::emr_rollout::FacilityReadiness {
        adopted,
        adopted_on,
        checklist,
    }
}
