//! The tenant's oxygen rules (liquid conversion factor, flow norms, alert thresholds,
//! the daily deadline) and the cylinder types its suppliers fill.

use super::{rules_of, Oxygen, Rules};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::oxygen::balance::FlowNorms;
use arogya_domain::oxygen::sources::CylinderType;
use arogya_domain::oxygen::units::Converter;
use arogya_infra::db::Access;
use arogya_infra::repos::oxygen::settings::{self as repo, CylinderTypeRecord, NewSettings};
use uuid::Uuid;

/// Rules as a state administrator sets them.
pub struct RulesInput {
    pub liquid_factor: String,
    pub norms: FlowNorms,
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i32,
    pub escalate_after_hours: i32,
    /// Districts' own (warning, critical) hours.
    pub district_thresholds: Vec<(Uuid, i32, i32)>,
    pub expected_version: i32,
}

fn check(r: &RulesInput) -> ApiResult<()> {
    Converter::new(&r.liquid_factor)?;
    r.norms.check()?;
    if !(1..=240).contains(&r.warning_hours) {
        return Err(ApiError::validation(
            "warningHours",
            "must be 1 to 240 hours",
        ));
    }
    if !(1..r.warning_hours).contains(&r.critical_hours) {
        return Err(ApiError::validation(
            "criticalHours",
            "must be at least 1 hour and less than the warning threshold",
        ));
    }
    if !(1..=72).contains(&r.escalate_after_hours) {
        return Err(ApiError::validation(
            "escalateAfterHours",
            "must be 1 to 72 hours",
        ));
    }
    for (i, (_, warning, critical)) in r.district_thresholds.iter().enumerate() {
        if !(1..=240).contains(warning) || !(1..*warning).contains(critical) {
            return Err(ApiError::validation(
                &format!("districtThresholds[{i}].criticalHours"),
                "warning hours 1 to 240, and critical hours at least 1 and less than the warning",
            ));
        }
    }
    if !(0..=23).contains(&r.deadline_hour) {
        return Err(ApiError::validation(
            "deadlineHour",
            "must be an hour, 0 to 23",
        ));
    }
    Ok(())
}

impl Oxygen<'_> {
    pub async fn rules(&self) -> ApiResult<Rules> {
        let tx = self.tx(Access::Read).await?;
        if self.reach().is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
        }
        let r = rules_of(&tx).await?;
        tx.commit().await?;
        Ok(r)
    }

    pub async fn set_rules(&self, r: RulesInput) -> ApiResult<Rules> {
        self.require_configurer()?;
        check(&r)?;
        let mut tx = self.tx(Access::Write).await?;
        for (i, (d, _, _)) in r.district_thresholds.iter().enumerate() {
            let unit =
                arogya_infra::repos::units::find(&tx, arogya_domain::ids::UnitId(*d)).await?;
            if unit.is_none_or(|u| u.kind != "district") {
                return Err(ApiError::validation(
                    &format!("districtThresholds[{i}].districtId"),
                    "no such district in this tenant",
                ));
            }
        }
        let districts: serde_json::Map<String, serde_json::Value> = r
            .district_thresholds
            .iter()
            .map(|(d, w, c)| (d.to_string(), serde_json::json!([w, c])))
            .collect();
        let norms = serde_json::to_value(r.norms)
            .map_err(|e| anyhow::anyhow!("writing flow norms: {e}"))?;
        let saved = repo::save(
            &tx,
            NewSettings {
                liquid_factor: r.liquid_factor.clone(),
                norms: norms.clone(),
                warning_hours: r.warning_hours,
                critical_hours: r.critical_hours,
                deadline_hour: r.deadline_hour as i16,
                escalate_after_hours: r.escalate_after_hours,
                district_thresholds: serde_json::Value::Object(districts.clone()),
            },
            r.expected_version,
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::OxygenSetup,
            "oxygen_settings",
            saved.tenant_id,
            serde_json::json!({ "liquidFactor": r.liquid_factor, "norms": norms, "warningHours": r.warning_hours, "criticalHours": r.critical_hours, "deadlineHour": r.deadline_hour, "escalateAfterHours": r.escalate_after_hours, "districtThresholds": districts, "version": saved.version }),
        )
        .await?;
        let rules = rules_of(&tx).await?;
        tx.commit().await?;
        self.changed();
        Ok(rules)
    }

    pub async fn cylinder_types(&self) -> ApiResult<Vec<CylinderTypeRecord>> {
        if self.reach().is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()));
        }
        let tx = self.tx(Access::Read).await?;
        let all = repo::cylinder_types(&tx).await?;
        tx.commit().await?;
        Ok(all)
    }

    pub async fn add_cylinder_type(&self, c: CylinderType) -> ApiResult<CylinderTypeRecord> {
        self.require_configurer()?;
        let mut tx = self.tx(Access::Write).await?;
        let saved = repo::insert_cylinder_type(&tx, &c).await?;
        self.audit(
            &mut tx,
            AuditAction::OxygenSetup,
            "oxygen_cylinder_type",
            saved.id,
            serde_json::json!({ "code": c.code, "gasLitres": c.gas_litres, "labelCelsius": c.label_celsius, "supplier": c.supplier, "nm3": saved.nm3 }),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }
}
