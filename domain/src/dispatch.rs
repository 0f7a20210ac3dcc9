//! Emergency dispatch: when a helpline doctor escalates an emergency, a dispatch
//! record keeps where help is going, the nearest facilities the registry suggested,
//! and how it stands (dispatched → arrived → closed).

use crate::error::{DomainError, DomainResult};
use crate::facility::{FacilityType, GeoPoint, OperationalStatus};

text_enum!(DispatchStatus, "status" {
    Dispatched => "dispatched",
    Arrived => "arrived",
    Closed => "closed",
});

impl DispatchStatus {
    /// Help arrives, then the dispatch is closed; a dispatch stood down before
    /// arriving is closed at once.
    pub fn allowed_next(self) -> &'static [DispatchStatus] {
        match self {
            DispatchStatus::Dispatched => &[DispatchStatus::Arrived, DispatchStatus::Closed],
            DispatchStatus::Arrived => &[DispatchStatus::Closed],
            DispatchStatus::Closed => &[],
        }
    }

    pub fn transition(self, to: DispatchStatus) -> DomainResult<DispatchStatus> {
        if self.allowed_next().contains(&to) {
            return Ok(to);
        }
        let allowed: Vec<&str> = self.allowed_next().iter().map(|s| s.as_str()).collect();
        Err(DomainError::validation(
            "status",
            format!(
                "a dispatch that is {} cannot become {}; allowed now: {}",
                self.as_str(),
                to.as_str(),
                if allowed.is_empty() {
                    "none".to_owned()
                } else {
                    allowed.join(", ")
                }
            ),
        ))
    }
}

/// How many facilities a dispatch suggests.
pub const SUGGESTIONS: usize = 5;

/// Search radii, widened in turn until enough facilities are found (km).
pub const SEARCH_RADII_KM: [f64; 3] = [25.0, 100.0, 400.0];

/// Where help is needed: a point on the map and the words that find it on the ground.
#[derive(Debug, Clone, PartialEq)]
pub struct DispatchLocation {
    pub point: GeoPoint,
    /// Address or landmark, as the caller gave it.
    pub description: String,
}

impl DispatchLocation {
    pub fn new(latitude: f64, longitude: f64, description: &str) -> DomainResult<Self> {
        let point = GeoPoint::new(Some(latitude), Some(longitude))?
            .ok_or_else(|| DomainError::validation("latitude", "give the location"))?;
        let d = description.trim();
        let n = d.chars().count();
        if !(3..=500).contains(&n) || d.chars().any(|c| c.is_control() && c != '\n') {
            return Err(DomainError::validation(
                "description",
                "give the address or a landmark, 3 to 500 characters",
            ));
        }
        Ok(Self {
            point,
            description: d.to_owned(),
        })
    }
}

/// Can this facility receive an emergency? Sub-centres, laboratories and blood
/// banks cannot, nor can one that is not operating.
pub fn receives_emergencies(kind: FacilityType, status: OperationalStatus) -> bool {
    status == OperationalStatus::Operational
        && !matches!(
            kind,
            FacilityType::SubCentreHwc
                | FacilityType::DiagnosticLaboratory
                | FacilityType::BloodBank
        )
}

/// The facility types that receive emergencies.
pub fn emergency_types() -> Vec<FacilityType> {
    FacilityType::ALL
        .iter()
        .copied()
        .filter(|t| receives_emergencies(*t, OperationalStatus::Operational))
        .collect()
}

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance (haversine), in kilometres.
pub fn distance_km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (la1, la2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let dla = la2 - la1;
    let dlo = (b.longitude - a.longitude).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The latitude and longitude ranges that hold every point within `radius_km` of
/// `at`: a box the database can search by index before distances are computed.
pub struct BoundingBox {
    pub min_latitude: f64,
    pub max_latitude: f64,
    pub min_longitude: f64,
    pub max_longitude: f64,
}

pub fn bounding_box(at: GeoPoint, radius_km: f64) -> BoundingBox {
    let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
    // India lies well away from the poles, so the cosine never nears zero.
    let dlon = dlat / at.latitude.to_radians().cos();
    BoundingBox {
        min_latitude: at.latitude - dlat,
        max_latitude: at.latitude + dlat,
        min_longitude: at.longitude - dlon,
        max_longitude: at.longitude + dlon,
    }
}

/// The `n` nearest of `candidates`, nearest first, with their distances. Ties keep
/// the order they came in.
pub fn nearest<T>(at: GeoPoint, candidates: Vec<(T, GeoPoint)>, n: usize) -> Vec<(T, f64)> {
    let mut ranked: Vec<(T, f64)> = candidates
        .into_iter()
        .map(|(t, p)| (t, distance_km(at, p)))
        .collect();
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    ranked.truncate(n);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(latitude: f64, longitude: f64) -> GeoPoint {
        GeoPoint {
            latitude,
            longitude,
        }
    }

    #[test]
    fn statuses_move_forward_only() {
        use DispatchStatus::*;
        assert_eq!(Dispatched.transition(Arrived).unwrap(), Arrived);
        assert_eq!(Dispatched.transition(Closed).unwrap(), Closed);
        assert_eq!(Arrived.transition(Closed).unwrap(), Closed);
        for (from, to) in [
            (Arrived, Dispatched),
            (Closed, Arrived),
            (Closed, Dispatched),
            (Dispatched, Dispatched),
        ] {
            let e = from.transition(to).unwrap_err().to_string();
            assert!(e.contains("allowed now"), "{e}");
        }
        assert!(Closed
            .transition(Arrived)
            .unwrap_err()
            .to_string()
            .contains("none"));
    }

    #[test]
    fn distances_match_known_ones() {
        // Kolkata (Esplanade) to Howrah station is about 3 km; Kolkata to Delhi ~1,300 km.
        let esplanade = p(22.5646, 88.3521);
        let howrah = p(22.5839, 88.3425);
        let delhi = p(28.6139, 77.2090);
        assert!((distance_km(esplanade, howrah) - 2.37).abs() < 0.1);
        assert!((distance_km(esplanade, delhi) - 1305.0).abs() < 10.0);
        assert_eq!(distance_km(delhi, delhi), 0.0);
    }

    #[test]
    fn the_box_holds_the_circle() {
        let at = p(22.5646, 88.3521);
        let b = bounding_box(at, 25.0);
        for (lat, lon) in [
            (b.min_latitude, at.longitude),
            (b.max_latitude, at.longitude),
            (at.latitude, b.min_longitude),
            (at.latitude, b.max_longitude),
        ] {
            let d = distance_km(at, p(lat, lon));
            assert!((d - 25.0).abs() < 0.2, "edge at {d} km");
        }
    }

    #[test]
    fn nearest_ranks_and_cuts() {
        let at = p(22.5, 88.3);
        let got = nearest(
            at,
            vec![
                ("far", p(23.5, 88.3)),
                ("near", p(22.51, 88.3)),
                ("mid", p(22.7, 88.3)),
            ],
            2,
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["near", "mid"]);
        assert!(got[0].1 < got[1].1);
    }

    #[test]
    fn locations_are_checked() {
        assert!(DispatchLocation::new(22.5, 88.3, "Near Gariahat crossing").is_ok());
        assert!(DispatchLocation::new(51.5, -0.1, "London").is_err());
        assert!(DispatchLocation::new(22.5, 88.3, " ").is_err());
    }

    #[test]
    fn only_operating_hospitals_receive_emergencies() {
        use FacilityType::*;
        assert!(receives_emergencies(
            DistrictHospital,
            OperationalStatus::Operational
        ));
        assert!(!receives_emergencies(
            SubCentreHwc,
            OperationalStatus::Operational
        ));
        assert!(!receives_emergencies(
            BloodBank,
            OperationalStatus::Operational
        ));
        assert!(!receives_emergencies(
            DistrictHospital,
            OperationalStatus::Closed
        ));
    }
}
