//! Hospital applications and their review timeline. The form is JSON
//! (`domain::onboarding::ApplicationForm`); what lists filter and count by (status,
//! district, name) is copied into columns.

use crate::db::{InfraError, InfraResult, TenantTx};
use crate::entities::application_event::{self, Entity as Events};
use crate::entities::hospital_application::{self, Column, Entity};
use arogya_domain::ids::UnitId;
use arogya_domain::onboarding::{ApplicationForm, ApplicationStatus, ReviewComment};
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

pub type ApplicationRecord = hospital_application::Model;
pub type EventRecord = application_event::Model;

pub fn form_of(record: &ApplicationRecord) -> InfraResult<ApplicationForm> {
    serde_json::from_value(record.form.clone()).map_err(|e| {
        InfraError::Internal(anyhow::anyhow!(
            "application {} has an unreadable form: {e}",
            record.id
        ))
    })
}

pub fn status_of(record: &ApplicationRecord) -> InfraResult<ApplicationStatus> {
    ApplicationStatus::parse(&record.status).map_err(|e| {
        InfraError::Internal(anyhow::anyhow!("application {} has status {e}", record.id))
    })
}

pub async fn insert(tx: &TenantTx, applicant: Uuid) -> InfraResult<ApplicationRecord> {
    let now = Utc::now();
    let form = serde_json::to_value(ApplicationForm::default()).map_err(anyhow::Error::from)?;
    Ok(hospital_application::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        applicant_user_id: Set(applicant),
        status: Set(ApplicationStatus::Draft.as_str().to_owned()),
        name: Set(None),
        form: Set(form),
        unit_id: Set(None),
        unit_path: Set(None),
        district_id: Set(None),
        facility_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(None),
        decided_at: Set(None),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ApplicationRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Where the facility step placed the application (for reviewers' reach and lists).
pub struct Placement {
    pub unit: Uuid,
    pub unit_path: String,
    pub district: Option<UnitId>,
}

/// What a change sets; the version always moves on by one.
#[derive(Default)]
pub struct Change<'a> {
    pub form: Option<&'a ApplicationForm>,
    pub placement: Option<Placement>,
    pub status: Option<ApplicationStatus>,
    pub facility: Option<Uuid>,
}

pub async fn update(
    tx: &TenantTx,
    current: &ApplicationRecord,
    expected_version: i32,
    change: Change<'_>,
) -> InfraResult<ApplicationRecord> {
    if current.version != expected_version {
        return Err(DomainError::conflict(format!(
            "the application is at version {}, not {expected_version}; reload and try again",
            current.version
        ))
        .into());
    }
    let now = Utc::now();
    let mut update = Entity::update_many()
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id));
    if let Some(form) = change.form {
        let name = form.facility.as_ref().map(|f| f.name.clone());
        let json = serde_json::to_value(form).map_err(anyhow::Error::from)?;
        update = update
            .col_expr(Column::Form, Expr::value(json))
            .col_expr(Column::Name, Expr::value(name));
    }
    if let Some(p) = change.placement {
        update = update
            .col_expr(Column::UnitId, Expr::value(p.unit))
            .col_expr(Column::UnitPath, Expr::value(p.unit_path))
            .col_expr(Column::DistrictId, Expr::value(p.district.map(|d| d.0)));
    }
    if let Some(status) = change.status {
        update = update.col_expr(Column::Status, Expr::value(status.as_str()));
        match status {
            ApplicationStatus::Submitted => {
                update = update.col_expr(Column::SubmittedAt, Expr::value(now))
            }
            ApplicationStatus::Approved | ApplicationStatus::Rejected => {
                update = update.col_expr(Column::DecidedAt, Expr::value(now))
            }
            _ => {}
        }
    }
    if let Some(f) = change.facility {
        update = update.col_expr(Column::FacilityId, Expr::value(f));
    }
    super::versioned_update(tx, update, Column::Version, expected_version, "application").await?;
    find(tx, current.id).await?.ok_or_else(|| {
        DomainError::NotFound {
            entity: "application",
        }
        .into()
    })
}

/// One step of the timeline.
pub struct NewEvent<'a> {
    pub application: Uuid,
    pub actor: Uuid,
    pub action: &'a str,
    pub from: Option<ApplicationStatus>,
    pub to: ApplicationStatus,
    pub note: Option<String>,
    pub comments: &'a [ReviewComment],
}

pub async fn add_event(tx: &TenantTx, e: NewEvent<'_>) -> InfraResult<EventRecord> {
    let comments = if e.comments.is_empty() {
        None
    } else {
        Some(serde_json::to_value(e.comments).map_err(anyhow::Error::from)?)
    };
    Ok(application_event::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        application_id: Set(e.application),
        at: Set(Utc::now()),
        actor_user_id: Set(e.actor),
        action: Set(e.action.to_owned()),
        from_status: Set(e.from.map(|s| s.as_str().to_owned())),
        to_status: Set(e.to.as_str().to_owned()),
        note: Set(e.note),
        comments: Set(comments),
    }
    .insert(tx.conn())
    .await?)
}

/// The timelines of several applications, oldest event first.
pub async fn events_of(tx: &TenantTx, applications: &[Uuid]) -> InfraResult<Vec<EventRecord>> {
    Ok(Events::find()
        .filter(application_event::Column::TenantId.eq(tx.tenant().0))
        .filter(application_event::Column::ApplicationId.is_in(applications.iter().copied()))
        .order_by_asc(application_event::Column::Id)
        .all(tx.conn())
        .await?)
}

/// Which applications a list shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub statuses: Vec<ApplicationStatus>,
    pub district: Option<Uuid>,
    pub applicant: Option<Uuid>,
    /// Reviewers' reach: only applications placed under these units (`None`: all).
    pub within: Option<Vec<Uuid>>,
    /// Leave out drafts never submitted (reviewers do not see them).
    pub submitted_only: bool,
}

fn filtered(tx: &TenantTx, f: &Filter) -> sea_orm::Select<Entity> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if !f.statuses.is_empty() {
        q = q.filter(Column::Status.is_in(f.statuses.iter().map(|s| s.as_str())));
    }
    if let Some(d) = f.district {
        q = q.filter(Column::DistrictId.eq(d));
    }
    if let Some(a) = f.applicant {
        q = q.filter(Column::ApplicantUserId.eq(a));
    }
    if let Some(units) = &f.within {
        let mut any = Condition::any();
        for u in units {
            any = any.add(Column::UnitPath.contains(u.to_string()));
        }
        q = q.filter(any);
    }
    if f.submitted_only {
        q = q.filter(Column::SubmittedAt.is_not_null());
    }
    q
}

pub async fn list(
    tx: &TenantTx,
    f: &Filter,
    page: PageRequest,
) -> InfraResult<Page<ApplicationRecord>> {
    super::newest_first(tx.conn(), filtered(tx, f), Column::Id, page).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct CountRow {
    pub status: String,
    pub district_id: Option<Uuid>,
    pub count: i64,
}

/// How many applications there are per status and district.
pub async fn counts(tx: &TenantTx, f: &Filter) -> InfraResult<Vec<CountRow>> {
    Ok(filtered(tx, f)
        .select_only()
        .column(Column::Status)
        .column(Column::DistrictId)
        .column_as(Column::Id.count(), "count")
        .group_by(Column::Status)
        .group_by(Column::DistrictId)
        .order_by_asc(Column::Status)
        .into_model::<CountRow>()
        .all(tx.conn())
        .await?)
}
