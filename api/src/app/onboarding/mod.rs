//! Private-hospital onboarding. A representative signs up without an account (name,
//! phone, e-mail), proves the phone with a one-time code, and gets an applicant
//! account. They fill the application in steps, upload the required documents, and
//! submit; a state or district administrator approves, rejects or asks for changes.
//! Approval creates the facility (private) in the registry and makes the applicant its
//! `facility_admin`. Every step is in the application's timeline and the audit trail,
//! and the applicant is told by SMS and e-mail.

pub mod email;
mod notices;
mod signup;

pub use signup::{resend_code, start_signup, verify_signup, CodeSent};

use crate::app::documents::{editable_application, in_reach, may_see_application};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::document::{DocumentPurpose, DocumentStatus};
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::onboarding::{
    check_complete, ApplicationAction, ApplicationForm, ApplicationStatus, BedCapacityForm,
    FacilityStep, LicencesStep, OwnerStep, ReviewComment,
};
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::applications::{
    self, ApplicationRecord, Change, CountRow, EventRecord, Filter, NewEvent,
};
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::dashboards::emr_changes::{self, ChangeSource};
use arogya_infra::repos::documents;
use arogya_infra::repos::facilities::{self, Placement};
use arogya_infra::repos::{roles, units};
use arogya_infra::TenantTx;
use chrono::{Duration, Utc};
use notices::{notify_applicant, notify_reviewers};
use uuid::Uuid;

fn application_not_found() -> ApiError {
    DomainError::NotFound {
        entity: "application",
    }
    .into()
}

fn display_name(app: &ApplicationRecord) -> String {
    app.name.clone().unwrap_or_else(|| "your hospital".into())
}

/// Who acts on applications, from where.
pub struct Onboarding<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

impl Onboarding<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("platform administrators do not handle applications".into())
        })
    }

    fn actor(&self) -> Actor {
        Actor::from(self.principal)
    }

    async fn write_tx(&self) -> ApiResult<TenantTx> {
        Ok(self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Write)
            .await?)
    }

    /// Record a step: the timeline row and the audit event.
    #[allow(clippy::too_many_arguments)]
    async fn record(
        &self,
        tx: &mut TenantTx,
        app: &ApplicationRecord,
        action: AuditAction,
        from: Option<ApplicationStatus>,
        note: Option<String>,
        comments: &[ReviewComment],
    ) -> ApiResult<()> {
        let to = applications::status_of(app)?;
        let name = action.as_str().rsplit('.').next().unwrap_or("change");
        applications::add_event(
            tx,
            NewEvent {
                application: app.id,
                actor: self.principal.user_id().0,
                action: name,
                from,
                to,
                note,
                comments,
            },
        )
        .await?;
        let event = NewAuditEvent::new(self.actor(), action, "hospital_application", Some(app.id))
            .with_detail(serde_json::json!({ "status": app.status, "version": app.version }));
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }

    /// Move `app` on by `action` (if its status allows it and the caller saw the
    /// latest version). Returns the status it came from and the saved application.
    async fn advance(
        &self,
        tx: &TenantTx,
        app: &ApplicationRecord,
        expected_version: i32,
        action: ApplicationAction,
        facility: Option<Uuid>,
    ) -> ApiResult<(ApplicationStatus, ApplicationRecord)> {
        let from = applications::status_of(app)?;
        let to = from.transition(action)?;
        let change = Change {
            status: Some(to),
            facility,
            ..Change::default()
        };
        let saved = applications::update(tx, app, expected_version, change).await?;
        Ok((from, saved))
    }

    async fn finish(&self, tx: TenantTx) -> ApiResult<()> {
        tx.commit().await?;
        self.state.outbox_wake.notify_one();
        Ok(())
    }

    pub async fn create(&self) -> ApiResult<ApplicationRecord> {
        let (_, me) = self.principal.applicant()?;
        let mut tx = self.write_tx().await?;
        let app = applications::insert(&tx, me.0).await?;
        self.record(
            &mut tx,
            &app,
            AuditAction::ApplicationCreate,
            None,
            None,
            &[],
        )
        .await?;
        tx.commit().await?;
        Ok(app)
    }

    /// Save one step of the draft.
    pub async fn save_step(
        &self,
        id: Uuid,
        expected_version: i32,
        step: StepInput,
    ) -> ApiResult<ApplicationRecord> {
        let mut tx = self.write_tx().await?;
        let app = editable_application(&tx, self.principal, id).await?;
        let mut form = applications::form_of(&app)?;
        let mut placement = None;
        let label = match step {
            StepInput::Facility(f) => {
                let unit = units::find(&tx, UnitId(f.unit_id)).await?.ok_or_else(|| {
                    ApiError::validation("unitId", "no such unit in this state or district")
                })?;
                let kind = super::facilities::tenant_kind(self.state, tx.tenant()).await?;
                let path = UnitPath::from(&unit);
                placement = Some(applications::Placement {
                    unit: unit.id,
                    unit_path: path.as_str().to_owned(),
                    district: path.district(kind),
                });
                form.facility = Some(f);
                "facility"
            }
            StepInput::Capacity(c) => {
                form.capacity = Some(c);
                "capacity"
            }
            StepInput::Licences(l) => {
                form.licences = Some(l);
                "licences"
            }
            StepInput::Owner(o) => {
                form.owner = Some(o);
                "owner"
            }
        };
        let from = applications::status_of(&app)?;
        let saved = applications::update(
            &tx,
            &app,
            expected_version,
            Change {
                form: Some(&form),
                placement,
                ..Change::default()
            },
        )
        .await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationSave,
            Some(from),
            Some(label.into()),
            &[],
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Submit for review: every step filled, every required document available.
    pub async fn submit(&self, id: Uuid, expected_version: i32) -> ApiResult<ApplicationRecord> {
        let mut tx = self.write_tx().await?;
        let app = editable_application(&tx, self.principal, id).await?;
        // The status first: a submitted application is not "incomplete", it is submitted.
        applications::status_of(&app)?.transition(ApplicationAction::Submit)?;
        let form = applications::form_of(&app)?;
        let (settings, _) = documents::settings(&tx).await?;
        let available = available_purposes(&tx, app.id).await?;
        check_complete(&form, &settings.required_for_onboarding, &available)?;
        // Complete, and the department can write back to a proved address.
        email::ensure_verified(&tx, UserId(app.applicant_user_id)).await?;
        let (from, saved) = self
            .advance(&tx, &app, expected_version, ApplicationAction::Submit, None)
            .await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationSubmit,
            Some(from),
            None,
            &[],
        )
        .await?;
        notify_applicant(
            &tx,
            &saved,
            "Application received",
            &format!(
                "Arogya: the application for {} was received. The department will review it.",
                display_name(&saved)
            ),
        )
        .await?;
        notify_reviewers(
            &tx,
            &saved,
            "Hospital application to review",
            &format!(
                "Arogya: the application for {} was submitted and awaits your review (Hospital applications).",
                display_name(&saved)
            ),
        )
        .await?;
        self.finish(tx).await?;
        Ok(saved)
    }

    /// A submitted application within the reviewer's reach.
    async fn reviewable(&self, tx: &TenantTx, id: Uuid) -> ApiResult<ApplicationRecord> {
        let reach = self.principal.application_review_reach()?;
        applications::find(tx, id)
            .await?
            .filter(|a| a.submitted_at.is_some() && in_reach(&reach, a))
            .ok_or_else(application_not_found)
    }

    pub async fn request_changes(
        &self,
        id: Uuid,
        expected_version: i32,
        note: Option<String>,
        comments: Vec<ReviewComment>,
    ) -> ApiResult<ApplicationRecord> {
        if comments.is_empty() && note.is_none() {
            return Err(ApiError::validation(
                "comments",
                "say what should change: a note, or comments on fields or documents",
            ));
        }
        let mut tx = self.write_tx().await?;
        let app = self.reviewable(&tx, id).await?;
        let (from, saved) = self
            .advance(
                &tx,
                &app,
                expected_version,
                ApplicationAction::RequestChanges,
                None,
            )
            .await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationRequestChanges,
            Some(from),
            note.clone(),
            &comments,
        )
        .await?;
        notify_applicant(
            &tx,
            &saved,
            "Changes requested",
            &format!(
                "Arogya: the department asks for changes to the application for {} ({} comment(s)). Sign in to see them and resubmit.",
                display_name(&saved),
                comments.len()
            ),
        )
        .await?;
        self.finish(tx).await?;
        Ok(saved)
    }

    pub async fn reject(
        &self,
        id: Uuid,
        expected_version: i32,
        reason: String,
    ) -> ApiResult<ApplicationRecord> {
        let mut tx = self.write_tx().await?;
        let app = self.reviewable(&tx, id).await?;
        let (from, saved) = self
            .advance(&tx, &app, expected_version, ApplicationAction::Reject, None)
            .await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationReject,
            Some(from),
            Some(reason.clone()),
            &[],
        )
        .await?;
        notify_applicant(
            &tx,
            &saved,
            "Application rejected",
            &format!(
                "Arogya: the application for {} was rejected: {reason}",
                display_name(&saved)
            ),
        )
        .await?;
        self.finish(tx).await?;
        Ok(saved)
    }

    /// Approve: the facility joins the registry (ownership private, with its beds),
    /// and the applicant becomes its administrator. One transaction for all of it.
    pub async fn approve(
        &self,
        id: Uuid,
        expected_version: i32,
        note: Option<String>,
    ) -> ApiResult<ApplicationRecord> {
        let mut tx = self.write_tx().await?;
        let app = self.reviewable(&tx, id).await?;
        // Check the transition before creating anything.
        applications::status_of(&app)?.transition(ApplicationAction::Approve)?;
        let form = applications::form_of(&app)?;
        let (Some(step), Some(beds)) = (&form.facility, form.capacity) else {
            return Err(ApiError::Internal);
        };
        let details = step.to_form(beds.into()).validate()?;
        let unit = units::find(&tx, UnitId(step.unit_id))
            .await?
            .ok_or_else(|| {
                ApiError::validation("unitId", "the application's unit no longer exists")
            })?;
        let kind = super::facilities::tenant_kind(self.state, tx.tenant()).await?;
        let facility = facilities::insert(
            &tx,
            &details,
            &Placement {
                district: UnitPath::from(&unit).district(kind),
                unit: &unit,
            },
        )
        .await?;
        emr_changes::record(
            &tx,
            &facility,
            ChangeSource::Onboarding,
            Some(self.principal.user_id().0),
        )
        .await?;
        let grant = RoleGrant::new(Role::FacilityAdmin, None, Some(FacilityId(facility.id)))?;
        roles::grant(
            &tx,
            UserId(app.applicant_user_id),
            grant,
            Some(self.principal.user_id().0),
        )
        .await?;
        let event = NewAuditEvent::new(
            self.actor(),
            AuditAction::FacilityCreate,
            "facility",
            Some(facility.id),
        )
        .with_detail(serde_json::json!({ "name": facility.name, "fromApplication": app.id }));
        audit::record(&mut tx, &self.meta, event).await?;
        let event = NewAuditEvent::new(
            self.actor(),
            AuditAction::RoleGrant,
            "user",
            Some(app.applicant_user_id),
        )
        .with_detail(serde_json::json!({ "role": "facility_admin", "facility": facility.id }));
        audit::record(&mut tx, &self.meta, event).await?;
        let (from, saved) = self
            .advance(
                &tx,
                &app,
                expected_version,
                ApplicationAction::Approve,
                Some(facility.id),
            )
            .await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationApprove,
            Some(from),
            note,
            &[],
        )
        .await?;
        notify_applicant(
            &tx,
            &saved,
            "Application approved",
            &format!(
                "Arogya: {} is approved and registered. Sign in again to manage it as its administrator.",
                display_name(&saved)
            ),
        )
        .await?;
        self.finish(tx).await?;
        Ok(saved)
    }

    /// The applicant takes the application back: nothing more can happen to it, and
    /// its documents are deleted (their objects kept until the retention period ends).
    pub async fn withdraw(
        &self,
        id: Uuid,
        expected_version: i32,
        reason: Option<String>,
    ) -> ApiResult<ApplicationRecord> {
        let (_, me) = self.principal.applicant()?;
        let mut tx = self.write_tx().await?;
        let app = applications::find(&tx, id)
            .await?
            .filter(|a| a.applicant_user_id == me.0)
            .ok_or_else(application_not_found)?;
        let (from, saved) = self
            .advance(
                &tx,
                &app,
                expected_version,
                ApplicationAction::Withdraw,
                None,
            )
            .await?;
        let purge = Utc::now() + Duration::days(self.state.config.document_retention_days as i64);
        documents::delete_all_of(&tx, documents::Owner::Application(app.id), purge).await?;
        self.record(
            &mut tx,
            &saved,
            AuditAction::ApplicationWithdraw,
            Some(from),
            reason,
            &[],
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// One application the caller may see.
    pub async fn get(&self, id: Uuid) -> ApiResult<ApplicationRecord> {
        let tx = self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Read)
            .await?;
        let app = applications::find(&tx, id)
            .await?
            .filter(|a| may_see_application(self.principal, a))
            .ok_or_else(application_not_found)?;
        tx.commit().await?;
        Ok(app)
    }

    /// The filter the caller's role allows: reviewers see submitted applications in
    /// their reach; applicants their own.
    fn scoped(&self, mut f: Filter) -> ApiResult<Filter> {
        if let Ok(reach) = self.principal.application_review_reach() {
            f.submitted_only = true;
            f.within = match reach {
                arogya_domain::access::UnitReach::Whole => None,
                arogya_domain::access::UnitReach::Subtrees(u) => {
                    Some(u.into_iter().map(|u| u.0).collect())
                }
            };
            return Ok(f);
        }
        let (_, me) = self.principal.applicant()?;
        f.applicant = Some(me.0);
        Ok(f)
    }

    pub async fn list(&self, f: Filter, page: PageRequest) -> ApiResult<Page<ApplicationRecord>> {
        let f = self.scoped(f)?;
        let tx = self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Read)
            .await?;
        let page = applications::list(&tx, &f, page).await?;
        tx.commit().await?;
        Ok(page)
    }

    pub async fn counts(&self, f: Filter) -> ApiResult<Vec<CountRow>> {
        self.principal.application_review_reach()?;
        let f = self.scoped(f)?;
        let tx = self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Read)
            .await?;
        let rows = applications::counts(&tx, &f).await?;
        tx.commit().await?;
        Ok(rows)
    }
}

/// One step's validated content.
pub enum StepInput {
    Facility(FacilityStep),
    Capacity(BedCapacityForm),
    Licences(LicencesStep),
    Owner(OwnerStep),
}

/// Onboarding purposes with an available document on the application.
pub async fn available_purposes(tx: &TenantTx, app: Uuid) -> ApiResult<Vec<DocumentPurpose>> {
    Ok(super::documents::of_application(tx, app)
        .await?
        .iter()
        .filter(|d| d.status == DocumentStatus::Available.as_str())
        .filter_map(|d| DocumentPurpose::parse(&d.purpose).ok())
        .collect())
}

/// The application's timeline, oldest first.
pub async fn timeline(
    state: &AppState,
    tenant: TenantId,
    app: Uuid,
) -> ApiResult<Vec<EventRecord>> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let rows = applications::events_of(&tx, &[app]).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The form, parsed (for the GraphQL fields).
pub fn form(app: &ApplicationRecord) -> ApiResult<ApplicationForm> {
    Ok(applications::form_of(app)?)
}
