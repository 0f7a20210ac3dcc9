//! The patient index of one tenant. A merged record keeps its row and points to the
//! survivor (`merged_into`), so lookups by the old health ID still arrive and a merge
//! can be undone without moving anything.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::patient::{self, Column, Entity};
use crate::repos::audit::{AuditRecord, RequestMeta};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::TenantId;
use arogya_domain::patient::details::{NameKeys, PatientDetails};
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement,
};
use uuid::Uuid;

pub type PatientRecord = patient::Model;

/// Where a new patient comes from, besides the demographics.
pub struct NewPatient<'a> {
    pub details: &'a PatientDetails,
    pub health_id: &'a HealthId,
    /// The address unit's materialised path (checked by the caller).
    pub unit_path: Option<String>,
    pub national_id_hash: Option<String>,
    pub household: Option<Uuid>,
    pub registered_by: Option<Uuid>,
}

/// Many patients in one statement, skipping any whose health ID is taken (bulk
/// generation for benchmarks). Returns how many were written.
pub async fn insert_batch(tx: &TenantTx, batch: Vec<NewPatient<'_>>) -> InfraResult<u64> {
    use sea_orm::sea_query::OnConflict;
    let models: Vec<patient::ActiveModel> =
        batch.into_iter().map(|n| active_model(tx, n)).collect();
    let written = Entity::insert_many(models)
        .on_conflict(
            OnConflict::columns([Column::TenantId, Column::HealthId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
    Ok(written)
}

/// Longest chain of merges followed (a merge into a record that was itself merged).
const MAX_MERGE_HOPS: usize = 8;

pub async fn health_id_taken(tx: &TenantTx, health_id: &str) -> InfraResult<bool> {
    Ok(Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::HealthId.eq(health_id))
        .into_tuple::<Uuid>()
        .one(tx.conn())
        .await?
        .is_some())
}

/// The demographic columns, from validated details. A national ID is only written
/// when one is given (it is never shown, so a correction form cannot resend it).
fn set_demographics(
    m: &mut patient::ActiveModel,
    d: &PatientDetails,
    unit_path: Option<String>,
    national_id_hash: Option<String>,
) {
    let keys = d.keys();
    let guardian = d.guardian.as_ref();
    let address = d.address.as_ref();
    m.given_name = Set(d.given_name.clone());
    m.family_name = Set(d.family_name.clone());
    m.local_name = Set(d.local_name.clone());
    m.given_key = Set(keys.given);
    m.family_key = Set(keys.family);
    m.sex = Set(d.sex.as_str().to_owned());
    m.birth_date = Set(d.birth.date);
    m.birth_estimated = Set(d.birth.estimated);
    m.birth_year = Set(d.birth.year());
    m.phone = Set(d.phone.as_ref().map(|p| p.as_str().to_owned()));
    m.unit_id = Set(address.map(|a| a.unit.0));
    m.unit_path = Set(unit_path);
    m.address_line = Set(address.and_then(|a| a.line.clone()));
    m.pincode = Set(address.and_then(|a| a.pincode.clone()));
    m.guardian_name = Set(guardian.map(|g| g.name.clone()));
    m.guardian_relation = Set(guardian.map(|g| g.relation.as_str().to_owned()));
    m.guardian_phone = Set(guardian.and_then(|g| g.phone.as_ref().map(|p| p.as_str().to_owned())));
    m.preferred_language = Set(d.preferred_language.clone());
    m.abha_number = Set(d.abha_number.as_ref().map(|a| a.as_str().to_owned()));
    if let Some(n) = &d.national_id {
        m.national_id_hash = Set(national_id_hash);
        m.national_id_last4 = Set(Some(n.last_four().to_owned()));
    }
}

fn active_model(tx: &TenantTx, new: NewPatient<'_>) -> patient::ActiveModel {
    let now = Utc::now();
    let mut m = patient::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        health_id: Set(new.health_id.to_string()),
        national_id_hash: Set(None),
        national_id_last4: Set(None),
        household_id: Set(new.household),
        registered_by: Set(new.registered_by),
        merged_into: Set(None),
        merged_at: Set(None),
        merged_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    set_demographics(&mut m, new.details, new.unit_path, new.national_id_hash);
    m
}

/// Correct a patient's demographics if the record is still at `expected_version`.
/// The health ID never changes.
pub async fn update_demographics(
    tx: &TenantTx,
    current: &PatientRecord,
    expected_version: i32,
    details: &PatientDetails,
    unit_path: Option<String>,
    national_id_hash: Option<String>,
) -> InfraResult<PatientRecord> {
    if current.version != expected_version {
        return Err(stale(current.version));
    }
    let mut m: patient::ActiveModel = current.clone().into();
    set_demographics(&mut m, details, unit_path, national_id_hash);
    m.updated_at = Set(Utc::now());
    m.version = Set(expected_version + 1);
    let updated = Entity::update_many()
        .set(m)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?
        .rows_affected;
    reread_after_update(tx, current.id, updated, expected_version).await
}

pub async fn insert(tx: &TenantTx, new: NewPatient<'_>) -> InfraResult<PatientRecord> {
    active_model(tx, new)
        .insert(tx.conn())
        .await
        .map_err(|e| -> InfraError {
            if is_unique_violation(&e) {
                DomainError::conflict("that health ID was just taken; register again").into()
            } else {
                e.into()
            }
        })
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// The record with this health ID, as stored (possibly merged): one indexed query.
pub async fn find_by_health_id(
    tx: &TenantTx,
    health_id: &HealthId,
) -> InfraResult<Option<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::HealthId.eq(health_id.to_string()))
        .one(tx.conn())
        .await?)
}

/// Lookup by health ID on PostgreSQL in one round trip, with the read recorded in the
/// audit trail in the same (implicit) transaction; see the `app_read_patient_by_health_id`
/// function in the patients migration. A merged record comes back unaudited: the
/// caller resolves it and records that read. `None` on SQLite, where the caller uses
/// an ordinary transaction.
pub async fn read_by_health_id_audited(
    db: &crate::Db,
    tenant: TenantId,
    health_id: &HealthId,
    meta: &RequestMeta,
    actor: Actor,
    detail: serde_json::Value,
) -> InfraResult<Option<Option<PatientRecord>>> {
    if db.backend() != crate::Backend::Postgres {
        return Ok(None);
    }
    let (audit_id, at) = (Uuid::now_v7(), Utc::now());
    let found = Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT * FROM app_read_patient_by_health_id($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            [
                tenant.0.into(),
                health_id.to_string().into(),
                audit_id.into(),
                actor.kind().into(),
                actor.id().into(),
                meta.request_id.clone().into(),
                meta.client_addr.clone().into(),
                detail.clone().into(),
                at.into(),
            ],
        ))
        .one(db.conn())
        .await?;
    if let Some(p) = found.as_ref().filter(|p| p.merged_into.is_none()) {
        db.publish_audit(AuditRecord {
            tenant_id: tenant.0,
            id: audit_id,
            actor_kind: actor.kind().to_owned(),
            actor_id: actor.id(),
            action: AuditAction::PatientRead.as_str().to_owned(),
            entity_type: "patient".to_owned(),
            entity_id: Some(p.id),
            request_id: meta.request_id.clone(),
            client_addr: meta.client_addr.clone(),
            detail,
            created_at: at,
        });
    }
    Ok(Some(found))
}

/// Follow merges to the surviving record.
pub async fn resolve(tx: &TenantTx, mut record: PatientRecord) -> InfraResult<PatientRecord> {
    for _ in 0..MAX_MERGE_HOPS {
        let Some(next) = record.merged_into else {
            return Ok(record);
        };
        record = find(tx, next).await?.ok_or_else(|| {
            InfraError::Internal(anyhow::anyhow!(
                "patient {} merged into a missing record",
                record.id
            ))
        })?;
    }
    Err(InfraError::Internal(anyhow::anyhow!(
        "merge chain too long at patient {}",
        record.id
    )))
}

/// Records that are not merged away, optionally only those a surveyor registered.
fn live(registered_by: Option<Uuid>) -> Condition {
    let c = Condition::all().add(Column::MergedInto.is_null());
    match registered_by {
        Some(u) => c.add(Column::RegisteredBy.eq(u)),
        None => c,
    }
}

/// Possible duplicates of a new registration: same national ID, same phone, or the
/// same phonetic name with a birth year in the window.
pub async fn candidates(
    tx: &TenantTx,
    keys: &NameKeys,
    birth_years: (i32, i32),
    phone: Option<&str>,
    national_id_hashes: &[String],
    limit: u64,
) -> InfraResult<Vec<PatientRecord>> {
    let mut any = Condition::any().add(
        Condition::all()
            .add(Column::GivenKey.eq(keys.given.as_str()))
            .add(Column::FamilyKey.eq(keys.family.as_str()))
            .add(Column::BirthYear.between(birth_years.0, birth_years.1)),
    );
    if let Some(p) = phone {
        any = any.add(Column::Phone.eq(p));
    }
    if !national_id_hashes.is_empty() {
        // Every key version's form: a re-keying may be under way.
        any = any.add(Column::NationalIdHash.is_in(national_id_hashes.iter().cloned()));
    }
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(live(None))
        .filter(any)
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// How many patients were registered in `[from, to)` (not merged away since),
/// optionally only those one surveyor registered.
pub async fn count_registered_between(
    tx: &TenantTx,
    from: chrono::DateTime<Utc>,
    to: chrono::DateTime<Utc>,
    registered_by: Option<Uuid>,
) -> InfraResult<u64> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::CreatedAt.gte(from))
        .filter(Column::CreatedAt.lt(to))
        .filter(live(registered_by))
        .count(tx.conn())
        .await?)
}

pub async fn by_phone(
    tx: &TenantTx,
    phone: &str,
    registered_by: Option<Uuid>,
    limit: u64,
) -> InfraResult<Vec<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Phone.eq(phone))
        .filter(live(registered_by))
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Fuzzy name search: the first word's phonetic key as given name (and the second as
/// family name), or the other way round, born within `birth_years`.
pub async fn by_name(
    tx: &TenantTx,
    first: &str,
    second: Option<&str>,
    birth_years: Option<(i32, i32)>,
    registered_by: Option<Uuid>,
    limit: u64,
) -> InfraResult<Vec<PatientRecord>> {
    let given_first = match second {
        Some(s) => Condition::all()
            .add(Column::GivenKey.eq(first))
            .add(Column::FamilyKey.eq(s)),
        None => Condition::all().add(Column::GivenKey.eq(first)),
    };
    let family_first = match second {
        Some(s) => Condition::all()
            .add(Column::FamilyKey.eq(first))
            .add(Column::GivenKey.eq(s)),
        None => Condition::all().add(Column::FamilyKey.eq(first)),
    };
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(live(registered_by))
        .filter(Condition::any().add(given_first).add(family_first));
    if let Some((from, to)) = birth_years {
        q = q.filter(Column::BirthYear.between(from, to));
    }
    Ok(q.order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Members of these households.
pub async fn by_households(tx: &TenantTx, households: &[Uuid]) -> InfraResult<Vec<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::HouseholdId.is_in(households.iter().copied()))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Records merged into any of `survivors`.
pub async fn merged_into_many(
    tx: &TenantTx,
    survivors: &[Uuid],
) -> InfraResult<Vec<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::MergedInto.is_in(survivors.iter().copied()))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Records merged into `survivor`.
pub async fn merged_into(tx: &TenantTx, survivor: Uuid) -> InfraResult<Vec<PatientRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::MergedInto.eq(survivor))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// After a versioned update: `CONFLICT` when no row matched the expected version,
/// otherwise the record as it now is.
async fn reread_after_update(
    tx: &TenantTx,
    id: Uuid,
    rows_updated: u64,
    expected_version: i32,
) -> InfraResult<PatientRecord> {
    if rows_updated == 0 {
        return Err(stale(expected_version + 1));
    }
    find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "patient" }.into())
}

fn stale(current: i32) -> InfraError {
    DomainError::conflict(format!(
        "the patient's record was changed by someone else (now at version {current}); reload and try again"
    ))
    .into()
}

/// Point `merged` at `survivor` (or back at nothing), if `merged` is still at
/// `expected_version`.
pub async fn set_merged_into(
    tx: &TenantTx,
    merged: &PatientRecord,
    expected_version: i32,
    survivor: Option<Uuid>,
    by: Option<Uuid>,
) -> InfraResult<PatientRecord> {
    if merged.version != expected_version {
        return Err(stale(merged.version));
    }
    let now = Utc::now();
    let updated = Entity::update_many()
        .col_expr(Column::MergedInto, Expr::value(survivor))
        .col_expr(Column::MergedAt, Expr::value(survivor.map(|_| now)))
        .col_expr(Column::MergedBy, Expr::value(by))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(merged.id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?
        .rows_affected;
    reread_after_update(tx, merged.id, updated, expected_version).await
}

/// How many patients were enrolled through surveys, by unit path.
pub async fn enrolled_by_unit_path(
    tx: &TenantTx,
    under: Option<&str>,
) -> InfraResult<Vec<(Option<String>, i64)>> {
    let mut q = Entity::find()
        .select_only()
        .column(Column::UnitPath)
        .column_as(Column::Id.count(), "n")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::HouseholdId.is_not_null())
        .filter(Column::MergedInto.is_null());
    if let Some(prefix) = under {
        q = q.filter(Column::UnitPath.starts_with(prefix));
    }
    Ok(q.group_by(Column::UnitPath)
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// Up to `limit` of the tenant's national-ID hashes not under the newest key
/// (`current_prefix` is what those begin with; empty for version 1).
pub async fn stale_national_ids(
    tx: &TenantTx,
    current_prefix: &str,
    limit: u64,
) -> InfraResult<Vec<(Uuid, String)>> {
    use sea_orm::QuerySelect;
    if current_prefix.is_empty() {
        return Ok(Vec::new()); // version 1 is current: nothing older exists
    }
    let q = Entity::find()
        .select_only()
        .columns([Column::Id, Column::NationalIdHash])
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::NationalIdHash.is_not_null())
        .filter(Column::NationalIdHash.not_like(format!("{current_prefix}%")));
    Ok(q.order_by_asc(Column::Id)
        .limit(limit)
        .into_tuple::<(Uuid, Option<String>)>()
        .all(tx.conn())
        .await?
        .into_iter()
        .filter_map(|(id, h)| h.map(|h| (id, h)))
        .collect())
}

/// Replace one patient's national-ID hash with its re-keyed form (not an edit of the
/// record: its version stays).
pub async fn set_national_id_hash(tx: &TenantTx, id: Uuid, hash: &str) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(
            Column::NationalIdHash,
            sea_orm::sea_query::Expr::value(hash.to_owned()),
        )
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}
