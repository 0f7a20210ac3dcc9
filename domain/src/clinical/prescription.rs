//! Prescriptions: the drugs, each with strength, dose, route, frequency and duration.

use super::{optional_text, text};
use crate::error::{DomainError, DomainResult};
use serde::{Deserialize, Serialize};

text_enum!(Route, "route" {
    Oral => "oral",
    Intravenous => "intravenous",
    Intramuscular => "intramuscular",
    Subcutaneous => "subcutaneous",
    Topical => "topical",
    Inhaled => "inhaled",
    Sublingual => "sublingual",
    Rectal => "rectal",
    Nasal => "nasal",
    Ophthalmic => "ophthalmic",
    Otic => "otic",
    Vaginal => "vaginal",
    Other => "other",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrescriptionItem {
    pub drug_name: String,
    /// A code from a drug list the tenant uses (free text: no national code table yet).
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub route: Route,
    /// As written: "1-0-1", "TDS", "every 8 hours".
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prescription {
    pub items: Vec<PrescriptionItem>,
    pub advice: Option<String>,
}

/// Raw form values of one item.
#[derive(Debug, Clone, Default)]
pub struct ItemForm {
    pub drug_name: String,
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub route: Option<Route>,
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

pub const MAX_ITEMS: usize = 30;

pub fn validate(items: &[ItemForm], advice: Option<&str>) -> DomainResult<Prescription> {
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(DomainError::validation(
            "items",
            format!("prescribe 1 to {MAX_ITEMS} drugs"),
        ));
    }
    let items = items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = |name: &str| format!("items.{i}.{name}");
            if let Some(d) = f.duration_days {
                if !(1..=365).contains(&d) {
                    return Err(DomainError::validation(
                        field("durationDays"),
                        "must be 1 to 365 days",
                    ));
                }
            }
            Ok(PrescriptionItem {
                drug_name: text(&f.drug_name, &field("drugName"), 2, 200)?,
                drug_code: optional_text(f.drug_code.as_deref(), &field("drugCode"), 40)?,
                strength: optional_text(f.strength.as_deref(), &field("strength"), 60)?,
                dose: text(&f.dose, &field("dose"), 1, 60)?,
                route: f.route.unwrap_or(Route::Oral),
                frequency: text(&f.frequency, &field("frequency"), 1, 60)?,
                duration_days: f.duration_days,
                instructions: optional_text(
                    f.instructions.as_deref(),
                    &field("instructions"),
                    500,
                )?,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(Prescription {
        items,
        advice: optional_text(advice, "advice", 2000)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> ItemForm {
        ItemForm {
            drug_name: "Paracetamol".into(),
            strength: Some("500 mg".into()),
            dose: "1 tablet".into(),
            frequency: "1-1-1".into(),
            duration_days: Some(5),
            ..Default::default()
        }
    }

    #[test]
    fn items_are_checked_with_their_index() {
        let p = validate(&[item()], None).unwrap();
        assert_eq!(p.items[0].route, Route::Oral);
        assert!(validate(&[], None).is_err());
        let mut bad = item();
        bad.duration_days = Some(0);
        let err = validate(&[item(), bad], None).unwrap_err();
        assert!(
            matches!(err, DomainError::Validation { field, .. } if field == "items.1.durationDays")
        );
        let mut blank = item();
        blank.dose = " ".into();
        assert!(validate(&[blank], None).is_err());
    }
}
