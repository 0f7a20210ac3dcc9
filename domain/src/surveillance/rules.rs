//! A condition's alert rules as the tenant runs them: each rule with the place it looks
//! at (the case's block, or its district) and its window (the epidemiological week, or
//! the rolling seven days to today). Every tenant starts with IDSP's practice; the
//! state replaces a condition's set (the old set is kept, retired), and an emptied set
//! goes back to the defaults.

use super::alerts::{Rule, RuleKind};
use crate::error::{DomainError, DomainResult};

text_enum!(
    /// Where a rule looks: the case's own place (a block), or its district.
    Scope, "scope" { Block => "block", District => "district" }
);

text_enum!(
    /// The window a count rule counts in.
    Window, "window" {
        /// The epidemiological week of the case's onset.
        EpiWeek => "week",
        /// The seven days to today (cases with onset in them).
        Rolling7 => "rolling_7_days",
    }
);

/// A rule as a tenant runs it for a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionRule {
    /// Stable name of the rule in alerts (`fixed-1-block`); repeats of one key in one
    /// place are suppressed for the rule's quiet days.
    pub key: String,
    pub scope: Scope,
    pub window: Window,
    pub rule: Rule,
}

fn kind_name(k: &RuleKind) -> &'static str {
    match k {
        RuleKind::Fixed { .. } => "fixed",
        RuleKind::BaselineMultiple { .. } => "baseline",
        RuleKind::MeanPlusSd { .. } => "sd",
        RuleKind::Cluster { .. } => "cluster",
        RuleKind::Rate { .. } => "rate",
    }
}

impl ConditionRule {
    /// A rule the state set, keyed by what it is, where it looks and its window (one
    /// such rule per condition).
    pub fn new(rule: Rule, scope: Scope, window: Window) -> DomainResult<Self> {
        if matches!(rule.kind, RuleKind::Cluster { .. }) && scope != Scope::Block {
            return Err(DomainError::validation(
                "scope",
                "a cluster is looked for in the villages and wards of a block",
            ));
        }
        let suffix = match window {
            Window::EpiWeek => "",
            Window::Rolling7 => "-7d",
        };
        Ok(Self {
            key: format!("{}-{}{suffix}", kind_name(&rule.kind), scope.as_str()),
            scope,
            window,
            rule,
        })
    }
}

/// A condition's set: no two rules of one key.
pub fn check_set(rules: &[ConditionRule]) -> DomainResult<()> {
    if rules.len() > 12 {
        return Err(DomainError::validation(
            "rules",
            "at most 12 rules per condition",
        ));
    }
    for (i, r) in rules.iter().enumerate() {
        if rules[..i].iter().any(|o| o.key == r.key) {
            return Err(DomainError::validation(
                "rules",
                format!("two rules are both {}: keep one", r.key),
            ));
        }
    }
    Ok(())
}

/// The rules every tenant starts with, per condition code (IDSP's practice: a single
/// case of the eliminated or epidemic-prone diseases; clusters of vector-borne ones;
/// a rise over the baseline for the common ones).
pub fn default_rules(code: &str) -> Vec<ConditionRule> {
    let rule = |kind, min, quiet| Rule::new(kind, min, quiet).expect("the default rules are valid");
    let named = |key: &str, scope, r| ConditionRule {
        key: key.to_owned(),
        scope,
        window: Window::EpiWeek,
        rule: r,
    };
    let single = || {
        named(
            "fixed-1-block",
            Scope::Block,
            rule(RuleKind::Fixed { threshold: 1 }, 0, 7),
        )
    };
    let cluster = || {
        named(
            "cluster-5-in-14-days",
            Scope::Block,
            rule(RuleKind::Cluster { cases: 5, days: 14 }, 5, 7),
        )
    };
    let rise = || {
        named(
            "twice-baseline-block",
            Scope::Block,
            rule(
                RuleKind::BaselineMultiple {
                    multiple: 2.0,
                    years: 3,
                    half_width: 1,
                },
                5,
                7,
            ),
        )
    };
    let sd = || {
        named(
            "mean-2sd-district",
            Scope::District,
            rule(
                RuleKind::MeanPlusSd {
                    k: 2.0,
                    years: 3,
                    half_width: 1,
                },
                10,
                7,
            ),
        )
    };
    match code {
        "CHOLERA" | "AFP" | "MEASLES" | "DIPHTHERIA" => vec![single()],
        "DENGUE" | "CHIKUNGUNYA" | "AES" => vec![cluster(), rise()],
        _ => vec![rise(), sd()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_rule_and_sets_hold_one_of_each() {
        let fixed = Rule::new(RuleKind::Fixed { threshold: 2 }, 0, 7).unwrap();
        let a = ConditionRule::new(fixed.clone(), Scope::Block, Window::Rolling7).unwrap();
        assert_eq!(a.key, "fixed-block-7d");
        let b = ConditionRule::new(fixed.clone(), Scope::Block, Window::EpiWeek).unwrap();
        assert!(check_set(&[a.clone(), b]).is_ok());
        assert!(check_set(&[a.clone(), a]).is_err());
        let cluster = Rule::new(RuleKind::Cluster { cases: 3, days: 7 }, 0, 7).unwrap();
        assert!(ConditionRule::new(cluster, Scope::District, Window::EpiWeek).is_err());
        assert_eq!(default_rules("CHOLERA")[0].key, "fixed-1-block");
        assert_eq!(default_rules("MALARIA").len(), 2);
    }
}
