//! The tenant's notifiable conditions: read by everyone who reports or watches, changed
//! by state administrators and the state surveillance cell.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::surveillance::access::configures;
use arogya_domain::surveillance::condition::ConditionDef;
use arogya_infra::db::Access;
use arogya_infra::repos::surveillance::conditions::{self as repo, ConditionRecord};
use uuid::Uuid;

impl Surveillance<'_> {
    pub async fn conditions(&self) -> ApiResult<Vec<ConditionRecord>> {
        self.tenant()?;
        let tx = self.tx(Access::Read).await?;
        Ok(repo::all(&tx).await?)
    }

    pub async fn update_condition(
        &self,
        id: Uuid,
        expected_version: i32,
        def: ConditionDef,
        active: bool,
    ) -> ApiResult<ConditionRecord> {
        if !configures(self.principal) {
            return Err(ApiError::Forbidden(
                "notifiable conditions are set by state administrators and the state surveillance cell".into(),
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let before = repo::find(&tx, id).await?.ok_or_else(|| {
            ApiError::from(arogya_domain::DomainError::NotFound {
                entity: "condition",
            })
        })?;
        if before.code != def.code {
            return Err(ApiError::validation(
                "code",
                "a condition keeps its code (reports and DHIS2 mappings use it)",
            ));
        }
        let saved = repo::update(&tx, id, expected_version, &def, active).await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceSetup,
            "notifiable_condition",
            Some(id),
            serde_json::json!({
                "code": saved.code,
                "before": { "icd10": before.icd10, "loinc": before.loinc, "episodeDays": before.episode_days, "active": before.active },
                "after": { "icd10": saved.icd10, "loinc": saved.loinc, "episodeDays": saved.episode_days, "active": saved.active },
            }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }
}
