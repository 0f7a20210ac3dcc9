//! Output objects: patients (contact details only for roles that need them),
//! cards, registrations, verifications, households, survey progress.

#[allow(unused_imports)]
use super::*;

#[derive(SimpleObject)]
pub struct Address {
    pub unit: Option<AdminUnit>,
    pub line: Option<String>,
    pub pincode: Option<String>,
}

#[derive(SimpleObject)]
pub struct Guardian {
    pub name: String,
    pub relation: Option<Relation>,
    pub phone: Option<String>,
}

pub struct Patient {
    pub record: PatientRecord,
    /// Whether contact details may be shown to this caller.
    pub contact: bool,
}

impl Patient {
    fn key(&self) -> (arogya_domain::ids::TenantId, uuid::Uuid) {
        (
            arogya_domain::ids::TenantId(self.record.tenant_id),
            self.record.id,
        )
    }

    pub fn new(ctx: &Context<'_>, record: PatientRecord) -> ApiResult<Self> {
        let contact = ctx.principal()?.patient_access()?.contact;
        Ok(Self { record, contact })
    }
}

#[Object]
impl Patient {
    async fn id(&self) -> ID {
        ID(self.record.id.to_string())
    }
    /// The patient's health record across every facility of the tenant (and the records
    /// merged into this one), newest first unless asked. Doctors, nurses and lab
    /// technicians read it when the patient is in care at their facility (has an
    /// encounter there); otherwise only with `breakGlassReason`, an emergency reason
    /// that flags the access for review. Every call is written to the access log.
    #[allow(clippy::too_many_arguments)]
    async fn timeline(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<crate::graphql::records::TimelineFilter>,
        purpose: Option<String>,
        break_glass_reason: Option<String>,
    ) -> ApiResult<Connection<String, crate::graphql::records::ClinicalEntry>> {
        crate::graphql::records::timeline(
            ctx,
            self.record.id,
            first,
            after,
            filter,
            purpose,
            break_glass_reason,
        )
        .await
    }
    /// Who read this patient's health record, newest first (state and district
    /// administrators).
    async fn record_access_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, crate::graphql::records::RecordAccess>> {
        crate::graphql::records::access_log(ctx, self.record.id, first, after).await
    }
    async fn health_id(&self) -> &str {
        &self.record.health_id
    }
    async fn given_name(&self) -> &str {
        &self.record.given_name
    }
    async fn family_name(&self) -> Option<&str> {
        self.record.family_name.as_deref()
    }
    async fn local_name(&self) -> Option<&str> {
        self.record.local_name.as_deref()
    }
    async fn sex(&self) -> ApiResult<PatientSex> {
        Ok(arogya_domain::patient::details::PatientSex::parse(&self.record.sex)?.into())
    }
    async fn birth_date(&self) -> NaiveDate {
        self.record.birth_date
    }
    /// True when the birth date was estimated from a stated age.
    async fn birth_date_estimated(&self) -> bool {
        self.record.birth_estimated
    }
    async fn year_of_birth(&self) -> i32 {
        self.record.birth_year
    }
    async fn age_years(&self) -> i32 {
        let t = today();
        let b = self.record.birth_date;
        t.year() - b.year() - i32::from((t.month(), t.day()) < (b.month(), b.day()))
    }
    /// Null for roles that do not need it.
    async fn phone(&self) -> Option<&str> {
        self.record.phone.as_deref().filter(|_| self.contact)
    }
    /// Null for roles that do not need it.
    async fn address(&self, ctx: &Context<'_>) -> ApiResult<Option<Address>> {
        if !self.contact || self.record.unit_id.is_none() {
            return Ok(None);
        }
        let unit = match self.record.unit_id {
            Some(u) => crate::graphql::units::load_unit(
                ctx,
                arogya_domain::ids::TenantId(self.record.tenant_id),
                UnitId(u),
            )
            .await?
            .map(AdminUnit),
            None => None,
        };
        Ok(Some(Address {
            unit,
            line: self.record.address_line.clone(),
            pincode: self.record.pincode.clone(),
        }))
    }
    /// Null for roles that do not need it.
    async fn guardian(&self) -> Option<Guardian> {
        let name = self.record.guardian_name.clone().filter(|_| self.contact)?;
        Some(Guardian {
            name,
            relation: self
                .record
                .guardian_relation
                .as_deref()
                .and_then(|r| arogya_domain::patient::details::Relation::parse(r).ok())
                .map(Into::into),
            phone: self.record.guardian_phone.clone(),
        })
    }
    async fn preferred_language(&self) -> Option<&str> {
        self.record.preferred_language.as_deref()
    }
    async fn abha_number(&self) -> Option<&str> {
        self.record.abha_number.as_deref()
    }
    /// The last four digits of the national ID; the number itself is never kept.
    async fn national_id_last4(&self) -> Option<&str> {
        self.record.national_id_last4.as_deref()
    }
    /// Set when this record was merged into another (the survivor).
    async fn merged_into_id(&self) -> Option<ID> {
        self.record.merged_into.map(|m| ID(m.to_string()))
    }
    async fn merged_at(&self) -> Option<DateTime<Utc>> {
        self.record.merged_at
    }
    /// Records merged into this one.
    async fn merged_records(&self, ctx: &Context<'_>) -> ApiResult<Vec<Patient>> {
        let rows = ctx
            .loaders()?
            .merged
            .load_one(self.key())
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|record| Patient {
                record,
                contact: self.contact,
            })
            .collect())
    }
    /// Cards of this record and of every record merged into it, newest first.
    async fn cards(&self, ctx: &Context<'_>) -> ApiResult<Vec<Card>> {
        let loaders = ctx.loaders()?;
        let tenant = self.key().0;
        let mut keys = vec![self.key()];
        keys.extend(
            loaders
                .merged
                .load_one(self.key())
                .await?
                .unwrap_or_default()
                .into_iter()
                .map(|p| (tenant, p.id)),
        );
        let mut rows: Vec<CardRecord> = loaders
            .cards
            .load_many(keys)
            .await?
            .into_values()
            .flatten()
            .collect();
        rows.sort_by_key(|c| std::cmp::Reverse(c.id));
        Ok(rows.into_iter().map(Card).collect())
    }
    async fn household_id(&self) -> Option<ID> {
        self.record.household_id.map(|h| ID(h.to_string()))
    }
    async fn registered_at(&self) -> DateTime<Utc> {
        self.record.created_at
    }
    async fn version(&self) -> i32 {
        self.record.version
    }
}

pub struct Card(pub CardRecord);

#[Object]
impl Card {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn health_id(&self) -> &str {
        &self.0.health_id
    }
    async fn status(&self) -> ApiResult<CardStatus> {
        Ok(card_domain::CardStatus::parse(&self.0.status)?.into())
    }
    async fn status_reason(&self) -> Option<&str> {
        self.0.status_reason.as_deref()
    }
    /// The card this one replaced.
    async fn replaces_id(&self) -> Option<ID> {
        self.0.replaces.map(|r| ID(r.to_string()))
    }
    async fn issued_at(&self) -> DateTime<Utc> {
        self.0.issued_at
    }
    async fn delivery(&self) -> ApiResult<CardDelivery> {
        Ok(card_domain::DeliveryStatus::parse(&self.0.delivery)?.into())
    }
    /// The signed payload printed as the card's QR code (compact JWS, EdDSA), verifiable
    /// offline with the tenant's key from `/tenants/{code}/card-keys.json`.
    async fn qr_payload(&self, ctx: &Context<'_>) -> ApiResult<String> {
        let app = ctx.app()?;
        let tenant = arogya_domain::ids::TenantId(self.0.tenant_id);
        let code = app
            .tenants
            .get(tenant)
            .await?
            .map(|t| t.code)
            .unwrap_or_default();
        let holder = ctx
            .loaders()?
            .patients
            .load_one((tenant, self.0.patient_id))
            .await?
            .ok_or_else(usecase::patient_not_found)?;
        Ok(usecase::card_payload(app, &self.0, &holder, &code))
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(SimpleObject)]
pub struct DuplicateCandidate {
    pub patient: Patient,
    pub reasons: Vec<MatchReason>,
}

#[derive(SimpleObject)]
pub struct Registration {
    /// The new patient; null when likely duplicates were found: pick one of them, or
    /// register again with `confirmNotDuplicate: true`.
    pub patient: Option<Patient>,
    pub duplicates: Vec<DuplicateCandidate>,
    pub warnings: Vec<String>,
    /// The card issued at enrolment (household surveys).
    pub card: Option<Card>,
}

pub(super) fn registration(
    ctx: &Context<'_>,
    r: usecase::Registration,
    card: Option<CardRecord>,
) -> ApiResult<Registration> {
    Ok(Registration {
        patient: r.patient.map(|p| Patient::new(ctx, p)).transpose()?,
        duplicates: r
            .duplicates
            .into_iter()
            .map(|d| {
                Ok(DuplicateCandidate {
                    patient: Patient::new(ctx, d.patient)?,
                    reasons: d.reasons.into_iter().map(Into::into).collect(),
                })
            })
            .collect::<ApiResult<_>>()?,
        warnings: r.warnings,
        card: card.map(Card),
    })
}

#[derive(SimpleObject)]
pub struct CardClaimsView {
    pub health_id: String,
    pub tenant_code: String,
    pub name: String,
    pub year_of_birth: i32,
}

#[derive(SimpleObject)]
pub struct CardVerification {
    /// The tenant's signature matches the content.
    pub signature_valid: bool,
    /// The card is neither replaced nor revoked; null for another tenant's card.
    pub current: Option<bool>,
    pub status: Option<CardStatus>,
    pub claims: Option<CardClaimsView>,
    pub message: String,
}

pub struct Household(pub HouseholdRecord);

#[Object]
impl Household {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<AdminUnit>> {
        Ok(crate::graphql::units::load_unit(
            ctx,
            arogya_domain::ids::TenantId(self.0.tenant_id),
            UnitId(self.0.unit_id),
        )
        .await?
        .map(AdminUnit))
    }
    async fn address_line(&self) -> &str {
        &self.0.address_line
    }
    async fn latitude(&self) -> Option<f64> {
        self.0.latitude
    }
    async fn longitude(&self) -> Option<f64> {
        self.0.longitude
    }
    async fn head_patient_id(&self) -> Option<ID> {
        self.0.head_patient_id.map(|h| ID(h.to_string()))
    }
    /// The people enrolled in it (viewing them is audited by the query that returned
    /// the household).
    async fn members(&self, ctx: &Context<'_>) -> ApiResult<Vec<Patient>> {
        let key = (arogya_domain::ids::TenantId(self.0.tenant_id), self.0.id);
        let rows = ctx
            .loaders()?
            .members
            .load_one(key)
            .await?
            .unwrap_or_default();
        rows.into_iter().map(|p| Patient::new(ctx, p)).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(SimpleObject)]
pub struct SurveyProgressRow {
    /// Null for the whole tenant.
    pub unit: Option<AdminUnit>,
    pub households: i64,
    pub people_enrolled: i64,
    pub cards_issued: i64,
    pub cards_printed: i64,
    pub cards_delivered: i64,
}
