//! A tenant's inpatient rules: how many condition entries a day each kind of patient
//! needs (the CPMS rule by default) and how late a death may be entered.

use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::inpatient::occupancy::ObservationRule;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::wards as repo;
use arogya_infra::TenantTx;

/// Deaths entered later than this many hours are flagged, unless the tenant says.
pub const DEFAULT_DEATH_ENTRY_HOURS: i64 = 2;

pub struct Settings {
    pub rule: ObservationRule,
    pub death_entry_hours: i64,
    pub version: i32,
}

pub async fn rule(tx: &TenantTx) -> ApiResult<ObservationRule> {
    Ok(repo::settings(tx)
        .await?
        .map(|s| ObservationRule {
            critical_care_per_day: s.critical_care_per_day as i64,
            critical_per_day: s.critical_per_day as i64,
            others_per_day: s.others_per_day as i64,
        })
        .unwrap_or_default())
}

pub async fn death_entry_hours(tx: &TenantTx) -> ApiResult<i64> {
    Ok(repo::settings(tx)
        .await?
        .map(|s| s.death_entry_hours as i64)
        .unwrap_or(DEFAULT_DEATH_ENTRY_HOURS))
}

fn per_day(v: i32, field: &str) -> ApiResult<i16> {
    if (1..=24).contains(&v) {
        Ok(v as i16)
    } else {
        Err(ApiError::validation(field, "must be between 1 and 24"))
    }
}

impl Inpatient<'_> {
    pub async fn settings(&self) -> ApiResult<Settings> {
        let tx = self.tx(Access::Read).await?;
        let s = repo::settings(&tx).await?;
        let r = rule(&tx).await?;
        tx.commit().await?;
        Ok(Settings {
            rule: r,
            death_entry_hours: s
                .as_ref()
                .map(|s| s.death_entry_hours as i64)
                .unwrap_or(DEFAULT_DEATH_ENTRY_HOURS),
            version: s.map(|s| s.version).unwrap_or(0),
        })
    }

    /// State administrators set the rules for their tenant.
    pub async fn set_settings(
        &self,
        critical_care: i32,
        critical: i32,
        others: i32,
        death_hours: i32,
    ) -> ApiResult<Settings> {
        self.principal.require_state_admin("set inpatient rules")?;
        let values = (
            per_day(critical_care, "criticalCarePerDay")?,
            per_day(critical, "criticalPerDay")?,
            per_day(others, "othersPerDay")?,
            per_day(death_hours, "deathEntryHours")?,
        );
        let mut tx = self.tx(Access::Write).await?;
        let saved = repo::save_settings(&tx, values).await?;
        self.audit(&mut tx, AuditAction::WardSetup, "inpatient_settings", saved.tenant_id, serde_json::json!({ "criticalCarePerDay": critical_care, "criticalPerDay": critical, "othersPerDay": others, "deathEntryHours": death_hours })).await?;
        tx.commit().await?;
        self.settings().await
    }
}
