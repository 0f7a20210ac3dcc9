//! The alert rules a condition runs (the state's own set, or the defaults) and the
//! populations rates are taken against; both set by state administrators and the state
//! surveillance cell, audited with before and after.

use super::Surveillance;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::access::configures;
use arogya_domain::surveillance::alerts::{Rule, RuleKind};
use arogya_domain::surveillance::rules::{check_set, default_rules, ConditionRule, Scope, Window};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::surveillance::conditions;
use arogya_infra::repos::surveillance::rules::{self as repo, PopulationRecord, RuleRecord};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use chrono::Utc;
use uuid::Uuid;

/// A stored rule as the domain's.
fn from_record(r: &RuleRecord) -> ApiResult<ConditionRule> {
    let years = r.years.unwrap_or(3).max(0) as u32;
    let half_width = r.half_width.unwrap_or(1).max(0) as u32;
    let kind = match r.kind.as_str() {
        "fixed" => RuleKind::Fixed {
            threshold: r.amount as i64,
        },
        "baseline" => RuleKind::BaselineMultiple {
            multiple: r.amount,
            years,
            half_width,
        },
        "sd" => RuleKind::MeanPlusSd {
            k: r.amount,
            years,
            half_width,
        },
        "cluster" => RuleKind::Cluster {
            cases: r.amount as i64,
            days: r.days.unwrap_or(14).max(0) as u32,
        },
        "rate" => RuleKind::Rate { per_100k: r.amount },
        other => {
            tracing::error!(kind = other, id = %r.id, "an alert rule of an unknown kind");
            return Err(ApiError::Internal);
        }
    };
    let rule = Rule::new(kind, r.min_cases, r.quiet_days.max(0) as u32)?;
    let mut cr = ConditionRule::new(rule, Scope::parse(&r.scope)?, Window::parse(&r.window)?)?;
    cr.key = r.rule_key.clone();
    Ok(cr)
}

fn to_record(cr: &ConditionRule, condition: Uuid, tenant: Uuid, by: Option<Uuid>) -> RuleRecord {
    let (kind, amount, years, half_width, days) = match cr.rule.kind {
        RuleKind::Fixed { threshold } => ("fixed", threshold as f64, None, None, None),
        RuleKind::BaselineMultiple {
            multiple,
            years,
            half_width,
        } => (
            "baseline",
            multiple,
            Some(years as i32),
            Some(half_width as i32),
            None,
        ),
        RuleKind::MeanPlusSd {
            k,
            years,
            half_width,
        } => ("sd", k, Some(years as i32), Some(half_width as i32), None),
        RuleKind::Cluster { cases, days } => {
            ("cluster", cases as f64, None, None, Some(days as i32))
        }
        RuleKind::Rate { per_100k } => ("rate", per_100k, None, None, None),
    };
    RuleRecord {
        tenant_id: tenant,
        id: Uuid::now_v7(),
        condition_id: condition,
        rule_key: cr.key.clone(),
        kind: kind.into(),
        scope: cr.scope.as_str().into(),
        window: cr.window.as_str().into(),
        amount,
        years,
        half_width,
        days,
        min_cases: cr.rule.min_cases,
        quiet_days: cr.rule.quiet_days as i32,
        valid_from: Utc::now(),
        retired_at: None,
        set_by: by,
    }
}

/// The rules a condition runs now, and whether they are the defaults.
pub async fn in_force(
    tx: &TenantTx,
    condition: Uuid,
    code: &str,
) -> ApiResult<(Vec<ConditionRule>, bool)> {
    let stored = repo::active(tx, condition).await?;
    if stored.is_empty() {
        return Ok((default_rules(code), true));
    }
    Ok((
        stored.iter().map(from_record).collect::<ApiResult<_>>()?,
        false,
    ))
}

impl Surveillance<'_> {
    fn must_configure(&self) -> ApiResult<()> {
        if !configures(self.principal) {
            return Err(ApiError::Forbidden(
                "alert rules and populations are set by state administrators and the state surveillance cell".into(),
            ));
        }
        Ok(())
    }

    pub async fn alert_rules(&self, condition: Uuid) -> ApiResult<(Vec<ConditionRule>, bool)> {
        self.reach()?;
        let tx = self.tx(Access::Read).await?;
        let c = conditions::find(&tx, condition).await?.ok_or_else(|| {
            ApiError::from(DomainError::NotFound {
                entity: "condition",
            })
        })?;
        in_force(&tx, c.id, &c.code).await
    }

    /// Replace a condition's rules (an empty set goes back to the defaults).
    pub async fn set_alert_rules(
        &self,
        condition: Uuid,
        rules: Vec<ConditionRule>,
    ) -> ApiResult<(Vec<ConditionRule>, bool)> {
        self.must_configure()?;
        check_set(&rules)?;
        let mut tx = self.tx(Access::Write).await?;
        let c = conditions::find(&tx, condition).await?.ok_or_else(|| {
            ApiError::from(DomainError::NotFound {
                entity: "condition",
            })
        })?;
        let (before, _) = in_force(&tx, c.id, &c.code).await?;
        let by = Actor::from(self.principal).id();
        let rows = rules
            .iter()
            .map(|r| to_record(r, c.id, tx.tenant().0, by))
            .collect();
        repo::replace(&tx, c.id, rows, Utc::now()).await?;
        let after = in_force(&tx, c.id, &c.code).await?;
        self.audit(
            &mut tx,
            AuditAction::SurveillanceSetup,
            "surveillance_alert_rules",
            Some(c.id),
            serde_json::json!({
                "condition": c.code,
                "before": before.iter().map(|r| r.key.clone()).collect::<Vec<_>>(),
                "after": after.0.iter().map(|r| r.key.clone()).collect::<Vec<_>>(),
            }),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Populations of the places in reach for a year.
    pub async fn populations(&self, year: i32) -> ApiResult<Vec<(PopulationRecord, String)>> {
        let reach = self.reach()?;
        let tx = self.tx(Access::Read).await?;
        let rows = repo::populations(&tx, year).await?;
        let ids: Vec<Uuid> = rows.iter().map(|p| p.unit_id).collect();
        let found = units::find_many(&tx, &ids).await?;
        Ok(rows
            .into_iter()
            .filter_map(|p| {
                let u = found.iter().find(|u| u.id == p.unit_id)?;
                reach
                    .sees(&UnitPath::from_stored(u.path.clone()))
                    .then(|| (p, u.name.clone()))
            })
            .collect())
    }

    /// Set a place's population for a year (a change at the version read).
    pub async fn set_population(
        &self,
        unit: UnitId,
        year: i32,
        population: i64,
        expected_version: Option<i32>,
    ) -> ApiResult<(PopulationRecord, String)> {
        self.must_configure()?;
        if !(2000..=2100).contains(&year) {
            return Err(ApiError::validation("year", "a year such as 2026"));
        }
        if !(1..=2_000_000_000).contains(&population) {
            return Err(ApiError::validation(
                "population",
                "a number of people, over 0",
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let u = units::find(&tx, unit)
            .await?
            .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "unit" }))?;
        let by = Actor::from(self.principal).id();
        let before = repo::population(&tx, u.id, year).await?;
        match &before {
            None => {
                repo::insert_population(
                    &tx,
                    PopulationRecord {
                        tenant_id: tx.tenant().0,
                        unit_id: u.id,
                        year,
                        population,
                        version: 1,
                        updated_at: Utc::now(),
                        updated_by: by,
                    },
                )
                .await?;
            }
            Some(old) if old.population == population => {}
            Some(old) => {
                if expected_version != Some(old.version)
                    || !repo::change_population(&tx, u.id, year, old.version, population, by)
                        .await?
                {
                    return Err(ApiError::Conflict(
                        "the population was changed by someone else meanwhile; reload it".into(),
                    ));
                }
            }
        }
        self.audit(
            &mut tx,
            AuditAction::SurveillanceSetup,
            "surveillance_population",
            Some(u.id),
            serde_json::json!({ "year": year, "before": before.map(|b| b.population), "after": population }),
        )
        .await?;
        let saved = repo::population(&tx, u.id, year)
            .await?
            .ok_or(ApiError::Internal)?;
        tx.commit().await?;
        Ok((saved, u.name))
    }
}
