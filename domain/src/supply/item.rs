//! The item catalogue: medicines, consumables and reagents, each issued in one unit.

use super::{optional_text, text};
use crate::clinical::prescription::DosageForm;
use crate::error::{Checks, DomainError, DomainResult};

text_enum!(ItemKind, "kind" {
    Medicine => "medicine",
    Consumable => "consumable",
    Reagent => "reagent",
});

text_enum!(
    /// The Drugs and Cosmetics Rules' schedules that change how a medicine is handled:
    /// H and H1 only on prescription (H1 and X with a register), X also under lock.
    Schedule, "schedule" {
    None => "none",
    G => "g",
    H => "h",
    H1 => "h1",
    X => "x",
});

impl Schedule {
    /// Dispensed against a register with a running balance and a second signature.
    pub fn is_controlled(self) -> bool {
        matches!(self, Schedule::H1 | Schedule::X)
    }
}

/// Raw values of a catalogue item, as typed or imported.
#[derive(Debug, Clone, Default)]
pub struct ItemForm {
    pub code: String,
    pub name: String,
    pub kind: Option<ItemKind>,
    pub strength: Option<String>,
    pub form: Option<DosageForm>,
    pub pack_size: i32,
    pub unit_of_issue: String,
    pub essential: bool,
    pub schedule: Option<Schedule>,
    pub over_the_counter: bool,
}

/// A valid catalogue item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub strength: Option<String>,
    pub form: Option<DosageForm>,
    pub pack_size: i32,
    pub unit_of_issue: String,
    pub essential: bool,
    pub schedule: Schedule,
    pub over_the_counter: bool,
}

/// An item code: letters, digits, `-`, `_`, `.` and `/`, stored upper-case.
pub fn code(raw: &str, field: &str) -> DomainResult<String> {
    let c = raw.trim().to_uppercase();
    let ok = (1..=40).contains(&c.len())
        && c.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "-_./".contains(ch));
    if ok {
        Ok(c)
    } else {
        Err(DomainError::validation(
            field,
            "must be 1 to 40 letters, digits, '-', '_', '.' or '/'",
        ))
    }
}

impl Item {
    pub fn parse(f: &ItemForm) -> DomainResult<Item> {
        let mut c = Checks::new();
        let code = c.take(code(&f.code, "code"));
        let name = c.take(text(&f.name, "name", 2, 200));
        let strength = c.take(optional_text(f.strength.as_deref(), "strength", 60));
        let unit = c.take(text(&f.unit_of_issue, "unitOfIssue", 1, 30));
        let kind = f.kind.unwrap_or(ItemKind::Medicine);
        let schedule = f.schedule.unwrap_or(Schedule::None);
        if !(1..=100_000).contains(&f.pack_size) {
            c.take::<()>(Err(DomainError::validation(
                "packSize",
                "must be 1 to 100000 units",
            )));
        }
        if kind != ItemKind::Medicine && (schedule != Schedule::None || f.form.is_some()) {
            c.take::<()>(Err(DomainError::validation(
                "schedule",
                "only medicines have a schedule and a dosage form",
            )));
        }
        if f.over_the_counter && !matches!(schedule, Schedule::None | Schedule::G) {
            c.take::<()>(Err(DomainError::validation(
                "overTheCounter",
                "a schedule H, H1 or X medicine is dispensed only on prescription",
            )));
        }
        c.done()?;
        Ok(Item {
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            kind,
            strength: strength.flatten(),
            form: f.form,
            pack_size: f.pack_size,
            unit_of_issue: unit.unwrap_or_default(),
            essential: f.essential,
            schedule,
            over_the_counter: f.over_the_counter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paracetamol() -> ItemForm {
        ItemForm {
            code: " para-500 ".into(),
            name: "Paracetamol".into(),
            kind: Some(ItemKind::Medicine),
            strength: Some("500 mg".into()),
            form: Some(DosageForm::Tablet),
            pack_size: 10,
            unit_of_issue: "tablet".into(),
            essential: true,
            schedule: None,
            over_the_counter: true,
        }
    }

    #[test]
    fn an_item_is_checked_whole() {
        let i = Item::parse(&paracetamol()).unwrap();
        assert_eq!((i.code.as_str(), i.schedule), ("PARA-500", Schedule::None));
        let bad = Item::parse(&ItemForm {
            code: "a b".into(),
            pack_size: 0,
            ..paracetamol()
        });
        let Err(DomainError::Problems(ps)) = bad else {
            panic!("{bad:?}")
        };
        let fields: Vec<_> = ps.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["code", "packSize"]);
    }

    #[test]
    fn controlled_medicines_are_never_over_the_counter() {
        let x = Item::parse(&ItemForm {
            schedule: Some(Schedule::X),
            ..paracetamol()
        });
        assert!(
            matches!(x, Err(DomainError::Validation { ref field, .. }) if field == "overTheCounter")
        );
        assert!(Schedule::H1.is_controlled() && !Schedule::H.is_controlled());
        let gloves = Item::parse(&ItemForm {
            kind: Some(ItemKind::Consumable),
            form: None,
            strength: None,
            over_the_counter: false,
            ..paracetamol()
        });
        assert!(gloves.is_ok());
    }
}
