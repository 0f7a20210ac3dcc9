//! Professionals, their council registrations and postings as GraphQL objects.

use super::*;

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
