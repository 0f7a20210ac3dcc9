//! The register of critical-care equipment: what each facility has, whether it works,
//! and the procurement orders it arrives against ("300 bought, 300 more ordered").

use super::{optional_text, required_text};
use crate::error::{Checks, DomainError, DomainResult};
use chrono::NaiveDate;

text_enum!(
    EquipmentKind, "kind" {
    InvasiveVentilator => "invasive_ventilator",
    NonInvasiveVentilator => "non_invasive_ventilator",
    Hfnc => "hfnc",
    Bipap => "bipap",
    Cpap => "cpap",
    Concentrator => "concentrator",
    Cylinder => "cylinder",
    Monitor => "monitor",
    Defibrillator => "defibrillator",
});

text_enum!(
    EquipmentSource, "source" {
    Procured => "procured",
    Donated => "donated",
});

text_enum!(
    EquipmentStatus, "status" {
    Functional => "functional",
    UnderRepair => "under_repair",
    Condemned => "condemned",
});

impl EquipmentKind {
    /// Ventilators, counted against ventilator beds.
    pub fn ventilates(self) -> bool {
        matches!(
            self,
            EquipmentKind::InvasiveVentilator | EquipmentKind::NonInvasiveVentilator
        )
    }
}

/// A condemned item stays condemned; every other change is allowed.
pub fn check_change(from: EquipmentStatus, to: EquipmentStatus) -> DomainResult<()> {
    if from == EquipmentStatus::Condemned && to != EquipmentStatus::Condemned {
        return Err(DomainError::validation(
            "status",
            "condemned equipment cannot be put back into service; register a new item",
        ));
    }
    if from == to {
        return Err(DomainError::validation(
            "status",
            "the status is already that",
        ));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentForm {
    pub kind: EquipmentKind,
    pub make: String,
    pub model: String,
    pub serial_number: String,
    pub source: EquipmentSource,
    pub status: EquipmentStatus,
    pub installed_on: Option<NaiveDate>,
    pub last_maintenance_on: Option<NaiveDate>,
}

impl EquipmentForm {
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        kind: EquipmentKind,
        make: &str,
        model: &str,
        serial: &str,
        source: EquipmentSource,
        status: EquipmentStatus,
        installed_on: Option<NaiveDate>,
        last_maintenance_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> DomainResult<Self> {
        let mut c = Checks::new();
        let make = c.take(required_text(make, "make", 80));
        let model = c.take(required_text(model, "model", 80));
        let serial = c.take(required_text(serial, "serialNumber", 80));
        for (d, field) in [
            (installed_on, "installedOn"),
            (last_maintenance_on, "lastMaintenanceOn"),
        ] {
            if d.is_some_and(|d| d > today) {
                c.take::<()>(Err(DomainError::validation(
                    field,
                    "cannot be in the future",
                )));
            }
        }
        if let (Some(i), Some(m)) = (installed_on, last_maintenance_on) {
            if m < i {
                c.take::<()>(Err(DomainError::validation(
                    "lastMaintenanceOn",
                    "cannot be before it was installed",
                )));
            }
        }
        c.done()?;
        Ok(Self {
            kind,
            make: make.unwrap_or_default(),
            model: model.unwrap_or_default(),
            serial_number: serial.unwrap_or_default(),
            source,
            status,
            installed_on,
            last_maintenance_on,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderForm {
    pub kind: EquipmentKind,
    pub supplier: String,
    pub quantity: i32,
    pub ordered_on: NaiveDate,
    pub expected_on: Option<NaiveDate>,
    pub reference: Option<String>,
}

impl OrderForm {
    pub fn parse(
        kind: EquipmentKind,
        supplier: &str,
        quantity: i32,
        ordered_on: NaiveDate,
        expected_on: Option<NaiveDate>,
        reference: Option<&str>,
        today: NaiveDate,
    ) -> DomainResult<Self> {
        let mut c = Checks::new();
        let supplier = c.take(required_text(supplier, "supplier", 120));
        let reference = c.take(optional_text(reference, "reference", 80));
        if !(1..=100_000).contains(&quantity) {
            c.take::<()>(Err(DomainError::validation(
                "quantity",
                "must be 1 to 100000",
            )));
        }
        if ordered_on > today {
            c.take::<()>(Err(DomainError::validation(
                "orderedOn",
                "cannot be in the future",
            )));
        }
        if expected_on.is_some_and(|e| e < ordered_on) {
            c.take::<()>(Err(DomainError::validation(
                "expectedOn",
                "cannot be before the order",
            )));
        }
        c.done()?;
        Ok(Self {
            kind,
            supplier: supplier.unwrap_or_default(),
            quantity,
            ordered_on,
            expected_on,
            reference: reference.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn condemned_equipment_stays_condemned() {
        use EquipmentStatus::*;
        assert!(check_change(Functional, UnderRepair).is_ok());
        assert!(check_change(UnderRepair, Functional).is_ok());
        assert!(check_change(Condemned, Functional).is_err());
        assert!(check_change(Functional, Functional).is_err());
    }

    #[test]
    fn forms_check_dates_and_names() {
        let today = d("2026-12-06");
        let e = EquipmentForm::parse(
            EquipmentKind::Hfnc,
            "Fisher & Paykel",
            "Airvo 2",
            "",
            EquipmentSource::Procured,
            EquipmentStatus::Functional,
            Some(d("2026-12-10")),
            Some(d("2026-11-01")),
            today,
        )
        .unwrap_err();
        assert!(
            matches!(e, DomainError::Problems(ref p) if p.len() == 3),
            "{e:?}"
        );
        let o = OrderForm::parse(
            EquipmentKind::Hfnc,
            "Fisher & Paykel",
            300,
            d("2026-11-01"),
            Some(d("2026-10-01")),
            None,
            today,
        );
        assert!(o.is_err());
        assert!(OrderForm::parse(
            EquipmentKind::Hfnc,
            "F&P",
            300,
            d("2026-11-01"),
            None,
            Some("WB/HFNC/2"),
            today
        )
        .is_ok());
        assert!(
            EquipmentKind::NonInvasiveVentilator.ventilates() && !EquipmentKind::Hfnc.ventilates()
        );
    }
}
