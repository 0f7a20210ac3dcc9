//! The intake–output chart: what went in and came out, in millilitres, and the
//! balance over a day; and the shifts of a handover.

use crate::error::{DomainError, DomainResult};

text_enum!(
    /// Where fluid went in or came out.
    FluidKind, "kind" {
    Oral => "oral",
    Intravenous => "iv",
    NasogastricTube => "ng_tube",
    Blood => "blood",
    Urine => "urine",
    Drain => "drain",
    Vomit => "vomit",
    Stool => "stool",
    Aspirate => "aspirate",
});

text_enum!(Shift, "shift" {
    Morning => "morning",
    Evening => "evening",
    Night => "night",
});

impl FluidKind {
    /// Intake (true) or output.
    pub fn is_intake(self) -> bool {
        matches!(
            self,
            FluidKind::Oral
                | FluidKind::Intravenous
                | FluidKind::NasogastricTube
                | FluidKind::Blood
        )
    }
}

/// A volume as charted: 1 ml to 10 litres at a time.
pub fn volume_ml(v: i32) -> DomainResult<i32> {
    if (1..=10_000).contains(&v) {
        Ok(v)
    } else {
        Err(DomainError::validation(
            "volumeMl",
            "must be between 1 and 10000 ml",
        ))
    }
}

/// Totals of a day's chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Balance {
    pub intake_ml: i64,
    pub output_ml: i64,
}

impl Balance {
    pub fn add(&mut self, kind: FluidKind, ml: i32) {
        if kind.is_intake() {
            self.intake_ml += ml as i64;
        } else {
            self.output_ml += ml as i64;
        }
    }
    pub fn net_ml(&self) -> i64 {
        self.intake_ml - self.output_ml
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_balance_is_intake_less_output() {
        let mut b = Balance::default();
        b.add(FluidKind::Oral, 500);
        b.add(FluidKind::Intravenous, 1000);
        b.add(FluidKind::Urine, 900);
        b.add(FluidKind::Drain, 150);
        assert_eq!((b.intake_ml, b.output_ml, b.net_ml()), (1500, 1050, 450));
        assert!(volume_ml(0).is_err() && volume_ml(20_000).is_err() && volume_ml(250).is_ok());
    }
}
