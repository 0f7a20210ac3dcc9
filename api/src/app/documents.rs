//! Documents: upload slots, confirmation, downloads and deletion, each allowed only
//! to those who may see (or change) the object that owns the document: a hospital's
//! application, or a health-record entry.
//!
//! The bytes never pass through the API for S3: the client PUTs them to a presigned
//! URL, then confirms; the server reads the object once to check its size, SHA-256
//! and real type (by its leading bytes), and marks it available or rejected.

use super::records::{self, Clinical, ReadRequest};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::{Principal, UnitReach};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::document::{
    key_belongs_to, upload_key, verify_upload, ContentType, DocumentPurpose, DocumentSettings,
    DocumentStatus, FileName, Sha256Hex, UploadRequest,
};
use arogya_domain::ids::TenantId;
use arogya_domain::onboarding::ApplicationAction;
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::applications::{self, ApplicationRecord};
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::documents::{self, DocumentRecord, Owner};
use arogya_infra::storage::{Download, PresignedRequest};
use arogya_infra::TenantTx;
use chrono::{Duration, Utc};
use uuid::Uuid;

fn not_found() -> ApiError {
    DomainError::NotFound { entity: "document" }.into()
}

fn staff_tenant(principal: &Principal) -> ApiResult<TenantId> {
    principal
        .tenant()
        .ok_or_else(|| ApiError::Forbidden("platform administrators hold no documents".into()))
}

/// Who is asking, for documents.
pub struct DocumentCaller<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

impl DocumentCaller<'_> {
    fn actor(&self) -> Actor {
        Actor::from(self.principal)
    }

    fn clinical(&self) -> ApiResult<Clinical<'_>> {
        Ok(Clinical {
            state: self.state,
            staff: self.principal.clinical_staff()?,
            actor: self.actor(),
            meta: self.meta.clone(),
        })
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        doc: &DocumentRecord,
        mut detail: serde_json::Value,
    ) -> ApiResult<()> {
        detail["purpose"] = serde_json::json!(doc.purpose);
        detail["owner"] = serde_json::json!({ "kind": doc.owner_kind, "id": doc.owner_id });
        let event =
            NewAuditEvent::new(self.actor(), action, "document", Some(doc.id)).with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}

/// The owner a new document goes to.
#[derive(Debug, Clone, Copy)]
pub enum UploadFor {
    Application(Uuid),
    Entry(Uuid),
}

/// What the client asks for.
pub struct SlotRequest {
    pub purpose: DocumentPurpose,
    pub file_name: FileName,
    pub content_type: String,
    pub size_bytes: i64,
    pub owner: UploadFor,
}

/// The applicant's own application, while it can still be changed.
pub(crate) async fn editable_application(
    tx: &TenantTx,
    principal: &Principal,
    id: Uuid,
) -> ApiResult<ApplicationRecord> {
    let (_, me) = principal.applicant()?;
    let app = applications::find(tx, id)
        .await?
        .filter(|a| a.applicant_user_id == me.0)
        .ok_or(DomainError::NotFound {
            entity: "application",
        })?;
    applications::status_of(&app)?.transition(ApplicationAction::Edit)?;
    Ok(app)
}

/// May `principal` see application `app`? Its applicant always; reviewers once it has
/// been submitted and when it lies in their reach.
pub(crate) fn may_see_application(principal: &Principal, app: &ApplicationRecord) -> bool {
    if let Ok((_, me)) = principal.applicant() {
        if app.applicant_user_id == me.0 {
            return true;
        }
    }
    match principal.application_review_reach() {
        Ok(reach) => app.submitted_at.is_some() && in_reach(&reach, app),
        Err(_) => false,
    }
}

pub(crate) fn in_reach(reach: &UnitReach, app: &ApplicationRecord) -> bool {
    match (reach, &app.unit_path) {
        (UnitReach::Whole, _) => true,
        (UnitReach::Subtrees(_), Some(path)) => reach.allows(&UnitPath::from_stored(path.clone())),
        (UnitReach::Subtrees(_), None) => false,
    }
}

fn ttl(secs: u64) -> std::time::Duration {
    std::time::Duration::from_secs(secs)
}

/// Open an upload slot: a pending document and a URL to PUT its bytes to.
pub async fn request_upload(
    caller: &DocumentCaller<'_>,
    req: SlotRequest,
) -> ApiResult<(DocumentRecord, PresignedRequest)> {
    let state = caller.state;
    let tenant = staff_tenant(caller.principal)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let (settings, _) = documents::settings(&tx).await?;
    let upload = UploadRequest::new(
        req.purpose,
        req.file_name,
        &req.content_type,
        req.size_bytes,
        &settings,
        state.config.upload_max_bytes,
    )?;
    let owner = match req.owner {
        UploadFor::Application(id) => {
            if !upload.purpose.is_onboarding() {
                return Err(ApiError::validation(
                    "purpose",
                    format!(
                        "a {} belongs to a health record, not an application",
                        upload.purpose.label()
                    ),
                ));
            }
            editable_application(&tx, caller.principal, id).await?;
            Owner::Application(id)
        }
        UploadFor::Entry(id) => {
            let c = caller.clinical()?;
            records::attachable_entry(&c, &tx, id, upload.purpose).await?;
            Owner::ClinicalEntry(id)
        }
    };
    let expires = Utc::now() + Duration::seconds(state.config.upload_slot_ttl_secs as i64);
    let doc =
        documents::insert_slot(&tx, owner, &upload, caller.principal.user_id().0, expires).await?;
    caller
        .audit(
            &mut tx,
            AuditAction::DocumentUploadSlot,
            &doc,
            serde_json::json!({ "fileName": doc.file_name, "sizeBytes": doc.size_bytes, "contentType": doc.content_type }),
        )
        .await?;
    tx.commit().await?;
    let put = state
        .store
        .presign_put(
            &upload_key(tenant, doc.id),
            upload.content_type.as_str(),
            upload.size_bytes,
            ttl(state.config.upload_url_ttl_secs),
        )
        .await?;
    Ok((doc, put))
}

/// A document the caller uploaded (only the uploader confirms).
async fn own_upload(tx: &TenantTx, principal: &Principal, id: Uuid) -> ApiResult<DocumentRecord> {
    documents::find(tx, id)
        .await?
        .filter(|d| d.uploaded_by == principal.user_id().0)
        .filter(|d| key_belongs_to(&d.object_key, tx.tenant()))
        .ok_or_else(not_found)
}

/// Check what was uploaded and settle the document: `available`, or `rejected` with
/// the reason (a rejected object is destroyed at once: it may be anything).
pub async fn confirm_upload(
    caller: &DocumentCaller<'_>,
    id: Uuid,
    sha256: Sha256Hex,
) -> ApiResult<DocumentRecord> {
    let state = caller.state;
    let tenant = staff_tenant(caller.principal)?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let doc = own_upload(&tx, caller.principal, id).await?;
    let (settings, _) = documents::settings(&tx).await?;
    tx.commit().await?;
    match DocumentStatus::parse(&doc.status)? {
        DocumentStatus::Pending => {}
        DocumentStatus::Available if doc.sha256.as_deref() == Some(sha256.as_str()) => {
            return Ok(doc)
        }
        other => {
            return Err(ApiError::validation(
                "documentId",
                format!("the document is {} already", other.as_str()),
            ))
        }
    }
    if doc.slot_expires_at < Utc::now() {
        return Err(ApiError::validation(
            "documentId",
            "the upload slot has expired: ask for a new one",
        ));
    }
    let declared = UploadRequest {
        purpose: DocumentPurpose::parse(&doc.purpose)?,
        file_name: FileName::parse(&doc.file_name)?,
        content_type: ContentType::parse(&doc.content_type)?,
        size_bytes: doc.size_bytes as u64,
    };
    // Move the upload where no upload URL reaches, then check it there, so what is
    // checked is what stays. Read outside any transaction: 20 MB from S3 takes a while.
    state
        .store
        .promote(&upload_key(tenant, doc.id), &doc.object_key)
        .await?;
    let found = state.store.inspect(&doc.object_key).await?;
    let outcome = verify_upload(&declared, &sha256, found.as_ref(), &settings);
    if outcome.is_err() && found.is_some() {
        state.store.delete(&doc.object_key).await?;
    }
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = own_upload(&tx, caller.principal, id).await?;
    let detail = match &outcome {
        Ok(t) => serde_json::json!({ "outcome": "available", "contentType": t.as_str() }),
        Err(reason) => serde_json::json!({ "outcome": "rejected", "reason": reason }),
    };
    let settled = documents::settle(
        &tx,
        &current,
        outcome.map(|t| (t, sha256.as_str().to_owned())),
    )
    .await?;
    caller
        .audit(&mut tx, AuditAction::DocumentConfirm, &settled, detail)
        .await?;
    tx.commit().await?;
    Ok(settled)
}

/// May the caller read this document? Checks the owner, and for health records logs
/// the read in the patient's access log.
async fn check_read(
    caller: &DocumentCaller<'_>,
    tx: &TenantTx,
    doc: &DocumentRecord,
    read: &ReadRequest,
) -> ApiResult<()> {
    match Owner::of(doc) {
        Some(Owner::Application(app)) => {
            let app = applications::find(tx, app).await?.ok_or_else(not_found)?;
            if may_see_application(caller.principal, &app) {
                Ok(())
            } else {
                Err(not_found())
            }
        }
        Some(Owner::ClinicalEntry(entry)) => {
            let c = caller.clinical().map_err(|_| not_found())?;
            records::open_entry_document(&c, tx, entry, read).await?;
            Ok(())
        }
        None => Err(not_found()),
    }
}

/// A short-lived URL to download an available document.
pub async fn download_url(
    caller: &DocumentCaller<'_>,
    id: Uuid,
    read: &ReadRequest,
) -> ApiResult<PresignedRequest> {
    let state = caller.state;
    let tenant = staff_tenant(caller.principal)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let doc = documents::find(&tx, id)
        .await?
        .filter(|d| key_belongs_to(&d.object_key, tenant))
        .ok_or_else(not_found)?;
    check_read(caller, &tx, &doc, read).await?;
    if doc.status != DocumentStatus::Available.as_str() {
        return Err(ApiError::validation(
            "documentId",
            format!("the document is {}, not available", doc.status),
        ));
    }
    caller
        .audit(
            &mut tx,
            AuditAction::DocumentDownload,
            &doc,
            serde_json::json!({}),
        )
        .await?;
    tx.commit().await?;
    Ok(state
        .store
        .presign_get(
            &doc.object_key,
            Download {
                // Offered under a name whose extension fits its real type.
                file_name: &match ContentType::parse(&doc.content_type) {
                    Ok(t) => arogya_domain::document::download_name(&doc.file_name, t),
                    Err(_) => doc.file_name.clone(),
                },
                content_type: &doc.content_type,
            },
            ttl(state.config.upload_url_ttl_secs),
        )
        .await?)
}

/// Documents the caller may see, of one owner (the GraphQL fields use this).
pub async fn of_application(tx: &TenantTx, app: Uuid) -> ApiResult<Vec<DocumentRecord>> {
    Ok(documents::of_owners(tx, Owner::Application(app).kind(), &[app]).await?)
}

/// Withdraw a document from an application that can still be changed. The object is
/// kept until the retention period ends.
pub async fn delete_document(
    caller: &DocumentCaller<'_>,
    id: Uuid,
    expected_version: i32,
) -> ApiResult<DocumentRecord> {
    let state = caller.state;
    let tenant = staff_tenant(caller.principal)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let doc = documents::find(&tx, id).await?.ok_or_else(not_found)?;
    match Owner::of(&doc) {
        Some(Owner::Application(app)) => {
            editable_application(&tx, caller.principal, app).await?;
        }
        Some(Owner::ClinicalEntry(_)) => {
            return Err(ApiError::validation(
                "documentId",
                "documents of health records are never deleted: mark the entry entered in error instead",
            ))
        }
        None => return Err(not_found()),
    }
    if doc.version != expected_version {
        return Err(DomainError::conflict(format!(
            "the document is at version {}, not {expected_version}; reload and try again",
            doc.version
        ))
        .into());
    }
    if doc.status == DocumentStatus::Deleted.as_str() {
        return Err(ApiError::validation(
            "documentId",
            "the document is deleted already",
        ));
    }
    let purge = Utc::now() + Duration::days(state.config.document_retention_days as i64);
    let deleted = documents::mark_deleted(&tx, &doc, purge).await?;
    caller
        .audit(
            &mut tx,
            AuditAction::DocumentDelete,
            &deleted,
            serde_json::json!({}),
        )
        .await?;
    tx.commit().await?;
    Ok(deleted)
}

/// The tenant's document rules and their version (0: the defaults, never changed).
pub async fn settings(state: &AppState, tenant: TenantId) -> ApiResult<(DocumentSettings, i32)> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let s = documents::settings(&tx).await?;
    tx.commit().await?;
    Ok(s)
}

pub async fn update_settings(
    state: &AppState,
    principal: &Principal,
    meta: &RequestMeta,
    settings: DocumentSettings,
    expected_version: i32,
) -> ApiResult<(DocumentSettings, i32)> {
    let tenant = principal.require_state_admin("set the document rules")?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let version = documents::save_settings(&tx, &settings, expected_version).await?;
    let detail = serde_json::json!({
        "allowedTypes": settings.allowed_types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "requiredDocuments": settings.required_for_onboarding.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
    });
    let event = NewAuditEvent::new(
        Actor::from(principal),
        AuditAction::DocumentSettingsUpdate,
        "document_settings",
        Some(tenant.0),
    )
    .with_detail(detail);
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    Ok((settings, version))
}
