//! The Health Professional Registry over GraphQL: entries, verification, postings at
//! facilities, expiring registrations, and the link to a user account.

use super::context::ContextExt;
use super::facilities::Facility;
use super::pagination::{connection, page_request};
use super::types::{load_user, parse_id, User};
use super::units::{load_unit, read_reach, registry_tenant};
use crate::app::professionals::{self as usecase, today, FirstPosting};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::Actor;
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::professional as domain;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::professionals::{
    self as repo, AttachmentRecord, NewAttachment, ProfessionalRecord, RegistrationRecord,
};
use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::ProfessionalKind")]
pub enum ProfessionalKind {
    Doctor,
    Nurse,
    Midwife,
    Pharmacist,
    LabTechnician,
    Radiographer,
    AshaChw,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::Sex")]
pub enum Sex {
    Male,
    Female,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::professional::VerificationStatus")]
pub enum VerificationStatus {
    Pending,
    Verified,
    Rejected,
}

#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "QualificationInput")]
pub struct Qualification {
    pub degree: String,
    pub institution: String,
    pub year: i32,
}

#[derive(InputObject, Clone)]
pub struct CouncilRegistrationInput {
    /// e.g. West Bengal Medical Council, Indian Nursing Council.
    pub council: String,
    pub number: String,
    pub registered_on: NaiveDate,
    /// Leave out for a permanent registration.
    pub valid_until: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct ProfessionalInput {
    pub name: String,
    pub kind: ProfessionalKind,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[graphql(default)]
    pub registrations: Vec<CouncilRegistrationInput>,
    #[graphql(default)]
    pub qualifications: Vec<Qualification>,
    #[graphql(default)]
    pub languages: Vec<String>,
}

impl ProfessionalInput {
    fn parse(&self) -> ApiResult<domain::ProfessionalDetails> {
        let form = domain::ProfessionalForm {
            name: self.name.clone(),
            kind: domain::ProfessionalKind::from(self.kind)
                .as_str()
                .to_owned(),
            sex: self.sex.map(|s| domain::Sex::from(s).as_str().to_owned()),
            date_of_birth: self.date_of_birth,
            phone: self.phone.clone(),
            email: self.email.clone(),
            registrations: self
                .registrations
                .iter()
                .map(|r| domain::CouncilRegistration {
                    council: r.council.clone(),
                    number: r.number.clone(),
                    registered_on: r.registered_on,
                    valid_until: r.valid_until,
                })
                .collect(),
            qualifications: self
                .qualifications
                .iter()
                .map(|q| domain::Qualification {
                    degree: q.degree.clone(),
                    institution: q.institution.clone(),
                    year: q.year,
                })
                .collect(),
            languages: self.languages.clone(),
        };
        Ok(form.validate(today())?)
    }
}

#[derive(InputObject)]
pub struct PostingInput {
    pub facility_id: ID,
    /// e.g. Medical Officer, Staff Nurse.
    pub designation: String,
    pub department: Option<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl PostingInput {
    fn parse(&self) -> ApiResult<(FacilityId, NewAttachment)> {
        domain::attachment_period(self.from, self.to)?;
        Ok((
            FacilityId(parse_id("facilityId", &self.facility_id)?),
            NewAttachment {
                designation: domain::attachment_text(&self.designation, "designation")?,
                department: self
                    .department
                    .as_deref()
                    .filter(|d| !d.trim().is_empty())
                    .map(|d| domain::attachment_text(d, "department"))
                    .transpose()?,
                from: self.from,
                to: self.to,
            },
        ))
    }
}

pub struct CouncilRegistration(pub RegistrationRecord);

#[Object]
impl CouncilRegistration {
    async fn council(&self) -> &str {
        &self.0.council
    }
    async fn number(&self) -> &str {
        &self.0.number
    }
    async fn registered_on(&self) -> NaiveDate {
        self.0.registered_on
    }
    /// Null: permanent.
    async fn valid_until(&self) -> Option<NaiveDate> {
        self.0.valid_until
    }
    async fn professional(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let key = (TenantId(self.0.tenant_id), self.0.professional_id);
        Ok(ctx
            .loaders()?
            .professionals
            .load_one(key)
            .await?
            .map(Professional))
    }
}

/// A professional's posting at a facility.
pub struct Posting(pub AttachmentRecord);

#[Object]
impl Posting {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn designation(&self) -> &str {
        &self.0.designation
    }
    async fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }
    async fn from(&self) -> NaiveDate {
        self.0.from_date
    }
    async fn to(&self) -> Option<NaiveDate> {
        self.0.to_date
    }
    /// Null when the facility lies outside what the caller may read.
    async fn facility(&self, ctx: &Context<'_>) -> ApiResult<Option<Facility>> {
        let key = (TenantId(self.0.tenant_id), self.0.facility_id);
        let reach = read_reach(ctx)?;
        Ok(ctx
            .loaders()?
            .facilities
            .load_one(key)
            .await?
            .filter(|f| {
                reach.allows(&arogya_domain::unit::UnitPath::from_stored(
                    f.unit_path.clone(),
                ))
            })
            .map(Facility))
    }
    async fn professional(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let key = (TenantId(self.0.tenant_id), self.0.professional_id);
        Ok(ctx
            .loaders()?
            .professionals
            .load_one(key)
            .await?
            .map(Professional))
    }
}

pub struct Professional(pub ProfessionalRecord);

impl Professional {
    fn key(&self) -> (TenantId, Uuid) {
        (TenantId(self.0.tenant_id), self.0.id)
    }
}

#[Object]
impl Professional {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn kind(&self) -> ApiResult<ProfessionalKind> {
        Ok(domain::ProfessionalKind::parse(&self.0.kind)?.into())
    }
    async fn sex(&self) -> ApiResult<Option<Sex>> {
        Ok(self
            .0
            .sex
            .as_deref()
            .map(domain::Sex::parse)
            .transpose()?
            .map(Into::into))
    }
    async fn date_of_birth(&self) -> Option<NaiveDate> {
        self.0.date_of_birth
    }
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    async fn registrations(&self, ctx: &Context<'_>) -> ApiResult<Vec<CouncilRegistration>> {
        let rows = ctx
            .loaders()?
            .registrations
            .load_one(self.key())
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(CouncilRegistration).collect())
    }
    async fn qualifications(&self) -> Vec<Qualification> {
        self.0
            .qualifications
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|q| Qualification {
                        degree: q["degree"].as_str().unwrap_or_default().to_owned(),
                        institution: q["institution"].as_str().unwrap_or_default().to_owned(),
                        year: q["year"].as_i64().unwrap_or_default() as i32,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    async fn languages(&self) -> Vec<String> {
        self.0
            .languages
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|l| l.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
    async fn verification_status(&self) -> ApiResult<VerificationStatus> {
        Ok(domain::VerificationStatus::parse(&self.0.status)?.into())
    }
    /// Why it was rejected.
    async fn status_reason(&self) -> Option<&str> {
        self.0.status_reason.as_deref()
    }
    async fn status_changed_at(&self) -> Option<DateTime<Utc>> {
        self.0.status_changed_at
    }
    /// Where they work now.
    async fn postings(&self, ctx: &Context<'_>) -> ApiResult<Vec<Posting>> {
        let rows = ctx
            .loaders()?
            .postings
            .load_one(self.key())
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(Posting).collect())
    }
    /// The linked user account, if any.
    async fn user(&self, ctx: &Context<'_>) -> ApiResult<Option<User>> {
        match self.0.user_id {
            Some(u) => Ok(load_user(ctx, TenantId(self.0.tenant_id), UserId(u))
                .await?
                .map(User)),
            None => Ok(None),
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// Current staff of a facility, for `Facility.staff`.
pub async fn facility_staff(
    ctx: &Context<'_>,
    tenant: TenantId,
    facility: Uuid,
) -> ApiResult<Vec<Posting>> {
    let rows = ctx
        .loaders()?
        .staff
        .load_one((tenant, facility))
        .await?
        .unwrap_or_default();
    Ok(rows.into_iter().map(Posting).collect())
}

#[derive(InputObject, Default)]
pub struct ProfessionalFilter {
    /// Words of the name.
    pub search: Option<String>,
    pub registration_number: Option<String>,
    /// Currently posted at this facility.
    pub facility_id: Option<ID>,
    pub kind: Option<ProfessionalKind>,
    pub status: Option<VerificationStatus>,
}

#[derive(InputObject)]
pub struct CreateProfessionalInput {
    pub tenant_id: Option<ID>,
    pub professional: ProfessionalInput,
    /// Where they work; required from district-scoped administrators.
    pub posting: Option<PostingInput>,
}

#[derive(InputObject)]
pub struct UpdateProfessionalInput {
    pub tenant_id: Option<ID>,
    pub id: ID,
    pub expected_version: i32,
    pub professional: ProfessionalInput,
}

fn not_found() -> ApiError {
    DomainError::NotFound {
        entity: "professional",
    }
    .into()
}

#[derive(Default)]
pub struct ProfessionalQuery;

#[Object]
impl ProfessionalQuery {
    async fn professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let id = parse_id("id", &id)?;
        let reach = read_reach(ctx)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let found = match repo::find(&tx, id).await? {
            Some(p) if repo::within_reach(&tx, id, &reach, today()).await? => Some(p),
            _ => None,
        };
        tx.commit().await?;
        found.map(Professional).ok_or_else(not_found)
    }

    /// Search the registry, newest first.
    async fn professionals(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        filter: Option<ProfessionalFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Professional>> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let f = filter.unwrap_or_default();
        let filter = repo::ProfessionalFilter {
            search: f.search.filter(|s| !s.trim().is_empty()),
            registration_number: f.registration_number.filter(|s| !s.trim().is_empty()),
            facility: f
                .facility_id
                .as_ref()
                .map(|id| parse_id("facilityId", id))
                .transpose()?,
            kind: f.kind.map(Into::into),
            status: f.status.map(Into::into),
            reach: read_reach(ctx)?,
        };
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::list(&tx, &filter, page, today()).await?;
        tx.commit().await?;
        Ok(connection(rows, had_cursor, |p| p.id, Professional))
    }

    /// Council registrations that end within `days` days, soonest first, optionally
    /// only of professionals posted in one district.
    async fn expiring_registrations(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        days: i32,
        district_id: Option<ID>,
    ) -> ApiResult<Vec<CouncilRegistration>> {
        if !(0..=3650).contains(&days) {
            return Err(ApiError::validation("days", "must be between 0 and 3650"));
        }
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let district = match &district_id {
            Some(d) => Some(
                load_unit(ctx, tenant, UnitId(parse_id("districtId", d)?))
                    .await?
                    .ok_or_else(|| ApiError::NotFound("unit not found".into()))?
                    .id,
            ),
            None => None,
        };
        let reach = read_reach(ctx)?;
        let start = today();
        let until = start + chrono::Duration::days(days as i64);
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::expiring_registrations(&tx, start, until, district, &reach).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(CouncilRegistration).collect())
    }

    /// The professional linked to the caller's own account.
    async fn my_professional(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let principal = ctx.principal()?;
        let Some(tenant) = principal.tenant() else {
            return Ok(None);
        };
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let p = repo::find_by_user(&tx, principal.user_id().0).await?;
        tx.commit().await?;
        Ok(p.map(Professional))
    }
}

#[derive(Default)]
pub struct ProfessionalMutation;

/// What every registry edit needs: the caller, tenant and write reach.
fn editor<'a>(
    ctx: &'a Context<'_>,
    tenant_id: Option<&ID>,
) -> ApiResult<(
    &'a crate::state::AppState,
    &'a super::context::RequestCtx,
    TenantId,
    arogya_domain::access::UnitReach,
)> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let tenant = registry_tenant(ctx, tenant_id)?;
    let reach = req.principal()?.registry_write_reach()?;
    Ok((app, req, tenant, reach))
}

#[Object]
impl ProfessionalMutation {
    /// A new entry, `PENDING` verification.
    async fn create_professional(
        &self,
        ctx: &Context<'_>,
        input: CreateProfessionalInput,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, input.tenant_id.as_ref())?;
        let details = input.professional.parse()?;
        let posting = match &input.posting {
            Some(p) => {
                let (facility, attachment) = p.parse()?;
                Some(FirstPosting {
                    facility,
                    attachment,
                })
            }
            None => None,
        };
        let actor = Actor::from(req.principal()?);
        Ok(Professional(
            usecase::create(app, actor, &req.meta(), tenant, &reach, details, posting).await?,
        ))
    }

    /// Replace the details; the entry goes back to `PENDING` verification.
    async fn update_professional(
        &self,
        ctx: &Context<'_>,
        input: UpdateProfessionalInput,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, input.tenant_id.as_ref())?;
        let id = parse_id("id", &input.id)?;
        let details = input.professional.parse()?;
        let actor = Actor::from(req.principal()?);
        let p = usecase::update(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            input.expected_version,
            details,
        )
        .await?;
        Ok(Professional(p))
    }

    /// `PENDING` → `VERIFIED`.
    /// `PENDING` → `VERIFIED`; `note` (what was checked, 5 to 500 characters) goes to
    /// the audit trail.
    async fn verify_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        tenant_id: Option<ID>,
        note: Option<String>,
    ) -> ApiResult<Professional> {
        let note = note
            .map(|n| arogya_domain::audit::reason(&n))
            .transpose()
            .map_err(|_| {
                ApiError::validation("note", "give what was checked in 5 to 500 characters")
            })?;
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Verified,
            note,
        )
        .await
    }

    /// `PENDING` → `REJECTED`, saying why.
    async fn reject_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let reason = domain::rejection_reason(&reason)?;
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Rejected,
            Some(reason),
        )
        .await
    }

    /// `REJECTED` → `PENDING`, after the entry has been put right.
    async fn resubmit_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Pending,
            None,
        )
        .await
    }

    /// Post a professional at a facility (they may work at several).
    async fn add_posting(
        &self,
        ctx: &Context<'_>,
        professional_id: ID,
        posting: PostingInput,
        tenant_id: Option<ID>,
    ) -> ApiResult<Posting> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let professional = parse_id("professionalId", &professional_id)?;
        let (facility, attachment) = posting.parse()?;
        let actor = Actor::from(req.principal()?);
        let a = usecase::attach(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            professional,
            facility,
            attachment,
        )
        .await?;
        Ok(Posting(a))
    }

    /// Set the last day of a posting.
    async fn end_posting(
        &self,
        ctx: &Context<'_>,
        posting_id: ID,
        to: NaiveDate,
        tenant_id: Option<ID>,
    ) -> ApiResult<Posting> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let id = parse_id("postingId", &posting_id)?;
        let actor = Actor::from(req.principal()?);
        Ok(Posting(
            usecase::end_attachment(app, actor, &req.meta(), tenant, &reach, id, to).await?,
        ))
    }

    /// Link the entry to a user account (null unlinks), so that a doctor's login knows
    /// which professional they are.
    async fn link_professional_user(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        user_id: Option<ID>,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let id = parse_id("id", &id)?;
        let user = user_id
            .as_ref()
            .map(|u| parse_id("userId", u).map(UserId))
            .transpose()?;
        let actor = Actor::from(req.principal()?);
        let p = usecase::link_user(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            expected_version,
            user,
        )
        .await?;
        Ok(Professional(p))
    }
}

async fn set_status(
    ctx: &Context<'_>,
    id: ID,
    expected_version: i32,
    tenant_id: Option<ID>,
    to: domain::VerificationStatus,
    reason: Option<String>,
) -> ApiResult<Professional> {
    let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
    let id = parse_id("id", &id)?;
    let actor = Actor::from(req.principal()?);
    let p = usecase::change_status(
        app,
        actor,
        &req.meta(),
        tenant,
        &reach,
        id,
        expected_version,
        to,
        reason,
    )
    .await?;
    Ok(Professional(p))
}
