//! Alert rules and populations over GraphQL.

use super::id;
use crate::error::{ApiError, ApiResult};
use arogya_domain::surveillance::alerts::{Rule, RuleKind};
use arogya_domain::surveillance::rules::{ConditionRule, Scope, Window};
use arogya_infra::repos::surveillance::rules::PopulationRecord;
use async_graphql::{Enum, InputObject, Object, SimpleObject, ID};

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum AlertRuleKind {
    /// cases ≥ threshold.
    Fixed,
    /// cases ≥ multiple × the baseline.
    BaselineMultiple,
    /// cases > mean + k × SD of the baseline.
    MeanPlusSd,
    /// cases per 100,000 people ≥ the rate.
    Rate,
    /// N cases in one village or ward within D days.
    Cluster,
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum AlertScope {
    Block,
    District,
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum AlertWindow {
    /// The epidemiological week of the case's onset.
    EpiWeek,
    /// The seven days to today.
    Rolling7Days,
}

/// One rule of a condition.
#[derive(SimpleObject)]
pub struct AlertRule {
    pub key: String,
    pub kind: AlertRuleKind,
    pub scope: AlertScope,
    pub window: AlertWindow,
    /// The threshold, the multiple, k, the rate per 100,000, or the cluster's cases.
    pub amount: f64,
    /// Baseline years and ± weeks (baseline and SD rules).
    pub years: Option<i32>,
    pub half_width: Option<i32>,
    /// A cluster's days.
    pub days: Option<i32>,
    pub min_cases: i64,
    pub quiet_days: i32,
}

impl From<&ConditionRule> for AlertRule {
    fn from(c: &ConditionRule) -> Self {
        let (kind, amount, years, half_width, days) = match c.rule.kind {
            RuleKind::Fixed { threshold } => {
                (AlertRuleKind::Fixed, threshold as f64, None, None, None)
            }
            RuleKind::BaselineMultiple {
                multiple,
                years,
                half_width,
            } => (
                AlertRuleKind::BaselineMultiple,
                multiple,
                Some(years as i32),
                Some(half_width as i32),
                None,
            ),
            RuleKind::MeanPlusSd {
                k,
                years,
                half_width,
            } => (
                AlertRuleKind::MeanPlusSd,
                k,
                Some(years as i32),
                Some(half_width as i32),
                None,
            ),
            RuleKind::Rate { per_100k } => (AlertRuleKind::Rate, per_100k, None, None, None),
            RuleKind::Cluster { cases, days } => (
                AlertRuleKind::Cluster,
                cases as f64,
                None,
                None,
                Some(days as i32),
            ),
        };
        Self {
            key: c.key.clone(),
            kind,
            scope: match c.scope {
                Scope::Block => AlertScope::Block,
                Scope::District => AlertScope::District,
            },
            window: match c.window {
                Window::EpiWeek => AlertWindow::EpiWeek,
                Window::Rolling7 => AlertWindow::Rolling7Days,
            },
            amount,
            years,
            half_width,
            days,
            min_cases: c.rule.min_cases,
            quiet_days: c.rule.quiet_days as i32,
        }
    }
}

/// A condition's rules in force.
#[derive(SimpleObject)]
pub struct AlertRuleSet {
    pub condition_id: ID,
    /// The tenant runs IDSP's defaults for this condition (no set of its own).
    pub is_default: bool,
    pub rules: Vec<AlertRule>,
}

/// One rule as the state writes it.
#[derive(InputObject)]
pub struct AlertRuleInput {
    pub kind: AlertRuleKind,
    pub scope: AlertScope,
    #[graphql(default_with = "AlertWindow::EpiWeek")]
    pub window: AlertWindow,
    /// The threshold, the multiple, k, the rate per 100,000, or the cluster's cases.
    pub amount: f64,
    #[graphql(default = 3)]
    pub years: i32,
    #[graphql(default = 1)]
    pub half_width: i32,
    #[graphql(default = 14)]
    pub days: i32,
    #[graphql(default)]
    pub min_cases: i64,
    #[graphql(default = 7)]
    pub quiet_days: i32,
}

impl AlertRuleInput {
    pub fn parse(&self) -> ApiResult<ConditionRule> {
        let small = |v: i32, field: &str| {
            u32::try_from(v).map_err(|_| ApiError::validation(field, "must not be negative"))
        };
        let whole = |v: f64| {
            if v.fract() != 0.0 || !(1.0..=1e6).contains(&v) {
                Err(ApiError::validation(
                    "amount",
                    "a whole number of cases, 1 or more",
                ))
            } else {
                Ok(v as i64)
            }
        };
        let kind = match self.kind {
            AlertRuleKind::Fixed => RuleKind::Fixed {
                threshold: whole(self.amount)?,
            },
            AlertRuleKind::BaselineMultiple => RuleKind::BaselineMultiple {
                multiple: self.amount,
                years: small(self.years, "years")?,
                half_width: small(self.half_width, "halfWidth")?,
            },
            AlertRuleKind::MeanPlusSd => RuleKind::MeanPlusSd {
                k: self.amount,
                years: small(self.years, "years")?,
                half_width: small(self.half_width, "halfWidth")?,
            },
            AlertRuleKind::Rate => RuleKind::Rate {
                per_100k: self.amount,
            },
            AlertRuleKind::Cluster => RuleKind::Cluster {
                cases: whole(self.amount)?,
                days: small(self.days, "days")?,
            },
        };
        let rule = Rule::new(kind, self.min_cases, small(self.quiet_days, "quietDays")?)?;
        let scope = match self.scope {
            AlertScope::Block => Scope::Block,
            AlertScope::District => Scope::District,
        };
        let window = match self.window {
            AlertWindow::EpiWeek => Window::EpiWeek,
            AlertWindow::Rolling7Days => Window::Rolling7,
        };
        Ok(ConditionRule::new(rule, scope, window)?)
    }
}

/// A place's population in a year.
pub struct UnitPopulation(pub PopulationRecord, pub String);

#[Object]
impl UnitPopulation {
    async fn unit_id(&self) -> ID {
        id(self.0.unit_id)
    }
    async fn unit_name(&self) -> &str {
        &self.1
    }
    async fn year(&self) -> i32 {
        self.0.year
    }
    async fn population(&self) -> i64 {
        self.0.population
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
