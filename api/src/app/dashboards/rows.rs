//! The records behind a number of a facility, a unit or the caller's whole reach: for
//! state and district administrators within their reach (a district official sees
//! their district; everyone else sees the aggregates only). Above a facility, one
//! month at a time (a district's month is thousands of records). Each look is written
//! to the audit trail with the health IDs shown, as a read of those patients.

use super::indicators::Facilities;
use super::indicators::PlaceRef;
use super::Dashboards;
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::dashboards::indicators::MonthRange;
use arogya_domain::dashboards::measures::{department_filter, Measure};
use arogya_domain::dashboards::registry_counts::MEASURES;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::indicators::registry_rows::registry_rows;
use arogya_infra::repos::indicators::rows::{rows_behind, RowBehind};
use arogya_infra::repos::indicators::sources::Anchor;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// At most this many rows at once (the rest: narrow the months or the department).
pub const MAX_ROWS: usize = 500;

#[derive(Debug, Clone)]
pub struct RowsBehind {
    /// The place's name.
    pub place: String,
    /// The name of each facility a row is of.
    pub facilities: HashMap<Uuid, String>,
    pub range: MonthRange,
    pub total: usize,
    /// The total of the rows' values: the number on screen.
    pub sum: i64,
    pub rows: Vec<RowBehind>,
}

impl Dashboards<'_> {
    pub async fn rows_behind(
        &self,
        place: PlaceRef,
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
        let resolved = self.resolve(&tx, &reach, place, Facilities::Each).await?;
        if !matches!(place, PlaceRef::Facility(_)) && range.from != range.to {
            return Err(ApiError::Validation {
                field: Some("to".into()),
                message:
                    "above a facility, the records behind a number are listed one month at a time"
                        .into(),
            });
        }
        let facilities: HashMap<Uuid, String> = resolved
            .facilities
            .iter()
            .map(|f| (f.id, f.name.clone()))
            .collect();
        let ids: Vec<Uuid> = facilities.keys().copied().collect();
        let mut rows = if MEASURES.contains(&measure) {
            // Counted from other modules' records: at the place's facilities, or at a
            // unit under it; under no department.
            let whole = matches!(place, PlaceRef::Reach) && resolved.path.is_none();
            let path = resolved.path.clone();
            let at: HashSet<Uuid> = ids.iter().copied().collect();
            let keep = move |a: &Anchor| match a {
                Anchor::Facility(f) => whole || at.contains(f),
                Anchor::Unit(p) => {
                    whole || path.as_deref().is_some_and(|under| p.starts_with(under))
                }
            };
            let rows = registry_rows(
                &tx,
                measure.as_str(),
                range.from,
                range.until,
                &keep,
                chrono::Utc::now(),
            )
            .await?;
            rows.into_iter()
                .filter(|r| department.as_deref().is_none_or(|d| d == r.department))
                .collect()
        } else {
            rows_behind(
                &tx,
                &ids,
                measure.as_str(),
                department.as_deref(),
                range.from,
                range.until,
            )
            .await?
        };
        let (total, sum) = (rows.len(), rows.iter().map(|r| r.value).sum());
        rows.truncate(MAX_ROWS);
        let shown: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.patient.as_ref().map(|p| p.health_id.as_str()))
            .collect();
        let (kind, id) = match place {
            PlaceRef::Facility(f) => ("facility", Some(f.0)),
            PlaceRef::Unit(u) => ("unit", Some(u.0)),
            PlaceRef::Reach => ("unit", None),
        };
        let event = NewAuditEvent::new(
            Actor::from(self.principal),
            AuditAction::IndicatorRows,
            kind,
            id,
        )
        .with_detail(serde_json::json!({
            "measure": measure.as_str(), "from": range.from, "to": range.until,
            "department": department, "healthIds": shown,
        }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(RowsBehind {
            place: resolved.name,
            facilities,
            range,
            total,
            sum,
            rows,
        })
    }
}
