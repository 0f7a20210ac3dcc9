//! Private-hospital onboarding: a hospital's representative signs up with a one-time
//! code, fills an application in steps, uploads the required documents and submits;
//! the department approves, rejects or asks for changes.

use crate::access::{Principal, UnitReach};
use crate::document::DocumentPurpose;
use crate::error::{DomainError, DomainResult};
use crate::facility::{BedCapacity, FacilityForm};
use crate::ids::{TenantId, UserId};
use crate::role::Role;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where an application is.
    ApplicationStatus, "status" {
        Draft => "draft",
        Submitted => "submitted",
        ChangesRequested => "changes_requested",
        Approved => "approved",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
    }
);

/// What can happen to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationAction {
    Edit,
    Submit,
    RequestChanges,
    Approve,
    Reject,
    /// The applicant takes the application back (its documents are deleted).
    Withdraw,
}

impl ApplicationAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationAction::Edit => "edit",
            ApplicationAction::Submit => "submit",
            ApplicationAction::RequestChanges => "request_changes",
            ApplicationAction::Approve => "approve",
            ApplicationAction::Reject => "reject",
            ApplicationAction::Withdraw => "withdraw",
        }
    }
}

impl ApplicationStatus {
    /// The status an action leads to from here, if it is allowed.
    fn after(self, action: ApplicationAction) -> Option<ApplicationStatus> {
        use ApplicationAction as A;
        use ApplicationStatus as S;
        match (self, action) {
            (S::Draft | S::ChangesRequested, A::Edit) => Some(self),
            (S::Draft | S::ChangesRequested, A::Submit) => Some(S::Submitted),
            (S::Submitted, A::RequestChanges) => Some(S::ChangesRequested),
            (S::Submitted, A::Approve) => Some(S::Approved),
            (S::Submitted, A::Reject) => Some(S::Rejected),
            (S::Draft | S::Submitted | S::ChangesRequested, A::Withdraw) => Some(S::Withdrawn),
            _ => None,
        }
    }

    /// What may be done now.
    pub fn allowed_actions(self) -> Vec<ApplicationAction> {
        use ApplicationAction as A;
        [
            A::Edit,
            A::Submit,
            A::RequestChanges,
            A::Approve,
            A::Reject,
            A::Withdraw,
        ]
        .into_iter()
        .filter(|a| self.after(*a).is_some())
        .collect()
    }

    /// The next status, or `VALIDATION` naming what is allowed instead.
    pub fn transition(self, action: ApplicationAction) -> DomainResult<ApplicationStatus> {
        self.after(action).ok_or_else(|| {
            let allowed: Vec<&str> = self.allowed_actions().iter().map(|a| a.as_str()).collect();
            DomainError::validation(
                "status",
                format!(
                    "an application that is {} cannot {}; allowed now: {}",
                    self.as_str().replace('_', " "),
                    action.as_str().replace('_', " "),
                    if allowed.is_empty() {
                        "nothing (it is decided)".to_owned()
                    } else {
                        allowed.join(", ")
                    }
                ),
            )
        })
    }
}

text_enum!(
    /// Services a hospital offers.
    HospitalService, "services" {
        Emergency => "emergency",
        BloodBank => "blood_bank",
        Laboratory => "laboratory",
        Xray => "xray",
        Ultrasound => "ultrasound",
        CtScan => "ct_scan",
        Mri => "mri",
        Pharmacy => "pharmacy",
        Ambulance => "ambulance",
        Dialysis => "dialysis",
        OperationTheatre => "operation_theatre",
        Maternity => "maternity",
    }
);

/// The application's parts, each saved on its own (a draft is saved at every step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Facility,
    Capacity,
    Licences,
    Owner,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Facility, Step::Capacity, Step::Licences, Step::Owner];
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Facility => "facility",
            Step::Capacity => "capacity",
            Step::Licences => "licences",
            Step::Owner => "owner",
        }
    }
}

/// Opening hours: round the clock, or a daily outpatient window `HH:MM-HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
    pub open_24x7: bool,
    pub opd_hours: Option<String>,
}

impl Timings {
    pub fn new(open_24x7: bool, opd_hours: Option<&str>) -> DomainResult<Self> {
        let opd_hours = opd_hours.map(str::trim).filter(|s| !s.is_empty());
        if let Some(h) = opd_hours {
            let ok = h.split_once('-').is_some_and(|(a, b)| {
                let (a, b) = (hhmm(a.trim()), hhmm(b.trim()));
                matches!((a, b), (Some(a), Some(b)) if a < b)
            });
            if !ok {
                return Err(DomainError::validation(
                    "opdHours",
                    "give the outpatient hours as HH:MM-HH:MM, e.g. 09:00-17:00",
                ));
            }
        }
        if !open_24x7 && opd_hours.is_none() {
            return Err(DomainError::validation(
                "opdHours",
                "give the outpatient hours, or say the hospital is open 24x7",
            ));
        }
        Ok(Self {
            open_24x7,
            opd_hours: opd_hours.map(str::to_owned),
        })
    }
}

fn hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The facility step: the registry's facility form (validated by the same rules as a
/// facility the department enters) plus what only an application carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FacilityStep {
    pub name: String,
    pub facility_type: String,
    pub ownership_subtype: Option<String>,
    pub unit_id: uuid::Uuid,
    pub address: String,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub systems_of_medicine: Vec<String>,
    pub specialities: Vec<String>,
    pub services: Vec<HospitalService>,
    pub timings: Timings,
}

/// Facility types a private applicant may register.
const PRIVATE_TYPES: [&str; 4] = [
    "private_hospital",
    "nursing_home",
    "diagnostic_laboratory",
    "blood_bank",
];

impl FacilityStep {
    /// The registry form this step becomes on approval (ownership private).
    pub fn to_form(&self, beds: BedCapacity) -> FacilityForm {
        FacilityForm {
            name: self.name.clone(),
            facility_type: self.facility_type.clone(),
            ownership: "private".into(),
            ownership_subtype: self.ownership_subtype.clone(),
            address: Some(self.address.clone()),
            pincode: self.pincode.clone(),
            latitude: self.latitude,
            longitude: self.longitude,
            phone: self.phone.clone(),
            email: self.email.clone(),
            systems_of_medicine: self.systems_of_medicine.clone(),
            specialities: self.specialities.clone(),
            operational_status: Some("operational".into()),
            national_facility_id: None,
            beds,
            emr: Default::default(),
        }
    }

    /// Check the step by the registry's rules, and normalise it as they do.
    pub fn validate(mut self) -> DomainResult<Self> {
        if !PRIVATE_TYPES.contains(&self.facility_type.as_str()) {
            return Err(DomainError::validation(
                "type",
                format!(
                    "a private applicant registers one of: {}",
                    PRIVATE_TYPES.join(", ")
                ),
            ));
        }
        if self.address.trim().len() < 5 {
            return Err(DomainError::validation(
                "address",
                "give the full address of the facility",
            ));
        }
        let details = self.to_form(BedCapacity::default()).validate()?;
        self.name = details.name;
        self.phone = details.phone.map(|p| p.as_str().to_owned());
        self.email = details.email.map(|e| e.as_str().to_owned());
        self.specialities = details.specialities;
        self.address = self.address.trim().to_owned();
        let mut services = Vec::new();
        for s in self.services {
            if !services.contains(&s) {
                services.push(s);
            }
        }
        self.services = services;
        Ok(self)
    }
}

/// Registration and licence numbers, as the issuing authorities print them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LicencesStep {
    pub clinical_establishment_number: String,
    pub fire_noc_number: Option<String>,
    pub biomedical_waste_authorisation_number: Option<String>,
    pub pollution_consent_number: Option<String>,
    pub pan: Option<String>,
    pub gstin: Option<String>,
}

fn licence_number(value: &str, field: &str) -> DomainResult<String> {
    let v = value.trim().to_ascii_uppercase();
    let ok = (3..=40).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-. ".contains(&b));
    if !ok {
        return Err(DomainError::validation(
            field,
            "must be 3 to 40 letters, digits, '/', '-', '.' or spaces",
        ));
    }
    Ok(v)
}

fn optional_number(value: &Option<String>, field: &str) -> DomainResult<Option<String>> {
    match value.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(v) => licence_number(v, field).map(Some),
        None => Ok(None),
    }
}

impl LicencesStep {
    pub fn validate(self) -> DomainResult<Self> {
        let pan = match self.pan.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => {
                let p = p.to_ascii_uppercase();
                let b = p.as_bytes();
                // AAAAA9999A: five letters, four digits, a letter.
                let ok = b.len() == 10
                    && b[..5].iter().all(u8::is_ascii_uppercase)
                    && b[5..9].iter().all(u8::is_ascii_digit)
                    && b[9].is_ascii_uppercase();
                if !ok {
                    return Err(DomainError::validation(
                        "pan",
                        "a PAN is five letters, four digits and a letter, e.g. AAACR1234K",
                    ));
                }
                Some(p)
            }
            None => None,
        };
        let gstin = match self
            .gstin
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(g) => {
                let g = g.to_ascii_uppercase();
                let ok = g.len() == 15
                    && g[..2].bytes().all(|b| b.is_ascii_digit())
                    && g.bytes().all(|b| b.is_ascii_alphanumeric())
                    && pan.as_deref().is_none_or(|p| &g[2..12] == p);
                if !ok {
                    return Err(DomainError::validation(
                        "gstin",
                        "a GSTIN is 15 characters: state code, the PAN, and three more",
                    ));
                }
                Some(g)
            }
            None => None,
        };
        Ok(Self {
            clinical_establishment_number: licence_number(
                &self.clinical_establishment_number,
                "clinicalEstablishmentNumber",
            )?,
            fire_noc_number: optional_number(&self.fire_noc_number, "fireNocNumber")?,
            biomedical_waste_authorisation_number: optional_number(
                &self.biomedical_waste_authorisation_number,
                "biomedicalWasteAuthorisationNumber",
            )?,
            pollution_consent_number: optional_number(
                &self.pollution_consent_number,
                "pollutionConsentNumber",
            )?,
            pan,
            gstin,
        })
    }
}

/// The owner or manager, with their professional registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerStep {
    pub name: String,
    pub designation: String,
    pub council: String,
    pub registration_number: String,
}

impl OwnerStep {
    pub fn validate(self) -> DomainResult<Self> {
        let text = |v: &str, field: &str, min: usize, max: usize| -> DomainResult<String> {
            let v = v.trim();
            let n = v.chars().count();
            if n < min || n > max {
                return Err(DomainError::validation(
                    field,
                    format!("must be {min} to {max} characters"),
                ));
            }
            Ok(v.to_owned())
        };
        Ok(Self {
            name: text(&self.name, "name", 2, 120)?,
            designation: text(&self.designation, "designation", 2, 80)?,
            council: text(&self.council, "council", 2, 120)?,
            registration_number: licence_number(&self.registration_number, "registrationNumber")?,
        })
    }
}

/// Everything an application has gathered so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationForm {
    pub facility: Option<FacilityStep>,
    pub capacity: Option<BedCapacityForm>,
    pub licences: Option<LicencesStep>,
    pub owner: Option<OwnerStep>,
}

/// Beds by type, as stored in an application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BedCapacityForm {
    pub general: i32,
    pub oxygen_supported: i32,
    pub icu: i32,
    pub hdu: i32,
    pub ventilator: i32,
    pub isolation: i32,
    pub paediatric: i32,
    pub maternity: i32,
}

impl From<BedCapacityForm> for BedCapacity {
    fn from(b: BedCapacityForm) -> Self {
        BedCapacity {
            general: b.general,
            oxygen_supported: b.oxygen_supported,
            icu: b.icu,
            hdu: b.hdu,
            ventilator: b.ventilator,
            isolation: b.isolation,
            paediatric: b.paediatric,
            maternity: b.maternity,
        }
    }
}

impl BedCapacityForm {
    pub fn validate(self) -> DomainResult<Self> {
        let beds = BedCapacity::from(self).validate()?;
        if beds.total() == 0 {
            return Err(DomainError::validation(
                "beds",
                "a hospital has at least one bed",
            ));
        }
        Ok(self)
    }
}

impl ApplicationForm {
    /// Steps still to be filled.
    pub fn missing_steps(&self) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| match s {
                Step::Facility => self.facility.is_none(),
                Step::Capacity => self.capacity.is_none(),
                Step::Licences => self.licences.is_none(),
                Step::Owner => self.owner.is_none(),
            })
            .collect()
    }
}

/// Can the application be submitted? Every step filled and every required document
/// available; otherwise `VALIDATION` naming everything that is missing.
pub fn check_complete(
    form: &ApplicationForm,
    required: &[DocumentPurpose],
    available: &[DocumentPurpose],
) -> DomainResult<()> {
    let steps: Vec<&str> = form.missing_steps().iter().map(|s| s.as_str()).collect();
    let docs: Vec<&str> = required
        .iter()
        .filter(|p| !available.contains(p))
        .map(|p| p.label())
        .collect();
    if steps.is_empty() && docs.is_empty() {
        return Ok(());
    }
    let mut parts = Vec::new();
    if !steps.is_empty() {
        parts.push(format!("steps not filled: {}", steps.join(", ")));
    }
    if !docs.is_empty() {
        parts.push(format!("documents missing: {}", docs.join(", ")));
    }
    let field = if steps.is_empty() {
        "documents"
    } else {
        "steps"
    };
    Err(DomainError::validation(
        field,
        format!("the application is not complete ({})", parts.join("; ")),
    ))
}

/// A reviewer's remark on one field or document of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewComment {
    /// A field (`facility.name`, `licences.pan`) or a document (`document:fire_safety_noc`).
    pub target: String,
    pub text: String,
}

impl ReviewComment {
    pub fn new(target: &str, text: &str) -> DomainResult<Self> {
        let target = target.trim();
        let valid_target = match target.strip_prefix("document:") {
            Some(p) => DocumentPurpose::parse(p).is_ok_and(|p| p.is_onboarding()),
            None => target.split_once('.').is_some_and(|(step, field)| {
                Step::ALL.iter().any(|s| s.as_str() == step)
                    && !field.is_empty()
                    && field.bytes().all(|b| b.is_ascii_alphanumeric())
            }),
        };
        if !valid_target {
            return Err(DomainError::validation(
                "comments.target",
                format!(
                    "{target} is neither a field (step.field, e.g. facility.name) nor a document (document:<purpose>)"
                ),
            ));
        }
        let text = text.trim();
        if text.is_empty() || text.chars().count() > 1000 {
            return Err(DomainError::validation(
                "comments.text",
                "must be 1 to 1000 characters",
            ));
        }
        Ok(Self {
            target: target.to_owned(),
            text: text.to_owned(),
        })
    }
}

/// A reviewer's note or reason (1 to 2000 characters).
pub fn review_text(raw: &str, field: &str) -> DomainResult<String> {
    let t = raw.trim();
    if t.is_empty() || t.chars().count() > 2000 {
        return Err(DomainError::validation(
            field,
            "must be 1 to 2000 characters",
        ));
    }
    Ok(t.to_owned())
}

/// A one-time code as typed: six digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpCode(String);

impl OtpCode {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DomainError::validation("code", "the code has six digits"));
        }
        Ok(Self(code))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How one-time codes are limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtpPolicy {
    pub ttl_secs: i64,
    /// Wrong guesses before a code is spent.
    pub max_attempts: i32,
    /// Codes sent to one phone within `window_secs`.
    pub max_sends: u64,
    pub window_secs: i64,
}

impl Default for OtpPolicy {
    fn default() -> Self {
        Self {
            ttl_secs: 600,
            max_attempts: 5,
            max_sends: 3,
            window_secs: 900,
        }
    }
}

impl Principal {
    /// The caller as a hospital applicant (an account made by signing up).
    pub fn applicant(&self) -> DomainResult<(TenantId, UserId)> {
        match self {
            Principal::Staff { id, tenant, .. } if self.has_role(Role::HospitalApplicant) => {
                Ok((*tenant, *id))
            }
            _ => Err(DomainError::forbidden(
                "only a hospital's applicant account may do this: sign up first",
            )),
        }
    }

    /// Which applications the caller may review: state administrators all of them,
    /// district administrators those of their districts.
    pub fn application_review_reach(&self) -> DomainResult<UnitReach> {
        match self {
            Principal::Staff { .. }
                if self.has_role(Role::StateAdmin) || self.has_role(Role::DistrictAdmin) =>
            {
                self.registry_write_reach()
            }
            _ => Err(DomainError::forbidden(
                "only state or district administrators review hospital applications",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applicants_and_reviewers_are_told_apart() {
        use crate::role::RoleGrant;
        let staff = |role, unit| Principal::Staff {
            id: UserId::new(),
            tenant: TenantId::new(),
            grants: vec![RoleGrant::new(role, unit, None).unwrap()],
        };
        assert!(staff(Role::HospitalApplicant, None).applicant().is_ok());
        assert!(staff(Role::Doctor, None).applicant().is_err());
        assert!(staff(Role::HospitalApplicant, None)
            .application_review_reach()
            .is_err());
        assert_eq!(
            staff(Role::StateAdmin, None)
                .application_review_reach()
                .unwrap(),
            UnitReach::Whole
        );
        let d = crate::ids::UnitId::new();
        assert_eq!(
            staff(Role::DistrictAdmin, Some(d))
                .application_review_reach()
                .unwrap(),
            UnitReach::Subtrees(vec![d])
        );
        let platform = Principal::PlatformAdmin { id: UserId::new() };
        assert!(platform.application_review_reach().is_err());
    }

    #[test]
    fn the_review_cycle_allows_only_its_transitions() {
        use ApplicationAction as A;
        use ApplicationStatus as S;
        assert_eq!(S::Draft.transition(A::Submit).unwrap(), S::Submitted);
        assert_eq!(
            S::Submitted.transition(A::RequestChanges).unwrap(),
            S::ChangesRequested
        );
        assert_eq!(
            S::ChangesRequested.transition(A::Submit).unwrap(),
            S::Submitted
        );
        assert_eq!(S::Submitted.transition(A::Approve).unwrap(), S::Approved);
        assert_eq!(S::Submitted.transition(A::Reject).unwrap(), S::Rejected);
        let e = S::Draft.transition(A::Approve).unwrap_err().to_string();
        assert!(e.contains("allowed now: edit, submit, withdraw"), "{e}");
        assert!(S::Submitted.transition(A::Edit).is_err());
        assert_eq!(S::Submitted.transition(A::Withdraw).unwrap(), S::Withdrawn);
        for decided in [S::Approved, S::Rejected, S::Withdrawn] {
            for a in [
                A::Edit,
                A::Submit,
                A::RequestChanges,
                A::Approve,
                A::Reject,
                A::Withdraw,
            ] {
                assert!(decided.transition(a).is_err());
            }
            assert!(decided.allowed_actions().is_empty());
        }
    }

    #[test]
    fn submission_names_every_missing_part() {
        let form = ApplicationForm::default();
        let e = check_complete(
            &form,
            &[DocumentPurpose::FireSafetyNoc, DocumentPurpose::PanGst],
            &[DocumentPurpose::PanGst],
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("facility, capacity, licences, owner"), "{e}");
        assert!(e.contains("fire safety NOC") && !e.contains("PAN"), "{e}");
    }

    #[test]
    fn timings_and_numbers_are_checked() {
        assert!(Timings::new(true, None).is_ok());
        assert!(Timings::new(false, Some("09:00-17:00")).is_ok());
        assert!(Timings::new(false, None).is_err());
        assert!(Timings::new(false, Some("17:00-09:00")).is_err());
        assert!(Timings::new(false, Some("9-5")).is_err());
        let ok = LicencesStep {
            clinical_establishment_number: "wb/ce/2026/0042".into(),
            fire_noc_number: Some("".into()),
            biomedical_waste_authorisation_number: None,
            pollution_consent_number: None,
            pan: Some("aaacr1234k".into()),
            gstin: Some("19AAACR1234K1Z5".into()),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.clinical_establishment_number, "WB/CE/2026/0042");
        assert_eq!(ok.fire_noc_number, None);
        let bad_gst = LicencesStep {
            gstin: Some("19AAACX1234K1Z5".into()),
            ..ok.clone()
        };
        assert!(bad_gst.validate().is_err(), "GSTIN must carry the PAN");
        let bad_pan = LicencesStep {
            pan: Some("1234567890".into()),
            gstin: None,
            ..ok
        };
        assert!(bad_pan.validate().is_err());
    }

    #[test]
    fn comments_name_a_field_or_a_document() {
        assert!(ReviewComment::new("document:fire_safety_noc", "Expired in 2025").is_ok());
        assert!(ReviewComment::new("facility.name", "Use the registered name").is_ok());
        assert!(ReviewComment::new("document:lab_report", "x").is_err());
        assert!(ReviewComment::new("nothing", "x").is_err());
        assert!(ReviewComment::new("facility.name", " ").is_err());
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(OtpCode::parse(" 123 456 ").unwrap().as_str(), "123456");
        assert!(OtpCode::parse("12345").is_err());
        assert!(OtpCode::parse("12345a").is_err());
    }
}
