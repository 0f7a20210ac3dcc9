//! The patient's condition, recorded at rounds or whenever it changes: a category
//! with its written definition, the life support given, consciousness, a remark and,
//! when the observations are given, the NEWS2 score.

use super::news2::{self, Observations};
use super::optional_line;
use crate::error::DomainResult;

text_enum!(
    /// How ill the patient is. The definitions are shown beside the choice.
    ConditionCategory, "category" {
    Mild => "mild",
    Moderate => "moderate",
    Critical => "critical",
    ActivelyDying => "actively_dying",
});

impl ConditionCategory {
    pub fn definition(self) -> &'static str {
        match self {
            ConditionCategory::Mild => "stable; not expected to become life-threatening",
            ConditionCategory::Moderate => "could become life-threatening",
            ConditionCategory::Critical => "immediately life-threatening",
            ConditionCategory::ActivelyDying => "death expected within hours despite care",
        }
    }

    pub fn is_critical(self) -> bool {
        matches!(
            self,
            ConditionCategory::Critical | ConditionCategory::ActivelyDying
        )
    }
}

text_enum!(
    /// Respiratory support, from none to invasive ventilation.
    LifeSupport, "lifeSupport" {
    None => "none",
    NasalCannula => "nasal_cannula",
    Mask => "mask",
    HighFlowNasalCannula => "hfnc",
    NonInvasiveVentilation => "niv",
    InvasiveVentilation => "invasive_ventilation",
});

impl LifeSupport {
    /// Supplemental oxygen of any kind (NEWS2 scores it).
    pub fn gives_oxygen(self) -> bool {
        self != LifeSupport::None
    }

    pub fn is_ventilation(self) -> bool {
        matches!(
            self,
            LifeSupport::NonInvasiveVentilation | LifeSupport::InvasiveVentilation
        )
    }
}

text_enum!(
    /// Level of consciousness: ACVPU, the AVPU scale with new confusion added as NEWS2
    /// uses it.
    Consciousness, "consciousness" {
    Alert => "alert",
    NewConfusion => "new_confusion",
    Voice => "voice",
    Pain => "pain",
    Unresponsive => "unresponsive",
});

/// A condition entry as a form gives it.
pub struct ConditionForm<'a> {
    pub category: ConditionCategory,
    pub life_support: LifeSupport,
    pub consciousness: Consciousness,
    pub remark: Option<&'a str>,
    pub observations: Option<Observations>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConditionEntry {
    pub category: ConditionCategory,
    pub life_support: LifeSupport,
    pub consciousness: Consciousness,
    pub remark: Option<String>,
    pub observations: Option<Observations>,
    /// NEWS2, computed here (never taken from the client) when observations are given.
    pub news2: Option<news2::Score>,
}

impl ConditionForm<'_> {
    pub fn validate(&self) -> DomainResult<ConditionEntry> {
        let observations = self.observations.map(|o| o.validate()).transpose()?;
        Ok(ConditionEntry {
            category: self.category,
            life_support: self.life_support,
            consciousness: self.consciousness,
            remark: optional_line(self.remark, "remark", 300)?,
            news2: observations
                .map(|o| news2::score(&o, self.life_support.gives_oxygen(), self.consciousness)),
            observations,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_is_computed_from_the_observations() {
        let form = ConditionForm {
            category: ConditionCategory::Critical,
            life_support: LifeSupport::InvasiveVentilation,
            consciousness: Consciousness::Pain,
            remark: Some(" sedated "),
            observations: Some(Observations {
                respiratory_rate: 26,
                spo2: 90,
                systolic_bp: 88,
                pulse: 132,
                temperature_c: 39.4,
                diastolic_bp: Some(50),
            }),
        };
        let e = form.validate().unwrap();
        // 3 (RR) + 3 (SpO2) + 2 (oxygen) + 3 (BP) + 3 (pulse) + 3 (P) + 2 (temp) = 19.
        assert_eq!(e.news2.map(|s| s.total), Some(19));
        assert_eq!(e.remark.as_deref(), Some("sedated"));
        assert!(e.category.is_critical() && e.life_support.is_ventilation());
        let without = ConditionForm {
            observations: None,
            ..form
        };
        assert_eq!(without.validate().unwrap().news2, None);
        assert!(!ConditionCategory::Moderate.definition().is_empty());
    }
}
