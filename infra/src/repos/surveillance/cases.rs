//! Cases of notifiable conditions.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::surveillance_case::{self as c, Column, Entity};
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::DomainError;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub type CaseRecord = c::Model;
pub type CaseChange = c::ActiveModel;

/// The person's latest case of the condition that was not discarded: the episode a new
/// diagnosis may belong to.
pub async fn latest_for(
    tx: &TenantTx,
    patient: Uuid,
    condition: Uuid,
) -> InfraResult<Option<CaseRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.eq(patient))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::Classification.ne("discarded"))
        .order_by_desc(Column::OnsetDate)
        .limit(1)
        .one(tx.conn())
        .await?)
}

/// The cases whose latest evidence is `entry`.
pub async fn sourced_by(tx: &TenantTx, entry: Uuid) -> InfraResult<Vec<CaseRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::SourceEntryId.eq(entry))
        .all(tx.conn())
        .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<CaseRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<CaseRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn insert(tx: &TenantTx, row: CaseRecord) -> InfraResult<CaseRecord> {
    let mut m: CaseChange = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    m.insert(tx.conn()).await.map_err(|e| -> InfraError {
        if is_unique_violation(&e) {
            // Only a phone-made id can collide: the same report sent again without its
            // idempotency key (with it, the first answer is replayed).
            DomainError::conflict("a case with this id exists already").into()
        } else {
            e.into()
        }
    })
}

/// Write a changed case, if nobody else changed it since `expected_version`.
pub async fn save(tx: &TenantTx, row: CaseRecord, expected_version: i32) -> InfraResult<bool> {
    let id = row.id;
    let done = Entity::update_many()
        // Every column is written (`reset_all` marks them changed).
        .set(c::ActiveModel::from(row).reset_all())
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// What a line list asks for.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub condition: Option<Uuid>,
    /// Cases placed under this unit (its path).
    pub under: Option<String>,
    pub from_week: Option<i32>,
    pub to_week: Option<i32>,
}

/// Cases, newest onset first (at most `limit`).
pub async fn list(tx: &TenantTx, f: &CaseFilter, limit: u64) -> InfraResult<Vec<CaseRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(c) = f.condition {
        q = q.filter(Column::ConditionId.eq(c));
    }
    if let Some(p) = &f.under {
        q = q.filter(Column::UnitPath.starts_with(p.as_str()));
    }
    if let Some(w) = f.from_week {
        q = q.filter(Column::EpiWeek.gte(w));
    }
    if let Some(w) = f.to_week {
        q = q.filter(Column::EpiWeek.lte(w));
    }
    Ok(q.order_by_desc(Column::OnsetDate)
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Cases of a condition under a place (its path) with onset in `from..=to`, not discarded.
pub async fn count_in(
    tx: &TenantTx,
    condition: Uuid,
    under: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> InfraResult<i64> {
    use sea_orm::PaginatorTrait;
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::UnitPath.starts_with(under))
        // A case is in its onset's week: the weeks narrow the condition's index to the
        // days asked for instead of every case of the condition.
        .filter(Column::EpiWeek.between(EpiWeek::of_date(from).key(), EpiWeek::of_date(to).key()))
        .filter(Column::OnsetDate.between(from, to))
        .filter(Column::Classification.ne("discarded"))
        .count(tx.conn())
        .await? as i64)
}

/// Onset dates of a condition's cases in one village or ward of a place since `from`.
pub async fn onsets_in_village(
    tx: &TenantTx,
    condition: Uuid,
    unit: Uuid,
    village: &str,
    from: chrono::NaiveDate,
) -> InfraResult<Vec<chrono::NaiveDate>> {
    Ok(Entity::find()
        .select_only()
        .column(Column::OnsetDate)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::UnitId.eq(unit))
        .filter(Column::Village.eq(village))
        .filter(Column::EpiWeek.gte(EpiWeek::of_date(from).key()))
        .filter(Column::OnsetDate.gte(from))
        .filter(Column::Classification.ne("discarded"))
        .into_tuple::<chrono::NaiveDate>()
        .all(tx.conn())
        .await?)
}
