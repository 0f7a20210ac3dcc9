//! The records behind a facility's number: for state and district administrators
//! within their reach (a district official sees their district; everyone else sees
//! the aggregates only). Each look is written to the audit trail with the health IDs
//! shown, as a read of those patients.

use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::dashboards::indicators::MonthRange;
use arogya_domain::dashboards::measures::{department_filter, Measure};
use arogya_domain::ids::FacilityId;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::facilities;
use arogya_infra::repos::indicators::rows::{rows_behind, RowBehind};

/// At most this many rows at once (the rest: narrow the months or the department).
pub const MAX_ROWS: usize = 500;

#[derive(Debug, Clone)]
pub struct RowsBehind {
    pub facility: String,
    pub range: MonthRange,
    pub total: usize,
    /// The total of the rows' values: the number on screen.
    pub sum: i64,
    pub rows: Vec<RowBehind>,
}

impl Dashboards<'_> {
    pub async fn rows_behind(
        &self,
        facility: FacilityId,
        from: &str,
        to: &str,
        measure: Measure,
        department: Option<&str>,
    ) -> ApiResult<RowsBehind> {
        let reach = self.principal.registry_write_reach().map_err(|_| {
            ApiError::Forbidden(
                "the records behind a number are for state and district administrators".into(),
            )
        })?;
        let range = MonthRange::parse(from, to, today())?;
        let department = department.map(department_filter).transpose()?;
        let mut tx = self.tx(Access::Write).await?;
        let f = facilities::find(&tx, facility)
            .await?
            .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
            .ok_or_else(|| ApiError::NotFound("facility not found".into()))?;
        let mut rows = rows_behind(
            &tx,
            f.id,
            measure.as_str(),
            department.as_deref(),
            range.from,
            range.until,
        )
        .await?;
        let (total, sum) = (rows.len(), rows.iter().map(|r| r.value).sum());
        rows.truncate(MAX_ROWS);
        let shown: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.patient.as_ref().map(|p| p.health_id.as_str()))
            .collect();
        let event = NewAuditEvent::new(
            Actor::from(self.principal),
            AuditAction::IndicatorRows,
            "facility",
            Some(f.id),
        )
        .with_detail(serde_json::json!({
            "measure": measure.as_str(), "from": range.from, "to": range.until,
            "department": department, "healthIds": shown,
        }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(RowsBehind {
            facility: f.name,
            range,
            total,
            sum,
            rows,
        })
    }
}
