//! Nominating professionals of the registry to a session.

use super::register::Register;
use super::Training;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::professional::VerificationStatus;
use arogya_domain::training::session::TrainingStatus;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::professionals;
use arogya_infra::repos::training::nominees::{self, NomineeRecord};
use chrono::Utc;
use uuid::Uuid;

/// The most professionals nominated in one go.
pub const MAX_AT_ONCE: usize = 500;

impl Training<'_> {
    /// Nominate professionals to a session the caller runs. Those already nominated
    /// are left as they are; the session's capacity is kept.
    pub async fn nominate(&self, session: Uuid, people: Vec<Uuid>) -> ApiResult<Register> {
        let mut people = people;
        people.sort();
        people.dedup();
        if people.is_empty() || people.len() > MAX_AT_ONCE {
            return Err(ApiError::validation(
                "professionalIds",
                format!("nominate 1 to {MAX_AT_ONCE} professionals at a time"),
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let (s, rights, me) = self.session_with_rights(&tx, session).await?;
        if !rights.manages {
            return Err(ApiError::Forbidden(
                "trainees are nominated by the administrators who run the training".into(),
            ));
        }
        if s.status != TrainingStatus::Scheduled.as_str() {
            return Err(ApiError::Conflict(format!(
                "the training is {}: nobody more is nominated",
                s.status
            )));
        }
        let found = professionals::find_many(&tx, &people).await?;
        if found.len() != people.len() {
            return Err(DomainError::NotFound {
                entity: "professional",
            }
            .into());
        }
        if let Some(p) = found
            .iter()
            .find(|p| p.status == VerificationStatus::Rejected.as_str())
        {
            return Err(ApiError::validation(
                "professionalIds",
                format!("{}'s registration was rejected: not nominated", p.name),
            ));
        }
        let already: Vec<Uuid> = nominees::of_session(&tx, s.id)
            .await?
            .into_iter()
            .map(|n| n.professional_id)
            .collect();
        let new: Vec<Uuid> = people
            .into_iter()
            .filter(|p| !already.contains(p))
            .collect();
        if let Some(cap) = s.capacity {
            let total = already.len() + new.len();
            if total > cap as usize {
                return Err(ApiError::validation(
                    "professionalIds",
                    format!(
                        "the training takes {cap}; {} are nominated, so at most {} more",
                        already.len(),
                        (cap as usize).saturating_sub(already.len())
                    ),
                ));
            }
        }
        let now = Utc::now();
        let by = self.user();
        nominees::insert_many(
            &tx,
            new.iter()
                .map(|p| NomineeRecord {
                    tenant_id: tx.tenant().0,
                    session_id: s.id,
                    professional_id: *p,
                    nominated_by: by,
                    nominated_at: now,
                })
                .collect(),
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::TrainingChange,
            s.id,
            serde_json::json!({ "nominated": new }),
        )
        .await?;
        let r = self.build_register(&tx, s, me).await?;
        tx.commit().await?;
        Ok(r)
    }
}
