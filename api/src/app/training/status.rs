//! Closing a session's register (the trainer signs it off) or cancelling a session.

use super::register::Register;
use super::Training;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{reason, AuditAction};
use arogya_domain::training::session::{TrainingDays, TrainingStatus};
use arogya_infra::db::Access;
use arogya_infra::repos::training::sessions;
use chrono::Utc;
use uuid::Uuid;

impl Training<'_> {
    /// Close (the trainer or an administrator) or cancel (an administrator, with the
    /// reason) a session, if nobody changed it since `expected_version`.
    pub async fn change_status(
        &self,
        id: Uuid,
        expected_version: i32,
        to: TrainingStatus,
        why: Option<String>,
    ) -> ApiResult<Register> {
        let mut tx = self.tx(Access::Write).await?;
        let (s, rights, me) = self.session_with_rights(&tx, id).await?;
        if to == TrainingStatus::Cancelled && !rights.manages {
            return Err(ApiError::Forbidden(
                "a training is cancelled by the administrators who run it".into(),
            ));
        }
        let why = match (to, why.as_deref()) {
            (TrainingStatus::Cancelled, w) => Some(reason(w.unwrap_or_default())?),
            (_, Some(w)) if !w.trim().is_empty() => Some(reason(w)?),
            _ => None,
        };
        let days = TrainingDays::new(s.starts_on, s.ends_on).map_err(|_| ApiError::Internal)?;
        TrainingStatus::parse(&s.status)?.change_to(to, &days, today())?;
        if s.version != expected_version
            || !sessions::set_status(
                &tx,
                s.id,
                expected_version,
                to.as_str(),
                why.as_deref(),
                Utc::now(),
            )
            .await?
        {
            return Err(ApiError::Conflict(
                "the training was changed meanwhile; reload it".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::TrainingChange,
            s.id,
            serde_json::json!({ "status": to.as_str(), "from": s.status, "reason": why }),
        )
        .await?;
        let fresh = sessions::find(&tx, s.id).await?.ok_or(ApiError::Internal)?;
        let r = self.build_register(&tx, fresh, me).await?;
        tx.commit().await?;
        Ok(r)
    }
}
