//! The Health Professional Registry of one tenant.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::professional::{self, Column, Entity};
use crate::entities::professional_facility as attachment;
use crate::entities::professional_registration as registration;
use crate::repos::facilities::FacilityRecord;
use arogya_domain::access::UnitReach;
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::professional::{ProfessionalDetails, ProfessionalKind, VerificationStatus};
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Condition, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub type ProfessionalRecord = professional::Model;
pub type RegistrationRecord = registration::Model;
pub type AttachmentRecord = attachment::Model;

fn email_conflict(e: sea_orm::DbErr) -> InfraError {
    if is_unique_violation(&e) {
        let msg = e.to_string();
        if msg.contains("user") {
            DomainError::validation("userId", "this account is linked to another professional")
                .into()
        } else if msg.contains("registrations") || msg.contains("council") {
            DomainError::validation(
                "registrations",
                "a registration number is already taken for its council",
            )
            .into()
        } else {
            DomainError::validation(
                "email",
                "another professional of this tenant uses this e-mail address",
            )
            .into()
        }
    } else {
        e.into()
    }
}

/// Registration numbers are unique per council: name the one that is taken.
async fn check_registrations_free(
    tx: &TenantTx,
    details: &ProfessionalDetails,
    own: Option<Uuid>,
) -> InfraResult<()> {
    for (i, r) in details.registrations.iter().enumerate() {
        let (council, number) = r.keys();
        let taken = registration::Entity::find()
            .filter(registration::Column::TenantId.eq(tx.tenant().0))
            .filter(registration::Column::CouncilKey.eq(council))
            .filter(registration::Column::NumberKey.eq(number))
            .one(tx.conn())
            .await?;
        if taken.is_some_and(|t| Some(t.professional_id) != own) {
            return Err(DomainError::validation(
                format!("registrations.{i}.number"),
                "is already registered to another professional with this council",
            )
            .into());
        }
    }
    Ok(())
}

async fn replace_registrations(
    tx: &TenantTx,
    professional: Uuid,
    details: &ProfessionalDetails,
) -> InfraResult<()> {
    registration::Entity::delete_many()
        .filter(registration::Column::TenantId.eq(tx.tenant().0))
        .filter(registration::Column::ProfessionalId.eq(professional))
        .exec(tx.conn())
        .await?;
    add_registrations(tx, professional, details).await
}

async fn add_registrations(
    tx: &TenantTx,
    professional: Uuid,
    details: &ProfessionalDetails,
) -> InfraResult<()> {
    let now = Utc::now();
    for r in &details.registrations {
        let (council_key, number_key) = r.keys();
        registration::ActiveModel {
            tenant_id: Set(tx.tenant().0),
            id: Set(Uuid::now_v7()),
            professional_id: Set(professional),
            council: Set(r.council.clone()),
            council_key: Set(council_key),
            number: Set(r.number.clone()),
            number_key: Set(number_key),
            registered_on: Set(r.registered_on),
            valid_until: Set(r.valid_until),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(tx.conn())
        .await
        .map_err(email_conflict)?;
    }
    Ok(())
}

fn detail_columns(m: &mut professional::ActiveModel, d: &ProfessionalDetails) {
    m.name = Set(d.name.clone());
    m.name_key = Set(d.name.to_lowercase());
    m.kind = Set(d.kind.as_str().to_owned());
    m.sex = Set(d.sex.map(|s| s.as_str().to_owned()));
    m.date_of_birth = Set(d.date_of_birth);
    m.phone = Set(d.phone.as_ref().map(|p| p.as_str().to_owned()));
    m.email = Set(d.email.as_ref().map(|e| e.as_str().to_owned()));
    m.qualifications = Set(serde_json::json!(d
        .qualifications
        .iter()
        .map(|q| serde_json::json!({ "degree": q.degree, "institution": q.institution, "year": q.year }))
        .collect::<Vec<_>>()));
    m.languages = Set(serde_json::json!(d.languages));
}

/// A new entry, `pending` verification.
pub async fn insert(
    tx: &TenantTx,
    details: &ProfessionalDetails,
) -> InfraResult<ProfessionalRecord> {
    check_registrations_free(tx, details, None).await?;
    insert_prechecked(tx, details).await
}

/// A new entry whose registration numbers the caller has already checked as a batch
/// (bulk import); the unique index still refuses a duplicate.
pub async fn insert_prechecked(
    tx: &TenantTx,
    details: &ProfessionalDetails,
) -> InfraResult<ProfessionalRecord> {
    let now = Utc::now();
    let mut m = professional::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        status: Set(VerificationStatus::Pending.as_str().to_owned()),
        status_reason: Set(None),
        status_changed_by: Set(None),
        status_changed_at: Set(None),
        user_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    detail_columns(&mut m, details);
    let saved = m.insert(tx.conn()).await.map_err(email_conflict)?;
    add_registrations(tx, saved.id, details).await?;
    Ok(saved)
}

fn stale(current: i32) -> InfraError {
    DomainError::conflict(format!(
        "the professional's entry was changed by someone else (now at version {current}); reload and try again"
    ))
    .into()
}

/// Apply `change` to the row if it is still at `expected_version`.
async fn versioned(
    tx: &TenantTx,
    current: &ProfessionalRecord,
    expected_version: i32,
    change: impl FnOnce(&mut professional::ActiveModel),
) -> InfraResult<ProfessionalRecord> {
    if current.version != expected_version {
        return Err(stale(current.version));
    }
    let mut m: professional::ActiveModel = current.clone().into();
    change(&mut m);
    m.updated_at = Set(Utc::now());
    m.version = Set(current.version + 1);
    let updated = Entity::update_many()
        .set(m)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await
        .map_err(email_conflict)?
        .rows_affected;
    if updated == 0 {
        return Err(stale(expected_version + 1));
    }
    find(tx, current.id).await?.ok_or_else(|| {
        DomainError::NotFound {
            entity: "professional",
        }
        .into()
    })
}

/// Replace the details; the entry goes back to `pending` verification.
pub async fn update_details(
    tx: &TenantTx,
    current: &ProfessionalRecord,
    expected_version: i32,
    details: &ProfessionalDetails,
) -> InfraResult<ProfessionalRecord> {
    check_registrations_free(tx, details, Some(current.id)).await?;
    let saved = versioned(tx, current, expected_version, |m| {
        detail_columns(m, details);
        m.status = Set(VerificationStatus::Pending.as_str().to_owned());
        m.status_reason = Set(None);
    })
    .await?;
    replace_registrations(tx, saved.id, details).await?;
    Ok(saved)
}

pub async fn set_status(
    tx: &TenantTx,
    current: &ProfessionalRecord,
    expected_version: i32,
    status: VerificationStatus,
    reason: Option<String>,
    by: Uuid,
) -> InfraResult<ProfessionalRecord> {
    versioned(tx, current, expected_version, |m| {
        m.status = Set(status.as_str().to_owned());
        m.status_reason = Set(reason);
        m.status_changed_by = Set(Some(by));
        m.status_changed_at = Set(Some(Utc::now()));
    })
    .await
}

pub async fn link_user(
    tx: &TenantTx,
    current: &ProfessionalRecord,
    expected_version: i32,
    user: Option<Uuid>,
) -> InfraResult<ProfessionalRecord> {
    versioned(tx, current, expected_version, |m| m.user_id = Set(user)).await
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ProfessionalRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<ProfessionalRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Which of these e-mail addresses are already used in the tenant.
pub async fn emails_in_use(tx: &TenantTx, emails: &[String]) -> InfraResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in emails.chunks(500) {
        let rows = Entity::find()
            .filter(Column::TenantId.eq(tx.tenant().0))
            .filter(Column::Email.is_in(chunk.iter().cloned()))
            .all(tx.conn())
            .await?;
        out.extend(rows.into_iter().filter_map(|p| p.email));
    }
    Ok(out)
}

/// Which of these (council key, number key) pairs are already registered.
pub async fn registrations_in_use(
    tx: &TenantTx,
    keys: &[(String, String)],
) -> InfraResult<Vec<(String, String)>> {
    let numbers: Vec<String> = keys.iter().map(|(_, n)| n.clone()).collect();
    let mut out = Vec::new();
    for chunk in numbers.chunks(500) {
        let rows = registration::Entity::find()
            .filter(registration::Column::TenantId.eq(tx.tenant().0))
            .filter(registration::Column::NumberKey.is_in(chunk.iter().cloned()))
            .all(tx.conn())
            .await?;
        out.extend(
            rows.into_iter()
                .map(|r| (r.council_key, r.number_key))
                .filter(|k| keys.contains(k)),
        );
    }
    Ok(out)
}

pub async fn find_by_user(tx: &TenantTx, user: Uuid) -> InfraResult<Option<ProfessionalRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user))
        .one(tx.conn())
        .await?)
}

pub async fn registrations_for(
    tx: &TenantTx,
    professionals: &[Uuid],
) -> InfraResult<Vec<RegistrationRecord>> {
    Ok(registration::Entity::find()
        .filter(registration::Column::TenantId.eq(tx.tenant().0))
        .filter(registration::Column::ProfessionalId.is_in(professionals.iter().copied()))
        .order_by_asc(registration::Column::RegisteredOn)
        .all(tx.conn())
        .await?)
}

/// Attachments current on `today`: started, and not ended before it.
fn current_on(today: NaiveDate) -> Condition {
    Condition::all()
        .add(attachment::Column::FromDate.lte(today))
        .add(
            Condition::any()
                .add(attachment::Column::ToDate.is_null())
                .add(attachment::Column::ToDate.gte(today)),
        )
}

pub struct NewAttachment {
    pub designation: String,
    pub department: Option<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

pub async fn attach(
    tx: &TenantTx,
    professional: &ProfessionalRecord,
    facility: &FacilityRecord,
    new: NewAttachment,
) -> InfraResult<AttachmentRecord> {
    let now = Utc::now();
    Ok(attachment::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        professional_id: Set(professional.id),
        facility_id: Set(facility.id),
        facility_unit_path: Set(facility.unit_path.clone()),
        designation: Set(new.designation),
        department: Set(new.department),
        from_date: Set(new.from),
        to_date: Set(new.to),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find_attachment(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AttachmentRecord>> {
    Ok(attachment::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Set the last day of an attachment.
pub async fn end_attachment(
    tx: &TenantTx,
    current: &AttachmentRecord,
    to: NaiveDate,
) -> InfraResult<AttachmentRecord> {
    let mut m: attachment::ActiveModel = current.clone().into();
    m.to_date = Set(Some(to));
    m.updated_at = Set(Utc::now());
    m.version = Set(current.version + 1);
    Ok(m.update(tx.conn()).await?)
}

/// Attachments of these professionals (all, or only the current ones).
pub async fn attachments_of_professionals(
    tx: &TenantTx,
    professionals: &[Uuid],
    current: Option<NaiveDate>,
) -> InfraResult<Vec<AttachmentRecord>> {
    let q = attachment::Entity::find()
        .filter(attachment::Column::TenantId.eq(tx.tenant().0))
        .filter(attachment::Column::ProfessionalId.is_in(professionals.iter().copied()))
        .apply_if(current, |q, today| q.filter(current_on(today)));
    Ok(q.order_by_asc(attachment::Column::FromDate)
        .all(tx.conn())
        .await?)
}

/// Current staff of these facilities.
pub async fn staff_of_facilities(
    tx: &TenantTx,
    facilities: &[Uuid],
    today: NaiveDate,
) -> InfraResult<Vec<AttachmentRecord>> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::TenantId.eq(tx.tenant().0))
        .filter(attachment::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(current_on(today))
        .order_by_asc(attachment::Column::FromDate)
        .all(tx.conn())
        .await?)
}

/// Professionals currently attached to a facility matching `cond`.
fn attached_where(tenant: Uuid, today: NaiveDate, cond: Condition) -> SimpleExpr {
    Column::Id.in_subquery(
        Query::select()
            .column(attachment::Column::ProfessionalId)
            .from(attachment::Entity)
            .cond_where(
                Condition::all()
                    .add(attachment::Column::TenantId.eq(tenant))
                    .add(current_on(today))
                    .add(cond),
            )
            .to_owned(),
    )
}

/// Within reach: a professional currently attached to a facility the caller can see.
/// Professionals with no current facility are seen only by those who see everything.
fn reach_condition(tenant: Uuid, today: NaiveDate, reach: &UnitReach) -> Option<SimpleExpr> {
    match reach {
        UnitReach::Whole => None,
        UnitReach::Subtrees(roots) => {
            let paths = roots.iter().fold(Condition::any(), |c, r| {
                c.add(attachment::Column::FacilityUnitPath.contains(format!("/{r}/")))
            });
            Some(attached_where(tenant, today, paths))
        }
    }
}

#[derive(Debug, Clone)]
pub struct ProfessionalFilter {
    pub search: Option<String>,
    pub registration_number: Option<String>,
    pub facility: Option<Uuid>,
    pub kind: Option<ProfessionalKind>,
    pub status: Option<VerificationStatus>,
    pub reach: UnitReach,
}

/// Newest first.
pub async fn list(
    tx: &TenantTx,
    filter: &ProfessionalFilter,
    page: PageRequest,
    today: NaiveDate,
) -> InfraResult<Page<ProfessionalRecord>> {
    let tenant = tx.tenant().0;
    let mut q = Entity::find().filter(Column::TenantId.eq(tenant));
    if let Some(text) = &filter.search {
        for word in text.to_lowercase().split_whitespace().take(8) {
            q = q.filter(super::contains_literally(Column::NameKey, word));
        }
    }
    if let Some(number) = &filter.registration_number {
        let key: String = number.split_whitespace().collect::<String>().to_lowercase();
        q = q.filter(
            Column::Id.in_subquery(
                Query::select()
                    .column(registration::Column::ProfessionalId)
                    .from(registration::Entity)
                    .and_where(registration::Column::TenantId.eq(tenant))
                    .and_where(registration::Column::NumberKey.eq(key))
                    .to_owned(),
            ),
        );
    }
    if let Some(f) = filter.facility {
        q = q.filter(attached_where(
            tenant,
            today,
            Condition::all().add(attachment::Column::FacilityId.eq(f)),
        ));
    }
    if let Some(k) = filter.kind {
        q = q.filter(Column::Kind.eq(k.as_str()));
    }
    if let Some(s) = filter.status {
        q = q.filter(Column::Status.eq(s.as_str()));
    }
    q = q.apply_if(reach_condition(tenant, today, &filter.reach), |q, c| {
        q.filter(c)
    });
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

/// Can the caller with `reach` see this professional?
pub async fn within_reach(
    tx: &TenantTx,
    id: Uuid,
    reach: &UnitReach,
    today: NaiveDate,
) -> InfraResult<bool> {
    let Some(cond) = reach_condition(tx.tenant().0, today, reach) else {
        return Ok(true);
    };
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(cond)
        .one(tx.conn())
        .await?
        .is_some())
}

/// Registrations ending between `today` and `until` (inclusive), soonest first, of
/// professionals within reach (and attached under `district` when given).
pub async fn expiring_registrations(
    tx: &TenantTx,
    today: NaiveDate,
    until: NaiveDate,
    district: Option<Uuid>,
    reach: &UnitReach,
) -> InfraResult<Vec<RegistrationRecord>> {
    let tenant = tx.tenant().0;
    let mut people = Query::select();
    people
        .column(Column::Id)
        .from(Entity)
        .and_where(Column::TenantId.eq(tenant));
    if let Some(cond) = reach_condition(tenant, today, reach) {
        people.and_where(cond);
    }
    if let Some(d) = district {
        people.and_where(attached_where(
            tenant,
            today,
            Condition::all().add(attachment::Column::FacilityUnitPath.contains(format!("/{d}/"))),
        ));
    }
    Ok(registration::Entity::find()
        .filter(registration::Column::TenantId.eq(tenant))
        .filter(registration::Column::ValidUntil.gte(today))
        .filter(registration::Column::ValidUntil.lte(until))
        .filter(registration::Column::ProfessionalId.in_subquery(people.to_owned()))
        .order_by_asc(registration::Column::ValidUntil)
        .all(tx.conn())
        .await?)
}

/// Group rows by a key, keeping their order.
pub fn group_by<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, Vec<T>> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for r in rows {
        out.entry(key(&r)).or_default().push(r);
    }
    out
}
