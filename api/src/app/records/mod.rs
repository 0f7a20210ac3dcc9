//! Health records' use cases: encounters and entries (with versions), reading a
//! patient's record (every read logged, break-glass flagged), and reviewing access.
//! Mutations are written to the audit trail; reads to the record access log, in the
//! same transaction as the read.

// The imports below serve the submodules too: each starts with `use super::*`.
use super::professionals::today;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::clinical::entry::{EntryDetails, EntryKind, EntryStatus};
use arogya_domain::clinical::policy::{ClinicalStaff, Clinician, ReadGrant};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::professional::VerificationStatus;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::clinical::{self as repo, Author, EntryRecord};
use arogya_infra::repos::patients::{self, PatientRecord};
use arogya_infra::repos::professionals::{self, AttachmentRecord, ProfessionalRecord};
use arogya_infra::repos::record_access::{self, NewAccess};
use arogya_infra::TenantTx;
use chrono::{DateTime, Utc};
use uuid::Uuid;

mod clinicians;
pub mod directory;
mod documents;
mod reading;
mod review;
mod writing;

pub use clinicians::ClinicianCache;

pub use documents::*;
pub use reading::*;
pub use review::*;
pub use writing::*;

/// A member of clinical staff acting on health records, from where.
pub struct Clinical<'a> {
    pub state: &'a AppState,
    pub staff: ClinicalStaff,
    pub actor: Actor,
    pub meta: RequestMeta,
}

/// The clinician behind an account: the professional linked to it and where they
/// are posted today.
pub struct Me {
    pub clinician: Clinician,
    pub professional: ProfessionalRecord,
    pub postings: Vec<AttachmentRecord>,
}

impl Me {
    fn author(&self) -> Author {
        Author {
            user: self.clinician.staff.user.0,
            professional: self.professional.id,
        }
    }
}

impl Clinical<'_> {
    fn tenant(&self) -> TenantId {
        self.staff.tenant
    }

    async fn tx(&self) -> ApiResult<TenantTx> {
        Ok(self
            .state
            .db
            .tenant_tx(self.tenant(), Access::Write)
            .await?)
    }

    async fn me(&self, tx: &TenantTx) -> ApiResult<Me> {
        let professional = professionals::find_by_user(tx, self.staff.user.0)
            .await?
            .ok_or_else(|| {
                ApiError::Forbidden(
                    "your account is not linked to a professional in the registry".into(),
                )
            })?;
        let postings =
            professionals::attachments_of_professionals(tx, &[professional.id], Some(today()))
                .await?;
        self.state.clinicians.put(
            self.tenant(),
            self.staff.user,
            std::sync::Arc::new((professional.clone(), postings.clone())),
        );
        self.me_from(professional, postings)
    }

    /// Who the caller is, from the cache when it is fresh (reads only).
    async fn me_cached(&self) -> ApiResult<Me> {
        if let Some(known) = self.state.clinicians.get(self.tenant(), self.staff.user) {
            let (professional, postings) = known.as_ref();
            return self.me_from(professional.clone(), postings.clone());
        }
        let tx = self.state.db.tenant_tx(self.tenant(), Access::Read).await?;
        let me = self.me(&tx).await?;
        tx.commit().await?;
        Ok(me)
    }

    fn me_from(
        &self,
        professional: ProfessionalRecord,
        postings: Vec<AttachmentRecord>,
    ) -> ApiResult<Me> {
        Ok(Me {
            clinician: Clinician {
                staff: self.staff.clone(),
                verification: VerificationStatus::parse(&professional.status)?,
                facilities: postings.iter().map(|a| FacilityId(a.facility_id)).collect(),
            },
            professional,
            postings,
        })
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entry: &EntryRecord,
        mut detail: serde_json::Value,
    ) -> ApiResult<()> {
        detail["kind"] = serde_json::json!(entry.kind);
        detail["patientId"] = serde_json::json!(entry.patient_id);
        detail["version"] = serde_json::json!(entry.version);
        let event = NewAuditEvent::new(self.actor, action, "clinical_entry", Some(entry.id))
            .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}

/// A patient as the records see them: the surviving record after merges, and the ids
/// of every record merged into it (their entries are the patient's too).
pub struct PatientScope {
    pub patient: PatientRecord,
    pub ids: Vec<Uuid>,
    /// The records merged into the patient (directly or through another merged one).
    pub merged: Vec<PatientRecord>,
}

/// Merge chains are short; this bounds a corrupt one.
const MAX_MERGED: usize = 64;

pub async fn patient_scope(tx: &TenantTx, id: Uuid) -> ApiResult<PatientScope> {
    let found = patients::find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "patient" })?;
    let patient = patients::resolve(tx, found).await?;
    let mut ids = vec![patient.id];
    let mut all_merged = Vec::new();
    let mut next = 0;
    while next < ids.len() && ids.len() < MAX_MERGED {
        let merged = patients::merged_into(tx, ids[next]).await?;
        ids.extend(merged.iter().map(|p| p.id));
        all_merged.extend(merged);
        next += 1;
    }
    Ok(PatientScope {
        patient,
        ids,
        merged: all_merged,
    })
}

pub fn entry_not_found() -> ApiError {
    DomainError::NotFound { entity: "entry" }.into()
}

/// Stored details, parsed back. A row that does not parse is a bug: logged, hidden.
pub fn details_of(kind: &str, json: &serde_json::Value) -> ApiResult<EntryDetails> {
    let kind = EntryKind::parse(kind)?;
    EntryDetails::from_json(kind, json.clone())
        .map_err(|e| ApiError::internal(&anyhow::anyhow!("stored {} entry: {e}", kind.as_str())))
}
