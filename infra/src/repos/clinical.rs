//! Clinical entries of one tenant. Every write adds a row to `clinical_entry_versions`
//! in the same transaction, so each version an entry ever had stays readable; the
//! entry row itself holds the current version for fast reads.

use crate::db::{InfraError, InfraResult, TenantTx};
use crate::entities::clinical_entry::{self, Column, Entity};
use crate::entities::clinical_entry_version as version;
use arogya_domain::clinical::entry::{EntryKind, EntryStatus};
use arogya_domain::page::Page;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type EntryRecord = clinical_entry::Model;
pub type VersionRecord = version::Model;

/// Who wrote a version.
#[derive(Debug, Clone, Copy)]
pub struct Author {
    pub user: Uuid,
    pub professional: Uuid,
}

pub struct NewEntry {
    pub patient: Uuid,
    /// `None` for an encounter (it is its own encounter).
    pub encounter: Option<Uuid>,
    pub kind: EntryKind,
    pub status: EntryStatus,
    pub facility: Uuid,
    pub author: Author,
    pub occurred_at: DateTime<Utc>,
    pub details: serde_json::Value,
    pub code: Option<String>,
    pub order: Option<Uuid>,
}

fn version_row(
    tx: &TenantTx,
    e: &EntryRecord,
    author: Author,
    reason: Option<String>,
) -> version::ActiveModel {
    version::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        entry_id: Set(e.id),
        version: Set(e.version),
        status: Set(e.status.clone()),
        occurred_at: Set(e.occurred_at),
        details: Set(e.details.clone()),
        author_user_id: Set(author.user),
        author_professional_id: Set(author.professional),
        recorded_at: Set(e.updated_at),
        change_reason: Set(reason),
    }
}

pub async fn insert(tx: &TenantTx, new: NewEntry) -> InfraResult<EntryRecord> {
    let now = Utc::now();
    let id = Uuid::now_v7();
    let entry = clinical_entry::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        patient_id: Set(new.patient),
        encounter_id: Set(new.encounter.unwrap_or(id)),
        kind: Set(new.kind.as_str().to_owned()),
        status: Set(new.status.as_str().to_owned()),
        facility_id: Set(new.facility),
        author_user_id: Set(new.author.user),
        author_professional_id: Set(new.author.professional),
        occurred_at: Set(new.occurred_at),
        recorded_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        details: Set(new.details),
        code: Set(new.code),
        order_id: Set(new.order),
        document_id: Set(None),
        error_reason: Set(None),
    }
    .insert(tx.conn())
    .await?;
    version_row(tx, &entry, new.author, None)
        .insert(tx.conn())
        .await?;
    super::indicators::track::on_entry(tx, None, &entry).await?;
    Ok(entry)
}

/// A new version of an entry: corrected details, a new status, or both.
pub struct Revision {
    pub status: EntryStatus,
    pub occurred_at: DateTime<Utc>,
    pub details: serde_json::Value,
    pub code: Option<String>,
    pub author: Author,
    /// Why it changed (required for entered-in-error, optional otherwise).
    pub reason: Option<String>,
    pub error_reason: Option<String>,
}

/// Write `rev` as the next version if the entry is still at `expected_version`; the
/// loser of a race gets `CONFLICT`.
pub async fn revise(
    tx: &TenantTx,
    current: &EntryRecord,
    expected_version: i32,
    rev: Revision,
) -> InfraResult<EntryRecord> {
    if current.version != expected_version {
        return Err(stale(current.version));
    }
    let now = Utc::now();
    let updated = Entity::update_many()
        .col_expr(Column::Status, Expr::value(rev.status.as_str()))
        .col_expr(Column::OccurredAt, Expr::value(rev.occurred_at))
        .col_expr(Column::Details, Expr::value(rev.details))
        .col_expr(Column::Code, Expr::value(rev.code))
        .col_expr(Column::ErrorReason, Expr::value(rev.error_reason))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if updated == 0 {
        return Err(stale(expected_version + 1));
    }
    let entry = find(tx, current.id)
        .await?
        .ok_or(DomainError::NotFound { entity: "entry" })?;
    version_row(tx, &entry, rev.author, rev.reason)
        .insert(tx.conn())
        .await?;
    super::indicators::track::on_entry(tx, Some(current), &entry).await?;
    Ok(entry)
}

fn stale(current: i32) -> InfraError {
    DomainError::conflict(format!(
        "this entry was changed by someone else (now at version {current}); reload it and try again"
    ))
    .into()
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<EntryRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// A patient's active entries of `kinds` that occurred in `from..=to` (the timeline index).
pub async fn of_patient_between(
    tx: &TenantTx,
    patient: Uuid,
    kinds: &[&str],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.eq(patient))
        .filter(Column::OccurredAt.between(from, to))
        .filter(Column::Kind.is_in(kinds.iter().copied()))
        .filter(Column::Status.eq("active"))
        .all(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Every version of these entries, oldest first.
pub async fn versions_of(tx: &TenantTx, entries: &[Uuid]) -> InfraResult<Vec<VersionRecord>> {
    Ok(version::Entity::find()
        .filter(version::Column::TenantId.eq(tx.tenant().0))
        .filter(version::Column::EntryId.is_in(entries.iter().copied()))
        .order_by_asc(version::Column::EntryId)
        .order_by_asc(version::Column::Version)
        .all(tx.conn())
        .await?)
}

/// The entries made in these encounters (not the encounters themselves), by time.
pub async fn in_encounters(tx: &TenantTx, encounters: &[Uuid]) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::EncounterId.is_in(encounters.iter().copied()))
        .filter(Column::Kind.ne(EntryKind::Encounter.as_str()))
        .order_by_asc(Column::OccurredAt)
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Results reported against these lab orders.
pub async fn results_of_orders(tx: &TenantTx, orders: &[Uuid]) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::OrderId.is_in(orders.iter().copied()))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// The facilities where these patients have (or had) an encounter: where they are in care.
pub async fn facilities_in_care(tx: &TenantTx, patients: &[Uuid]) -> InfraResult<Vec<Uuid>> {
    Ok(Entity::find()
        .select_only()
        .column(Column::FacilityId)
        .distinct()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.is_in(patients.iter().copied()))
        .filter(Column::Kind.eq(EntryKind::Encounter.as_str()))
        .filter(Column::Status.ne(EntryStatus::EnteredInError.as_str()))
        .into_tuple::<Uuid>()
        .all(tx.conn())
        .await?)
}

/// A position in a timeline: the entry's time, then its id to break ties.
pub type TimelineCursor = (DateTime<Utc>, Uuid);

pub struct TimelineQuery {
    /// The patient and the records merged into them.
    pub patients: Vec<Uuid>,
    /// Empty: every kind.
    pub kinds: Vec<EntryKind>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub after: Option<TimelineCursor>,
    pub oldest_first: bool,
    pub limit: u64,
}

/// One page of a patient's timeline (keyset pagination on time and id).
pub async fn timeline(tx: &TenantTx, q: &TimelineQuery) -> InfraResult<Page<EntryRecord>> {
    let mut query = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.is_in(q.patients.iter().copied()));
    if !q.kinds.is_empty() {
        query = query.filter(Column::Kind.is_in(q.kinds.iter().map(|k| k.as_str())));
    }
    if let Some(t) = q.from {
        query = query.filter(Column::OccurredAt.gte(t));
    }
    if let Some(t) = q.until {
        query = query.filter(Column::OccurredAt.lt(t));
    }
    if let Some((at, id)) = q.after {
        let (time_past, id_past) = if q.oldest_first {
            (Column::OccurredAt.gt(at), Column::Id.gt(id))
        } else {
            (Column::OccurredAt.lt(at), Column::Id.lt(id))
        };
        query = query.filter(
            Condition::any()
                .add(time_past)
                .add(Condition::all().add(Column::OccurredAt.eq(at)).add(id_past)),
        );
    }
    let query = if q.oldest_first {
        query
            .order_by_asc(Column::OccurredAt)
            .order_by_asc(Column::Id)
    } else {
        query
            .order_by_desc(Column::OccurredAt)
            .order_by_desc(Column::Id)
    };
    let rows = query.limit(q.limit + 1).all(tx.conn()).await?;
    Ok(Page::from_overfetch(rows, q.limit))
}

/// Everything recorded for these patients, oldest first (the FHIR `$everything`).
pub async fn everything(
    tx: &TenantTx,
    patients: &[Uuid],
    limit: u64,
) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.is_in(patients.iter().copied()))
        .order_by_asc(Column::OccurredAt)
        .order_by_asc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Where a patient's record lies: the surviving record, it and the records merged
/// into it, and the facilities where any has an encounter.
pub struct RecordScope {
    pub survivor: Uuid,
    pub patients: Vec<Uuid>,
    pub facilities_in_care: Vec<Uuid>,
}

/// The record scope in one round trip (PostgreSQL: `app_record_scope`). Outer `None`
/// on SQLite, where callers use the transactional path; inner `None`: no such patient.
pub async fn record_scope_fast(
    db: &crate::Db,
    tenant: arogya_domain::ids::TenantId,
    patient: Uuid,
) -> InfraResult<Option<Option<RecordScope>>> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    if db.backend() != crate::Backend::Postgres {
        return Ok(None);
    }
    let rows = db
        .conn()
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT role, id FROM app_record_scope($1, $2)",
            [tenant.0.into(), patient.into()],
        ))
        .await?;
    let mut scope = RecordScope {
        survivor: Uuid::nil(),
        patients: Vec::new(),
        facilities_in_care: Vec::new(),
    };
    for row in &rows {
        let role: String = row.try_get("", "role")?;
        let id: Uuid = row.try_get("", "id")?;
        match role.as_str() {
            "s" => scope.survivor = id,
            "p" => scope.patients.push(id),
            _ => scope.facilities_in_care.push(id),
        }
    }
    Ok(Some((!rows.is_empty()).then_some(scope)))
}

/// The access-log row a fast timeline read writes.
pub struct TimelineReader {
    pub actor: Uuid,
    pub professional: Uuid,
    pub facility: Option<Uuid>,
    pub unit_path: Option<String>,
    pub purpose: Option<String>,
    pub break_glass: Option<String>,
}

/// `{a,b}`: a PostgreSQL array literal of values that need no quoting (uuids, kinds).
fn array_literal<T: ToString>(items: &[T]) -> String {
    let inner: Vec<String> = items.iter().map(T::to_string).collect();
    format!("{{{}}}", inner.join(","))
}

/// Log the read and return one page (`limit + 1` rows fetched) in one round trip
/// (PostgreSQL: `app_read_timeline`).
pub async fn timeline_fast(
    db: &crate::Db,
    tenant: arogya_domain::ids::TenantId,
    survivor: Uuid,
    q: &TimelineQuery,
    reader: TimelineReader,
) -> InfraResult<Page<EntryRecord>> {
    use sea_orm::{DbBackend, Statement, Value};
    let kinds: Option<String> = (!q.kinds.is_empty())
        .then(|| array_literal(&q.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()));
    let values: Vec<Value> = vec![
        tenant.0.into(),
        array_literal(&q.patients).into(),
        Uuid::now_v7().into(),
        survivor.into(),
        reader.actor.into(),
        reader.professional.into(),
        reader.facility.into(),
        reader.unit_path.into(),
        reader.purpose.into(),
        reader.break_glass.into(),
        Utc::now().into(),
        kinds.into(),
        q.from.into(),
        q.until.into(),
        q.after.map(|a| a.0).into(),
        q.after.map(|a| a.1).into(),
        q.oldest_first.into(),
        ((q.limit + 1) as i32).into(),
    ];
    let rows = Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT * FROM app_read_timeline($1, $2::text::uuid[], $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12::text::text[], $13, $14, $15, $16, $17, $18)",
            values,
        ))
        .all(db.conn())
        .await?;
    Ok(Page::from_overfetch(rows, q.limit))
}
