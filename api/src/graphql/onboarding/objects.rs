//! Output objects: the application with its steps, documents, what is still missing,
//! and its timeline of review steps.

use super::super::context::ContextExt;
use super::super::documents::{Document, DocumentPurpose};
use super::super::facilities::{BedCapacity, FacilityType, SystemOfMedicine};
use crate::app::onboarding;
use crate::error::{ApiError, ApiResult};
use arogya_domain::document::{DocumentPurpose as Purpose, DocumentStatus};
use arogya_domain::ids::TenantId;
use arogya_domain::onboarding::{self as domain, ApplicationForm, ReviewComment as Comment};
use arogya_infra::repos::applications::{ApplicationRecord, EventRecord};
use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::onboarding::ApplicationStatus")]
pub enum ApplicationStatus {
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Rejected,
    Withdrawn,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::onboarding::HospitalService")]
pub enum HospitalService {
    Emergency,
    BloodBank,
    Laboratory,
    Xray,
    Ultrasound,
    CtScan,
    Mri,
    Pharmacy,
    Ambulance,
    Dialysis,
    OperationTheatre,
    Maternity,
}

/// Where the applicant's e-mail address stands: proved, or waiting for its code.
#[derive(SimpleObject)]
pub struct EmailVerification {
    pub email: Option<String>,
    pub verified: bool,
    /// When the code sent last stops working, while one is waiting.
    pub code_expires_at: Option<DateTime<Utc>>,
}

impl From<onboarding::email::EmailStatus> for EmailVerification {
    fn from(s: onboarding::email::EmailStatus) -> Self {
        Self {
            email: s.email,
            verified: s.verified,
            code_expires_at: s.code_expires_at,
        }
    }
}

/// A code was sent to the phone.
#[derive(SimpleObject)]
pub struct SignupCode {
    pub signup_id: ID,
    pub expires_at: DateTime<Utc>,
    /// How many more codes may be sent to this phone in the current window.
    pub sends_left: i32,
}

impl From<onboarding::CodeSent> for SignupCode {
    fn from(c: onboarding::CodeSent) -> Self {
        Self {
            signup_id: ID(c.signup_id.to_string()),
            expires_at: c.expires_at,
            sends_left: c.sends_left as i32,
        }
    }
}

#[derive(SimpleObject)]
pub struct FacilityStepView {
    pub name: String,
    #[graphql(name = "type")]
    pub facility_type: Option<FacilityType>,
    pub ownership_subtype: Option<String>,
    pub unit_id: ID,
    pub address: String,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub systems_of_medicine: Vec<SystemOfMedicine>,
    pub specialities: Vec<String>,
    pub services: Vec<HospitalService>,
    #[graphql(name = "open24x7")]
    pub open_24x7: bool,
    pub opd_hours: Option<String>,
}

impl From<&domain::FacilityStep> for FacilityStepView {
    fn from(f: &domain::FacilityStep) -> Self {
        use arogya_domain::facility as fac;
        Self {
            name: f.name.clone(),
            facility_type: fac::FacilityType::parse(&f.facility_type)
                .ok()
                .map(Into::into),
            ownership_subtype: f.ownership_subtype.clone(),
            unit_id: ID(f.unit_id.to_string()),
            address: f.address.clone(),
            pincode: f.pincode.clone(),
            latitude: f.latitude,
            longitude: f.longitude,
            phone: f.phone.clone(),
            email: f.email.clone(),
            systems_of_medicine: f
                .systems_of_medicine
                .iter()
                .filter_map(|s| fac::SystemOfMedicine::parse(s).ok().map(Into::into))
                .collect(),
            specialities: f.specialities.clone(),
            services: f.services.iter().map(|s| (*s).into()).collect(),
            open_24x7: f.timings.open_24x7,
            opd_hours: f.timings.opd_hours.clone(),
        }
    }
}

#[derive(SimpleObject)]
pub struct LicencesView {
    pub clinical_establishment_number: String,
    pub fire_noc_number: Option<String>,
    pub biomedical_waste_authorisation_number: Option<String>,
    pub pollution_consent_number: Option<String>,
    pub pan: Option<String>,
    pub gstin: Option<String>,
}

#[derive(SimpleObject)]
pub struct OwnerView {
    pub name: String,
    pub designation: String,
    pub council: String,
    pub registration_number: String,
}

#[derive(SimpleObject, Clone)]
pub struct ReviewComment {
    /// A field (`facility.name`) or a document (`document:fire_safety_noc`).
    pub target: String,
    pub text: String,
}

impl From<Comment> for ReviewComment {
    fn from(c: Comment) -> Self {
        Self {
            target: c.target,
            text: c.text,
        }
    }
}

/// One required document and whether it is there.
#[derive(SimpleObject)]
pub struct RequiredDocument {
    pub purpose: DocumentPurpose,
    pub label: String,
    pub satisfied: bool,
}

/// One step in the application's life.
pub struct ApplicationEvent(pub EventRecord);

fn comments_of(e: &EventRecord) -> Vec<ReviewComment> {
    e.comments
        .clone()
        .and_then(|j| serde_json::from_value::<Vec<Comment>>(j).ok())
        .unwrap_or_default()
        .into_iter()
        .map(Into::into)
        .collect()
}

#[Object]
impl ApplicationEvent {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn actor_user_id(&self) -> ID {
        ID(self.0.actor_user_id.to_string())
    }
    /// `create`, `save_step`, `submit`, `request_changes`, `approve`, `reject`, `withdraw`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn from_status(&self) -> Option<ApplicationStatus> {
        self.0
            .from_status
            .as_deref()
            .and_then(|s| domain::ApplicationStatus::parse(s).ok())
            .map(Into::into)
    }
    async fn to_status(&self) -> Option<ApplicationStatus> {
        domain::ApplicationStatus::parse(&self.0.to_status)
            .ok()
            .map(Into::into)
    }
    /// The step saved, the reviewer's note, or the reason for a rejection.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn comments(&self) -> Vec<ReviewComment> {
        comments_of(&self.0)
    }
}

/// A private hospital's application to join the registry.
pub struct HospitalApplication(pub ApplicationRecord);

impl HospitalApplication {
    fn tenant(&self) -> TenantId {
        TenantId(self.0.tenant_id)
    }
    fn form(&self) -> ApiResult<ApplicationForm> {
        onboarding::form(&self.0)
    }
    fn status_value(&self) -> ApiResult<domain::ApplicationStatus> {
        domain::ApplicationStatus::parse(&self.0.status)
            .map_err(|_| ApiError::internal(&anyhow::anyhow!("application with unknown status")))
    }
    async fn docs(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<arogya_infra::repos::documents::DocumentRecord>> {
        Ok(ctx
            .loaders()?
            .application_documents
            .load_one((self.tenant(), self.0.id))
            .await?
            .unwrap_or_default())
    }
    async fn required(&self, ctx: &Context<'_>) -> ApiResult<Vec<(Purpose, bool)>> {
        let settings = ctx
            .loaders()?
            .document_settings
            .load_one((self.tenant(), self.tenant().0))
            .await?
            .unwrap_or_default();
        let docs = self.docs(ctx).await?;
        Ok(settings
            .required_for_onboarding
            .into_iter()
            .map(|p| {
                let there = docs.iter().any(|d| {
                    d.purpose == p.as_str() && d.status == DocumentStatus::Available.as_str()
                });
                (p, there)
            })
            .collect())
    }
    async fn events(&self, ctx: &Context<'_>) -> ApiResult<Vec<EventRecord>> {
        Ok(ctx
            .loaders()?
            .application_events
            .load_one((self.tenant(), self.0.id))
            .await?
            .unwrap_or_default())
    }
}

#[Object]
impl HospitalApplication {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status(&self) -> ApiResult<ApplicationStatus> {
        Ok(self.status_value()?.into())
    }
    /// Pass back as `expectedVersion`.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The facility's name, once the facility step is saved.
    async fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    async fn applicant_user_id(&self) -> ID {
        ID(self.0.applicant_user_id.to_string())
    }
    async fn district_id(&self) -> Option<ID> {
        self.0.district_id.map(|d| ID(d.to_string()))
    }
    /// The registry facility created on approval.
    async fn facility_id(&self) -> Option<ID> {
        self.0.facility_id.map(|d| ID(d.to_string()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }
    async fn facility(&self) -> ApiResult<Option<FacilityStepView>> {
        Ok(self.form()?.facility.as_ref().map(Into::into))
    }
    async fn capacity(&self) -> ApiResult<Option<BedCapacity>> {
        Ok(self.form()?.capacity.map(|b| BedCapacity {
            general: b.general,
            oxygen_supported: b.oxygen_supported,
            icu: b.icu,
            hdu: b.hdu,
            ventilator: b.ventilator,
            isolation: b.isolation,
            paediatric: b.paediatric,
            maternity: b.maternity,
        }))
    }
    async fn licences(&self) -> ApiResult<Option<LicencesView>> {
        Ok(self.form()?.licences.map(|l| LicencesView {
            clinical_establishment_number: l.clinical_establishment_number,
            fire_noc_number: l.fire_noc_number,
            biomedical_waste_authorisation_number: l.biomedical_waste_authorisation_number,
            pollution_consent_number: l.pollution_consent_number,
            pan: l.pan,
            gstin: l.gstin,
        }))
    }
    async fn owner(&self) -> ApiResult<Option<OwnerView>> {
        Ok(self.form()?.owner.map(|o| OwnerView {
            name: o.name,
            designation: o.designation,
            council: o.council,
            registration_number: o.registration_number,
        }))
    }
    /// Uploaded documents (not withdrawn), oldest first.
    async fn documents(&self, ctx: &Context<'_>) -> ApiResult<Vec<Document>> {
        Ok(self.docs(ctx).await?.into_iter().map(Document).collect())
    }
    /// What the tenant requires, and whether each is uploaded and available.
    async fn required_documents(&self, ctx: &Context<'_>) -> ApiResult<Vec<RequiredDocument>> {
        Ok(self
            .required(ctx)
            .await?
            .into_iter()
            .map(|(p, satisfied)| RequiredDocument {
                purpose: p.into(),
                label: p.label().to_owned(),
                satisfied,
            })
            .collect())
    }
    /// Everything still needed before the application can be submitted.
    async fn missing(&self, ctx: &Context<'_>) -> ApiResult<Vec<String>> {
        let mut out: Vec<String> = self
            .form()?
            .missing_steps()
            .iter()
            .map(|s| format!("step:{}", s.as_str()))
            .collect();
        for (p, satisfied) in self.required(ctx).await? {
            if !satisfied {
                out.push(format!("document:{}", p.as_str()));
            }
        }
        Ok(out)
    }
    /// What may be done next: `edit`, `submit`, `request_changes`, `approve`, `reject`,
    /// `withdraw` (each for the role it belongs to).
    async fn allowed_actions(&self) -> ApiResult<Vec<String>> {
        Ok(self
            .status_value()?
            .allowed_actions()
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect())
    }
    /// Every step, oldest first.
    async fn timeline(&self, ctx: &Context<'_>) -> ApiResult<Vec<ApplicationEvent>> {
        Ok(self
            .events(ctx)
            .await?
            .into_iter()
            .map(ApplicationEvent)
            .collect())
    }
    /// The reviewer's comments to act on, while changes are requested.
    async fn open_comments(&self, ctx: &Context<'_>) -> ApiResult<Vec<ReviewComment>> {
        if self.status_value()? != domain::ApplicationStatus::ChangesRequested {
            return Ok(Vec::new());
        }
        Ok(self
            .events(ctx)
            .await?
            .iter()
            .rev()
            .find(|e| e.action == "request_changes")
            .map(comments_of)
            .unwrap_or_default())
    }
}

/// How many applications are in one status in one district.
#[derive(SimpleObject)]
pub struct ApplicationCount {
    pub status: ApplicationStatus,
    pub district_id: Option<ID>,
    pub count: i32,
}
