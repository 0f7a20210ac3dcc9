//! A facility's history of EMR readiness (who changed what, when), and the tenant's
//! roll-out deadline, set by the state.

use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::dashboards::emr_rollout::EmrDeadline;
use arogya_domain::ids::FacilityId;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::dashboards::emr_changes::{self, ChangeRecord};
use arogya_infra::repos::dashboards::emr_deadlines::{self, DeadlineRecord};
use arogya_infra::repos::{facilities, users};
use chrono::NaiveDate;
use std::collections::HashMap;
use uuid::Uuid;

/// One row of a facility's history, with the name of who made it (none: the system,
/// or the registry as it stood when tracking began).
#[derive(Debug, Clone)]
pub struct Change {
    pub record: ChangeRecord,
    pub by: Option<String>,
}

impl Dashboards<'_> {
    /// Newest first. Only administrators of the facility's place see who changed what;
    /// for anyone else the facility is not found.
    pub async fn emr_history(&self, facility: FacilityId) -> ApiResult<Vec<Change>> {
        let reach = self.principal.registry_write_reach()?;
        let tx = self.tx(Access::Read).await?;
        let f = facilities::find(&tx, facility)
            .await?
            .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
            .ok_or_else(|| ApiError::NotFound("facility not found".into()))?;
        let rows = emr_changes::of_facility(&tx, f.id).await?;
        let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.changed_by).collect();
        let names: HashMap<Uuid, String> = users::find_many(&tx, &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|record| Change {
                by: record.changed_by.and_then(|u| names.get(&u).cloned()),
                record,
            })
            .collect())
    }

    /// The deadline in force, if any.
    pub async fn emr_deadline(&self) -> ApiResult<Option<DeadlineRecord>> {
        let tx = self.tx(Access::Read).await?;
        let d = emr_deadlines::current(&tx).await?;
        tx.commit().await?;
        Ok(d)
    }

    /// Set the roll-out's deadline over the version the caller saw (0: none yet).
    pub async fn set_emr_deadline(
        &self,
        date: NaiveDate,
        expected_version: i32,
    ) -> ApiResult<DeadlineRecord> {
        self.principal
            .require_state_admin("set the EMR roll-out's deadline")?;
        let deadline = EmrDeadline::parse(date, today())?;
        let mut tx = self.tx(Access::Write).await?;
        let by = self.principal.user_id().0;
        let set = emr_deadlines::set(&tx, expected_version, deadline.date(), by).await?;
        let event = NewAuditEvent::new(
            Actor::User(by),
            AuditAction::EmrRollout,
            "emr_deadline",
            None,
        )
        .with_detail(serde_json::json!({ "deadline": set.deadline, "version": set.version }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(set)
    }
}
