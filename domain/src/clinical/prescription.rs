//! Prescriptions: the drugs, each with form, strength, dose, route, frequency and
//! duration, the advice and the follow-up date.

use super::{optional_text, text};
use crate::error::{Checks, DomainError, DomainResult};
use chrono::NaiveDate;
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

text_enum!(
    /// What the patient is given: printed before the drug name ("Tab.", "Syp.") as
    /// Indian prescriptions do.
    DosageForm, "form" {
    Tablet => "tablet",
    Capsule => "capsule",
    Syrup => "syrup",
    Suspension => "suspension",
    Drops => "drops",
    Injection => "injection",
    Infusion => "infusion",
    Ointment => "ointment",
    Cream => "cream",
    Gel => "gel",
    Inhaler => "inhaler",
    Nebulisation => "nebulisation",
    Powder => "powder",
    Suppository => "suppository",
    Lotion => "lotion",
    Other => "other",
});

impl DosageForm {
    /// The usual form for a route, when the prescriber names none.
    pub fn default_for(route: Route) -> DosageForm {
        match route {
            Route::Oral | Route::Sublingual => DosageForm::Tablet,
            Route::Intravenous | Route::Intramuscular | Route::Subcutaneous => {
                DosageForm::Injection
            }
            Route::Topical => DosageForm::Ointment,
            Route::Inhaled => DosageForm::Inhaler,
            Route::Nasal | Route::Ophthalmic | Route::Otic => DosageForm::Drops,
            Route::Rectal | Route::Vaginal => DosageForm::Suppository,
            Route::Other => DosageForm::Other,
        }
    }

    /// The abbreviation printed before the drug name.
    pub fn abbreviation(self) -> &'static str {
        match self {
            DosageForm::Tablet => "Tab.",
            DosageForm::Capsule => "Cap.",
            DosageForm::Syrup => "Syp.",
            DosageForm::Suspension => "Susp.",
            DosageForm::Drops => "Drops",
            DosageForm::Injection => "Inj.",
            DosageForm::Infusion => "Inf.",
            DosageForm::Ointment => "Oint.",
            DosageForm::Cream => "Cream",
            DosageForm::Gel => "Gel",
            DosageForm::Inhaler => "Inhaler",
            DosageForm::Nebulisation => "Neb.",
            DosageForm::Powder => "Powder",
            DosageForm::Suppository => "Supp.",
            DosageForm::Lotion => "Lotion",
            DosageForm::Other => "",
        }
    }
}

impl Route {
    /// How the route reads on a slip for the patient.
    pub fn printed(self) -> &'static str {
        match self {
            Route::Oral => "by mouth",
            Route::Intravenous => "IV",
            Route::Intramuscular => "IM",
            Route::Subcutaneous => "under the skin (SC)",
            Route::Topical => "on the skin",
            Route::Inhaled => "inhaled",
            Route::Sublingual => "under the tongue",
            Route::Rectal => "rectal",
            Route::Nasal => "in the nose",
            Route::Ophthalmic => "in the eye",
            Route::Otic => "in the ear",
            Route::Vaginal => "vaginal",
            Route::Other => "as directed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrescriptionItem {
    pub drug_name: String,
    /// A code from a drug list the tenant uses (free text: no national code table yet).
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub route: Route,
    /// Absent only in prescriptions written before forms were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<DosageForm>,
    /// As written: "1-0-1", "TDS", "every 8 hours".
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

impl PrescriptionItem {
    /// The form as recorded, or the usual one for the route (older prescriptions).
    pub fn form_or_default(&self) -> DosageForm {
        self.form.unwrap_or(DosageForm::default_for(self.route))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prescription {
    pub items: Vec<PrescriptionItem>,
    pub advice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_on: Option<NaiveDate>,
}

/// Raw form values of one item.
#[derive(Debug, Clone, Default)]
pub struct ItemForm {
    pub drug_name: String,
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub route: Option<Route>,
    pub form: Option<DosageForm>,
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

/// Enough for the longest inpatient drug chart; every item prints, on as many pages
/// as it takes.
pub const MAX_ITEMS: usize = 60;

pub fn validate(
    items: &[ItemForm],
    advice: Option<&str>,
    follow_up_on: Option<NaiveDate>,
    today: NaiveDate,
) -> DomainResult<Prescription> {
    if follow_up_on.is_some_and(|d| d < today) {
        return Err(DomainError::validation(
            "followUpOn",
            "a follow-up date must not be in the past",
        ));
    }
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(DomainError::validation(
            "items",
            format!("prescribe 1 to {MAX_ITEMS} drugs"),
        ));
    }
    // Every item is checked before any problem is reported: the form shows them all.
    let mut checks = Checks::new();
    let items: Vec<Option<PrescriptionItem>> = items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = |name: &str| format!("items.{i}.{name}");
            let mut c = Checks::new();
            c.take(match f.duration_days {
                Some(d) if !(1..=365).contains(&d) => Err(DomainError::validation(
                    field("durationDays"),
                    "must be 1 to 365 days",
                )),
                _ => Ok(()),
            });
            let drug_name = c.take(text(&f.drug_name, &field("drugName"), 2, 200));
            let drug_code = c.take(optional_text(
                f.drug_code.as_deref(),
                &field("drugCode"),
                40,
            ));
            let strength = c.take(optional_text(f.strength.as_deref(), &field("strength"), 60));
            let dose = c.take(text(&f.dose, &field("dose"), 1, 60));
            let frequency = c.take(text(&f.frequency, &field("frequency"), 1, 60));
            let instructions = c.take(optional_text(
                f.instructions.as_deref(),
                &field("instructions"),
                500,
            ));
            c.done()?;
            let route = f.route.unwrap_or(Route::Oral);
            // After `done`, every value is present.
            Ok(PrescriptionItem {
                drug_name: drug_name.unwrap_or_default(),
                drug_code: drug_code.flatten(),
                strength: strength.flatten(),
                dose: dose.unwrap_or_default(),
                route,
                form: Some(f.form.unwrap_or(DosageForm::default_for(route))),
                frequency: frequency.unwrap_or_default(),
                duration_days: f.duration_days,
                instructions: instructions.flatten(),
            })
        })
        .map(|r| checks.take(r))
        .collect();
    let advice = checks.take(optional_text(advice, "advice", 2000));
    checks.done()?;
    let items: Vec<PrescriptionItem> = items.into_iter().flatten().collect();
    Ok(Prescription {
        items,
        advice: advice.flatten(),
        follow_up_on,
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn validate(items: &[ItemForm], advice: Option<&str>) -> DomainResult<Prescription> {
        super::validate(items, advice, None, today())
    }

    #[test]
    fn forms_default_by_route_and_follow_up_is_not_in_the_past() {
        let p = validate(&[item()], None).unwrap();
        assert_eq!(p.items[0].form, Some(DosageForm::Tablet));
        let mut inj = item();
        inj.route = Some(Route::Intravenous);
        assert_eq!(
            validate(&[inj], None).unwrap().items[0].form,
            Some(DosageForm::Injection)
        );
        let mut syrup = item();
        syrup.form = Some(DosageForm::Syrup);
        assert_eq!(
            validate(&[syrup], None).unwrap().items[0].form,
            Some(DosageForm::Syrup)
        );
        let yesterday = today().pred_opt().unwrap();
        let err = super::validate(&[item()], None, Some(yesterday), today()).unwrap_err();
        assert!(matches!(err, DomainError::Validation { field, .. } if field == "followUpOn"));
        assert!(super::validate(&[item()], None, Some(today()), today()).is_ok());
        // A prescription stored before forms existed still reads, with the usual form.
        let old: PrescriptionItem = serde_json::from_value(serde_json::json!({
            "drugName": "ORS", "dose": "1 sachet", "route": "oral", "frequency": "after each stool"
        }))
        .unwrap();
        assert_eq!(old.form_or_default(), DosageForm::Tablet);
    }

    #[test]
    fn every_problem_of_every_item_is_reported_at_once() {
        let mut a = item();
        a.dose = " ".into();
        a.duration_days = Some(400);
        let mut b = item();
        b.drug_name = "x".into();
        let err = validate(&[a, item(), b], None).unwrap_err();
        let DomainError::Problems(ps) = err else {
            panic!("several problems expected, got {err:?}")
        };
        let fields: Vec<&str> = ps.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["items.0.durationDays", "items.0.dose", "items.2.drugName"]
        );
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
