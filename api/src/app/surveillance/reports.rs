//! The line list with names for surveillance officers, and what every view of the
//! cases shares: the weeks asked for and the place asked for, checked against reach.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::access::Reach;
use arogya_domain::surveillance::epi_week::EpiWeek;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::surveillance::cases::{self as cases_repo, CaseFilter, CaseRecord};
use arogya_infra::repos::surveillance::conditions;
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::TenantTx;

/// The most weeks one table covers.
pub const MAX_WEEKS: i64 = 53;

pub(super) fn check_weeks(from: EpiWeek, to: EpiWeek) -> ApiResult<Vec<EpiWeek>> {
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    let mut weeks = vec![from];
    while *weeks.last().expect("one week at least") < to {
        if weeks.len() as i64 >= MAX_WEEKS {
            return Err(ApiError::validation(
                "to",
                "ask for at most 53 weeks at a time",
            ));
        }
        let next = weeks.last().expect("one week at least").plus(1);
        weeks.push(next);
    }
    Ok(weeks)
}

impl Surveillance<'_> {
    /// The place asked for, if in reach; none: the caller's whole reach.
    pub(super) async fn place(
        &self,
        tx: &TenantTx,
        reach: &Reach,
        unit: Option<UnitId>,
    ) -> ApiResult<Option<UnitRecord>> {
        let Some(u) = unit else {
            return Ok(None);
        };
        let place = units::find(tx, u)
            .await?
            .filter(|p| reach.sees(&UnitPath::from_stored(p.path.clone())))
            .ok_or_else(|| {
                ApiError::from(arogya_domain::DomainError::NotFound { entity: "unit" })
            })?;
        Ok(Some(place))
    }

    /// Every case with its fields, for surveillance officers in their reach; the read
    /// is audited.
    pub async fn line_list(
        &self,
        condition: Option<&str>,
        unit: Option<UnitId>,
        from: EpiWeek,
        to: EpiWeek,
    ) -> ApiResult<Vec<CaseRecord>> {
        let reach = self.reach()?;
        if !reach.officer_whole && reach.officer_units.is_empty() {
            return Err(ApiError::Forbidden(
                "line lists with names are for surveillance officers".into(),
            ));
        }
        check_weeks(from, to)?;
        let mut tx = self.tx(Access::Write).await?;
        let place = self.place(&tx, &reach, unit).await?;
        let under = place.as_ref().map(|p| p.path.clone());
        let condition_id = match condition {
            Some(code) => Some(
                conditions::find_by_code(&tx, code)
                    .await?
                    .ok_or_else(|| {
                        ApiError::validation(
                            "condition",
                            "no such notifiable condition in this tenant",
                        )
                    })?
                    .id,
            ),
            None => None,
        };
        let filter = CaseFilter {
            condition: condition_id,
            under,
            from_week: Some(from.key()),
            to_week: Some(to.key()),
        };
        let rows: Vec<CaseRecord> = cases_repo::list(&tx, &filter, 5000)
            .await?
            .into_iter()
            .filter(|c| reach.sees_names(&UnitPath::from_stored(c.unit_path.clone())))
            .collect();
        self.audit(
            &mut tx,
            AuditAction::SurveillanceLineList,
            "surveillance_case",
            None,
            serde_json::json!({ "condition": condition, "unitId": unit.map(|u| u.0), "from": from.to_string(), "to": to.to_string(), "rows": rows.len() }),
        )
        .await?;
        tx.commit().await?;
        Ok(rows)
    }
}
