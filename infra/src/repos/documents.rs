//! Document metadata: upload slots, their confirmation, owners' lists, and what the
//! maintenance task expires and purges. The bytes are in the object store.

use crate::db::{InfraResult, TenantTx};
use crate::entities::document::{self, Column, Entity};
use crate::entities::document_settings;
use arogya_domain::document::{
    object_key, ContentType, DocumentPurpose, DocumentSettings, DocumentStatus, UploadRequest,
};
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type DocumentRecord = document::Model;

/// What owns a document: it is visible to whoever may see the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Application(Uuid),
    ClinicalEntry(Uuid),
}

impl Owner {
    pub fn kind(&self) -> &'static str {
        match self {
            Owner::Application(_) => "application",
            Owner::ClinicalEntry(_) => "clinical_entry",
        }
    }
    pub fn id(&self) -> Uuid {
        match self {
            Owner::Application(id) | Owner::ClinicalEntry(id) => *id,
        }
    }
    pub fn of(record: &DocumentRecord) -> Option<Owner> {
        match record.owner_kind.as_str() {
            "application" => Some(Owner::Application(record.owner_id)),
            "clinical_entry" => Some(Owner::ClinicalEntry(record.owner_id)),
            _ => None,
        }
    }
}

/// A new slot: a `pending` document whose object key is fixed now.
pub async fn insert_slot(
    tx: &TenantTx,
    owner: Owner,
    request: &UploadRequest,
    uploaded_by: Uuid,
    slot_expires_at: DateTime<Utc>,
) -> InfraResult<DocumentRecord> {
    let id = Uuid::now_v7();
    let key = object_key(tx.tenant(), id);
    Ok(document::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        owner_kind: Set(owner.kind().to_owned()),
        owner_id: Set(owner.id()),
        purpose: Set(request.purpose.as_str().to_owned()),
        file_name: Set(request.file_name.as_str().to_owned()),
        content_type: Set(request.content_type.as_str().to_owned()),
        size_bytes: Set(request.size_bytes as i64),
        object_key: Set(key),
        status: Set(DocumentStatus::Pending.as_str().to_owned()),
        sha256: Set(None),
        reject_reason: Set(None),
        uploaded_by: Set(uploaded_by),
        created_at: Set(Utc::now()),
        slot_expires_at: Set(slot_expires_at),
        confirmed_at: Set(None),
        deleted_at: Set(None),
        purge_after: Set(None),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<DocumentRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// The documents of several owners of one kind (not deleted or expired), oldest first.
pub async fn of_owners(
    tx: &TenantTx,
    kind: &str,
    owners: &[Uuid],
) -> InfraResult<Vec<DocumentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::OwnerKind.eq(kind))
        .filter(Column::OwnerId.is_in(owners.iter().copied()))
        .filter(Column::Status.is_not_in([
            DocumentStatus::Deleted.as_str(),
            DocumentStatus::Expired.as_str(),
        ]))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Settle a pending document: `available` with its digest, or `rejected` with a reason.
pub async fn settle(
    tx: &TenantTx,
    doc: &DocumentRecord,
    outcome: Result<(ContentType, String), String>,
) -> InfraResult<DocumentRecord> {
    let now = Utc::now();
    let mut update = Entity::update_many()
        .col_expr(Column::ConfirmedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(doc.version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(doc.id))
        .filter(Column::Status.eq(DocumentStatus::Pending.as_str()));
    update = match outcome {
        Ok((_, sha)) => update
            .col_expr(
                Column::Status,
                Expr::value(DocumentStatus::Available.as_str()),
            )
            .col_expr(Column::Sha256, Expr::value(sha)),
        Err(reason) => update
            .col_expr(
                Column::Status,
                Expr::value(DocumentStatus::Rejected.as_str()),
            )
            .col_expr(Column::RejectReason, Expr::value(reason)),
    };
    super::versioned_update(tx, update, Column::Version, doc.version, "document").await?;
    find(tx, doc.id)
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "document" }.into())
}

/// Mark a document deleted; its object is kept until `purge_after`.
pub async fn mark_deleted(
    tx: &TenantTx,
    doc: &DocumentRecord,
    purge_after: DateTime<Utc>,
) -> InfraResult<DocumentRecord> {
    let now = Utc::now();
    let update = Entity::update_many()
        .col_expr(
            Column::Status,
            Expr::value(DocumentStatus::Deleted.as_str()),
        )
        .col_expr(Column::DeletedAt, Expr::value(now))
        .col_expr(Column::PurgeAfter, Expr::value(purge_after))
        .col_expr(Column::Version, Expr::value(doc.version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(doc.id));
    super::versioned_update(tx, update, Column::Version, doc.version, "document").await?;
    find(tx, doc.id)
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "document" }.into())
}

/// Mark every live document of an owner deleted (the owner itself is going away).
pub async fn delete_all_of(
    tx: &TenantTx,
    owner: Owner,
    purge_after: DateTime<Utc>,
) -> InfraResult<u64> {
    Ok(Entity::update_many()
        .col_expr(
            Column::Status,
            Expr::value(DocumentStatus::Deleted.as_str()),
        )
        .col_expr(Column::DeletedAt, Expr::value(Utc::now()))
        .col_expr(Column::PurgeAfter, Expr::value(purge_after))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::OwnerKind.eq(owner.kind()))
        .filter(Column::OwnerId.eq(owner.id()))
        .filter(Column::Status.is_in([
            DocumentStatus::Pending.as_str(),
            DocumentStatus::Available.as_str(),
            DocumentStatus::Rejected.as_str(),
        ]))
        .exec(tx.conn())
        .await?
        .rows_affected)
}

/// Pending slots whose time ran out, a batch at a time.
pub async fn expired_slots(
    tx: &TenantTx,
    now: DateTime<Utc>,
    limit: u64,
) -> InfraResult<Vec<DocumentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(DocumentStatus::Pending.as_str()))
        .filter(Column::SlotExpiresAt.lt(now))
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// The status of each of `ids` that exists in the tenant (one query).
pub async fn statuses(
    tx: &TenantTx,
    ids: &[Uuid],
) -> InfraResult<std::collections::HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|d| (d.id, d.status))
        .collect())
}

/// Deleted documents past their retention, whose objects may now be destroyed.
pub async fn purgeable(
    tx: &TenantTx,
    now: DateTime<Utc>,
    limit: u64,
) -> InfraResult<Vec<DocumentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(DocumentStatus::Deleted.as_str()))
        .filter(Column::PurgeAfter.lt(now))
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Mark a pending slot expired (only if still pending).
pub async fn mark_expired(tx: &TenantTx, id: Uuid) -> InfraResult<bool> {
    Ok(Entity::update_many()
        .col_expr(
            Column::Status,
            Expr::value(DocumentStatus::Expired.as_str()),
        )
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(DocumentStatus::Pending.as_str()))
        .exec(tx.conn())
        .await?
        .rows_affected
        == 1)
}

/// After the object is destroyed, the row stays (who uploaded what, when) with no
/// purge date left.
pub async fn mark_purged(tx: &TenantTx, id: Uuid) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(
            Column::PurgeAfter,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

fn join<T>(items: &[T], name: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(",")
}

/// The tenant's document settings (the defaults until an administrator sets them).
pub async fn settings(tx: &TenantTx) -> InfraResult<(DocumentSettings, i32)> {
    let Some(row) = document_settings::Entity::find_by_id(tx.tenant().0)
        .one(tx.conn())
        .await?
    else {
        return Ok((DocumentSettings::default(), 0));
    };
    let parse_list = |text: &str| {
        text.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let types = parse_list(&row.allowed_types)
        .iter()
        .filter_map(|t| ContentType::parse(t).ok())
        .collect();
    let required = parse_list(&row.required_documents)
        .iter()
        .filter_map(|p| DocumentPurpose::parse(p).ok())
        .collect();
    let settings = DocumentSettings::new(types, required).map_err(|e| {
        crate::db::InfraError::Internal(anyhow::anyhow!(
            "stored document settings are invalid: {e}"
        ))
    })?;
    Ok((settings, row.version))
}

/// Replace the tenant's settings, if the caller saw the current version (0: never set).
pub async fn save_settings(
    tx: &TenantTx,
    settings: &DocumentSettings,
    expected_version: i32,
) -> InfraResult<i32> {
    let types = join(&settings.allowed_types, |t| t.as_str());
    let required = join(&settings.required_for_onboarding, |p| p.as_str());
    let (_, current) = self::settings(tx).await?;
    if current != expected_version {
        return Err(DomainError::conflict(format!(
            "the document settings are at version {current}, not {expected_version}; reload and try again"
        ))
        .into());
    }
    if current == 0 {
        document_settings::ActiveModel {
            tenant_id: Set(tx.tenant().0),
            allowed_types: Set(types),
            required_documents: Set(required),
            updated_at: Set(Utc::now()),
            version: Set(1),
        }
        .insert(tx.conn())
        .await
        .map_err(|e| {
            if crate::db::is_unique_violation(&e) {
                DomainError::conflict("the document settings were just set by someone else; reload")
                    .into()
            } else {
                crate::db::InfraError::from(e)
            }
        })?;
        return Ok(1);
    }
    let update = document_settings::Entity::update_many()
        .col_expr(document_settings::Column::AllowedTypes, Expr::value(types))
        .col_expr(
            document_settings::Column::RequiredDocuments,
            Expr::value(required),
        )
        .col_expr(
            document_settings::Column::UpdatedAt,
            Expr::value(Utc::now()),
        )
        .col_expr(document_settings::Column::Version, Expr::value(current + 1))
        .filter(document_settings::Column::TenantId.eq(tx.tenant().0));
    super::versioned_update(
        tx,
        update,
        document_settings::Column::Version,
        current,
        "document settings",
    )
    .await?;
    Ok(current + 1)
}
