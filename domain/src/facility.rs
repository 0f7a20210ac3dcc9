//! Health facilities: what a department runs (and the private ones it licenses).

use crate::error::{DomainError, DomainResult};
use crate::user::Email;
use chrono::NaiveDate;

text_enum!(
    /// Stored as text, so new types only add a variant.
    FacilityType, "type" {
        MedicalCollegeHospital => "medical_college_hospital",
        DistrictHospital => "district_hospital",
        SubDivisionalHospital => "sub_divisional_hospital",
        StateGeneralHospital => "state_general_hospital",
        RuralHospitalChc => "rural_hospital_chc",
        BlockPhc => "block_phc",
        Phc => "phc",
        SubCentreHwc => "sub_centre_hwc",
        PrivateHospital => "private_hospital",
        NursingHome => "nursing_home",
        DiagnosticLaboratory => "diagnostic_laboratory",
        BloodBank => "blood_bank",
    }
);

text_enum!(Ownership, "ownership" { Public => "public", Private => "private", Other => "other" });

text_enum!(OperationalStatus, "operationalStatus" {
    Operational => "operational",
    NonOperational => "non_operational",
    Closed => "closed",
});

text_enum!(
    /// Allopathy and the AYUSH systems.
    SystemOfMedicine, "systemsOfMedicine" {
        Allopathy => "allopathy",
        Ayurveda => "ayurveda",
        Yoga => "yoga_naturopathy",
        Unani => "unani",
        Siddha => "siddha",
        SowaRigpa => "sowa_rigpa",
        Homoeopathy => "homoeopathy",
    }
);

text_enum!(EmrItem, "emrReadiness.checklist" {
    Workstations => "workstations",
    Lan => "lan",
    ServerBackup => "server_backup",
    InformationSecurity => "information_security",
});

text_enum!(ReadinessStatus, "emrReadiness.checklist" {
    NotStarted => "not_started",
    InProgress => "in_progress",
    Done => "done",
});

/// An Indian phone number, stored as `+91` and ten digits. Accepts spaces, hyphens,
/// `+91`/`91` and a trunk `0` (landlines with their STD code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str, field: &str) -> DomainResult<Self> {
        let rest = crate::phone::national_part(raw);
        if rest.len() != 10 || !rest.bytes().all(|b| b.is_ascii_digit()) || rest.starts_with('0') {
            return Err(DomainError::validation(
                field,
                "must be an Indian phone number with 10 digits",
            ));
        }
        Ok(Self(format!("+91{rest}")))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A national facility identifier (Health Facility Registry style): `IN` and 10 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalFacilityId(String);

impl NationalFacilityId {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let id = raw.trim().to_ascii_uppercase();
        let ok =
            id.len() == 12 && id.starts_with("IN") && id[2..].bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return Err(DomainError::validation(
                "nationalFacilityId",
                "must be IN followed by 10 digits, like IN3310001271",
            ));
        }
        Ok(Self(id))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Beds by type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BedCapacity {
    pub general: i32,
    pub oxygen_supported: i32,
    pub icu: i32,
    pub hdu: i32,
    pub ventilator: i32,
    pub isolation: i32,
    pub paediatric: i32,
    pub maternity: i32,
}

impl BedCapacity {
    pub fn validate(self) -> DomainResult<Self> {
        let counts = [
            ("beds.general", self.general),
            ("beds.oxygenSupported", self.oxygen_supported),
            ("beds.icu", self.icu),
            ("beds.hdu", self.hdu),
            ("beds.ventilator", self.ventilator),
            ("beds.isolation", self.isolation),
            ("beds.paediatric", self.paediatric),
            ("beds.maternity", self.maternity),
        ];
        for (field, n) in counts {
            if !(0..=100_000).contains(&n) {
                return Err(DomainError::validation(
                    field,
                    "must be between 0 and 100000",
                ));
            }
        }
        Ok(self)
    }
    pub fn total(&self) -> i64 {
        [
            self.general,
            self.oxygen_supported,
            self.icu,
            self.hdu,
            self.ventilator,
            self.isolation,
            self.paediatric,
            self.maternity,
        ]
        .iter()
        .map(|n| *n as i64)
        .sum()
    }
}

/// Where the facility stands on adopting electronic medical records.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmrReadiness {
    pub adopted: bool,
    pub adopted_on: Option<NaiveDate>,
    /// One status per checklist item; items left out are `not_started`.
    pub checklist: Vec<(EmrItem, ReadinessStatus)>,
}

impl EmrReadiness {
    pub fn new(
        adopted: bool,
        adopted_on: Option<NaiveDate>,
        items: Vec<(EmrItem, ReadinessStatus)>,
    ) -> DomainResult<Self> {
        if adopted != adopted_on.is_some() {
            return Err(DomainError::validation(
                "emrReadiness.adoptedOn",
                "give the adoption date exactly when EMR adoption is declared",
            ));
        }
        let mut checklist = Vec::new();
        for item in EmrItem::ALL {
            let statuses: Vec<_> = items.iter().filter(|(i, _)| i == item).collect();
            if statuses.len() > 1 {
                return Err(DomainError::validation(
                    "emrReadiness.checklist",
                    format!("{} is listed twice", item.as_str()),
                ));
            }
            checklist.push((
                *item,
                statuses
                    .first()
                    .map(|(_, s)| *s)
                    .unwrap_or(ReadinessStatus::NotStarted),
            ));
        }
        Ok(Self {
            adopted,
            adopted_on,
            checklist,
        })
    }
}

/// A point on the map, inside India's bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    pub latitude: f64,
    pub longitude: f64,
}

impl GeoPoint {
    pub fn new(latitude: Option<f64>, longitude: Option<f64>) -> DomainResult<Option<Self>> {
        match (latitude, longitude) {
            (None, None) => Ok(None),
            (Some(lat), Some(lon)) => {
                if !(6.0..=37.5).contains(&lat) {
                    return Err(DomainError::validation(
                        "latitude",
                        "must lie in India (6 to 37.5 degrees north)",
                    ));
                }
                if !(68.0..=97.5).contains(&lon) {
                    return Err(DomainError::validation(
                        "longitude",
                        "must lie in India (68 to 97.5 degrees east)",
                    ));
                }
                Ok(Some(Self {
                    latitude: lat,
                    longitude: lon,
                }))
            }
            (Some(_), None) => Err(DomainError::validation(
                "longitude",
                "give both latitude and longitude, or neither",
            )),
            (None, Some(_)) => Err(DomainError::validation(
                "latitude",
                "give both latitude and longitude, or neither",
            )),
        }
    }
}

fn bounded_text(raw: &str, field: &str, min: usize, max: usize) -> DomainResult<String> {
    let t = raw.trim();
    let n = t.chars().count();
    if n < min || n > max || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(DomainError::validation(
            field,
            format!("must be {min} to {max} characters"),
        ));
    }
    Ok(t.to_owned())
}

/// Everything about a facility that its editors set, validated as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilityDetails {
    pub name: String,
    pub facility_type: FacilityType,
    pub ownership: Ownership,
    pub ownership_subtype: Option<String>,
    pub address: Option<String>,
    pub pincode: Option<String>,
    pub location: Option<GeoPoint>,
    pub phone: Option<PhoneNumber>,
    pub email: Option<Email>,
    pub systems_of_medicine: Vec<SystemOfMedicine>,
    pub specialities: Vec<String>,
    pub operational_status: OperationalStatus,
    pub national_facility_id: Option<NationalFacilityId>,
    pub beds: BedCapacity,
    pub emr: EmrReadiness,
}

/// The raw values, as a form or a spreadsheet row carries them.
#[derive(Debug, Clone, Default)]
pub struct FacilityForm {
    pub name: String,
    pub facility_type: String,
    pub ownership: String,
    pub ownership_subtype: Option<String>,
    pub address: Option<String>,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub systems_of_medicine: Vec<String>,
    pub specialities: Vec<String>,
    pub operational_status: Option<String>,
    pub national_facility_id: Option<String>,
    pub beds: BedCapacity,
    pub emr: EmrReadiness,
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl FacilityForm {
    pub fn validate(&self) -> DomainResult<FacilityDetails> {
        let pincode = match non_empty(&self.pincode) {
            Some(p)
                if p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0') =>
            {
                Some(p.to_owned())
            }
            Some(_) => {
                return Err(DomainError::validation(
                    "pincode",
                    "must be 6 digits, not starting with 0",
                ))
            }
            None => None,
        };
        let mut systems = Vec::new();
        for s in &self.systems_of_medicine {
            let s = SystemOfMedicine::parse(s)?;
            if !systems.contains(&s) {
                systems.push(s);
            }
        }
        if self.specialities.len() > 50 {
            return Err(DomainError::validation("specialities", "at most 50"));
        }
        let mut specialities: Vec<String> = Vec::new();
        for s in &self.specialities {
            let s = bounded_text(s, "specialities", 2, 80)?;
            if !specialities.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
                specialities.push(s);
            }
        }
        Ok(FacilityDetails {
            name: bounded_text(&self.name, "name", 2, 200)?,
            facility_type: FacilityType::parse(&self.facility_type)?,
            ownership: Ownership::parse(&self.ownership)?,
            ownership_subtype: non_empty(&self.ownership_subtype)
                .map(|s| bounded_text(s, "ownershipSubtype", 2, 80))
                .transpose()?,
            address: non_empty(&self.address)
                .map(|s| bounded_text(s, "address", 2, 500))
                .transpose()?,
            pincode,
            location: GeoPoint::new(self.latitude, self.longitude)?,
            phone: non_empty(&self.phone)
                .map(|p| PhoneNumber::parse(p, "phone"))
                .transpose()?,
            email: non_empty(&self.email).map(Email::parse).transpose()?,
            systems_of_medicine: systems,
            specialities,
            operational_status: non_empty(&self.operational_status)
                .map(OperationalStatus::parse)
                .transpose()?
                .unwrap_or(OperationalStatus::Operational),
            national_facility_id: non_empty(&self.national_facility_id)
                .map(NationalFacilityId::parse)
                .transpose()?,
            beds: self.beds.validate()?,
            emr: self.emr.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FacilityForm {
        FacilityForm {
            name: "Murshidabad Medical College & Hospital".into(),
            facility_type: "medical_college_hospital".into(),
            ownership: "public".into(),
            ..Default::default()
        }
    }

    fn field_of(e: DomainError) -> String {
        match e {
            DomainError::Validation { field, .. } => field,
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_minimal_form_is_valid() {
        let d = form().validate().unwrap();
        assert_eq!(d.operational_status, OperationalStatus::Operational);
        assert_eq!(d.beds.total(), 0);
    }

    #[test]
    fn each_bad_value_names_its_field() {
        let cases: Vec<(FacilityForm, &str)> = vec![
            (
                FacilityForm {
                    name: "x".into(),
                    ..form()
                },
                "name",
            ),
            (
                FacilityForm {
                    facility_type: "spa".into(),
                    ..form()
                },
                "type",
            ),
            (
                FacilityForm {
                    ownership: "mixed".into(),
                    ..form()
                },
                "ownership",
            ),
            (
                FacilityForm {
                    pincode: Some("012345".into()),
                    ..form()
                },
                "pincode",
            ),
            (
                FacilityForm {
                    latitude: Some(51.5),
                    longitude: Some(88.0),
                    ..form()
                },
                "latitude",
            ),
            (
                FacilityForm {
                    latitude: Some(22.5),
                    ..form()
                },
                "longitude",
            ),
            (
                FacilityForm {
                    phone: Some("12345".into()),
                    ..form()
                },
                "phone",
            ),
            (
                FacilityForm {
                    email: Some("nope".into()),
                    ..form()
                },
                "email",
            ),
            (
                FacilityForm {
                    systems_of_medicine: vec!["magic".into()],
                    ..form()
                },
                "systemsOfMedicine",
            ),
            (
                FacilityForm {
                    national_facility_id: Some("IN12".into()),
                    ..form()
                },
                "nationalFacilityId",
            ),
            (
                FacilityForm {
                    beds: BedCapacity {
                        icu: -1,
                        ..Default::default()
                    },
                    ..form()
                },
                "beds.icu",
            ),
        ];
        for (f, field) in cases {
            assert_eq!(field_of(f.validate().unwrap_err()), field);
        }
    }

    #[test]
    fn phones_normalise() {
        for raw in [
            "9876543210",
            "+91 98765 43210",
            "098765-43210",
            "919876543210",
            "033 2244 1234",
        ] {
            assert!(
                PhoneNumber::parse(raw, "phone")
                    .unwrap()
                    .as_str()
                    .starts_with("+91"),
                "{raw}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("033-22441234", "phone")
                .unwrap()
                .as_str(),
            "+913322441234"
        );
        assert!(PhoneNumber::parse("0000000000", "phone").is_err());
    }

    #[test]
    fn emr_readiness_needs_a_date_when_adopted() {
        assert!(EmrReadiness::new(true, None, vec![]).is_err());
        assert!(EmrReadiness::new(false, NaiveDate::from_ymd_opt(2026, 1, 1), vec![]).is_err());
        let e =
            EmrReadiness::new(false, None, vec![(EmrItem::Lan, ReadinessStatus::Done)]).unwrap();
        assert_eq!(e.checklist.len(), 4);
        assert!(e.checklist.contains(&(EmrItem::Lan, ReadinessStatus::Done)));
        assert!(e
            .checklist
            .contains(&(EmrItem::Workstations, ReadinessStatus::NotStarted)));
        let twice = vec![
            (EmrItem::Lan, ReadinessStatus::Done),
            (EmrItem::Lan, ReadinessStatus::InProgress),
        ];
        assert!(EmrReadiness::new(false, None, twice).is_err());
    }
}
