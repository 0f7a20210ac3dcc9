//! Households enrolled by door-to-door surveys.

use crate::error::{DomainError, DomainResult};
use crate::ids::UnitId;

/// A point in India (a rough bounding box catches swapped or mistyped coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    pub latitude: f64,
    pub longitude: f64,
}

impl GeoPoint {
    pub fn new(latitude: f64, longitude: f64) -> DomainResult<Self> {
        if !(6.0..=37.5).contains(&latitude) {
            return Err(DomainError::validation(
                "geo.latitude",
                "must lie in India (between 6 and 37.5 degrees north)",
            ));
        }
        if !(68.0..=97.5).contains(&longitude) {
            return Err(DomainError::validation(
                "geo.longitude",
                "must lie in India (between 68 and 97.5 degrees east)",
            ));
        }
        Ok(Self {
            latitude,
            longitude,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdDetails {
    /// The block (or other unit) the household lives in.
    pub unit: UnitId,
    pub address_line: String,
    pub geo: Option<GeoPoint>,
}

impl HouseholdDetails {
    pub fn new(unit: UnitId, address_line: &str, geo: Option<(f64, f64)>) -> DomainResult<Self> {
        let line = address_line
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() || line.chars().count() > 300 {
            return Err(DomainError::validation(
                "addressLine",
                "give the address (house, street, village) in at most 300 characters",
            ));
        }
        Ok(Self {
            unit,
            address_line: line,
            geo: geo.map(|(la, lo)| GeoPoint::new(la, lo)).transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_points_must_be_in_india() {
        assert!(GeoPoint::new(22.57, 88.36).is_ok());
        assert!(GeoPoint::new(88.36, 22.57).is_err());
        assert!(HouseholdDetails::new(UnitId::new(), "  ", None).is_err());
    }
}
