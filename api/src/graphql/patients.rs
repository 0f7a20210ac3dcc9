//! The patient index over GraphQL: registration with duplicate suggestions, lookups by
//! health ID, phone or name, merges, e-health cards and household surveys.
//! Contact details (phone, address, guardian) are null for roles that do not need them.

use super::context::ContextExt;
use super::pagination::{connection, page_request};
use super::types::parse_id;
use super::units::AdminUnit;
use crate::app::patients::{self as usecase, Caller, PatientSearch};
use crate::app::professionals::today;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::Actor;
use arogya_domain::ids::UnitId;
use arogya_domain::patient::card as card_domain;
use arogya_domain::patient::details::PatientForm;
use arogya_domain::patient::household::HouseholdDetails;
use arogya_infra::db::Access;
use arogya_infra::repos::cards::CardRecord;
use arogya_infra::repos::households::{self, HouseholdRecord};
use arogya_infra::repos::patients::PatientRecord;
use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The caller as the patient use cases need them.
pub fn caller<'a>(ctx: &'a Context<'_>) -> ApiResult<Caller<'a>> {
    let req = ctx.request()?;
    let principal = req.principal()?;
    Ok(Caller {
        state: ctx.app()?,
        access: principal.patient_access()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    })
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::details::PatientSex")]
pub enum PatientSex {
    Male,
    Female,
    Other,
    Unknown,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::details::Relation")]
pub enum Relation {
    Father,
    Mother,
    Spouse,
    Son,
    Daughter,
    Sibling,
    Guardian,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::CardStatus")]
pub enum CardStatus {
    Active,
    Replaced,
    Revoked,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::DeliveryStatus")]
pub enum CardDelivery {
    Pending,
    Printed,
    Delivered,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::ReissueReason")]
pub enum ReissueReason {
    Lost,
    Damaged,
    DetailsChanged,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::matching::MatchReason")]
pub enum MatchReason {
    SameNationalId,
    SamePhone,
    SimilarNameAndAge,
}

#[derive(InputObject, Clone)]
pub struct GuardianInput {
    pub name: String,
    pub relation: Relation,
    pub phone: Option<String>,
}

#[derive(InputObject, Clone)]
pub struct AddressInput {
    /// The block (or other unit) the patient lives in.
    pub unit_id: ID,
    pub line: Option<String>,
    pub pincode: Option<String>,
}

#[derive(InputObject, Clone)]
pub struct PatientInput {
    /// In Latin letters.
    pub given_name: String,
    pub family_name: Option<String>,
    /// The name in the patient's own script, as entered.
    pub local_name: Option<String>,
    pub sex: PatientSex,
    /// Give this, or `ageYears` when the date is not known.
    pub date_of_birth: Option<NaiveDate>,
    pub age_years: Option<i32>,
    pub phone: Option<String>,
    pub address: Option<AddressInput>,
    pub guardian: Option<GuardianInput>,
    /// ISO 639-1 code, e.g. hi, bn, en.
    pub preferred_language: Option<String>,
    /// XX-XXXX-XXXX-XXXX.
    pub abha_number: Option<String>,
    /// Aadhaar number: only a keyed hash and the last four digits are kept.
    pub national_id: Option<String>,
}

impl PatientInput {
    pub fn parse(&self) -> ApiResult<arogya_domain::patient::details::PatientDetails> {
        let unit = self
            .address
            .as_ref()
            .map(|a| parse_id("address.unitId", &a.unit_id).map(UnitId))
            .transpose()?;
        let form = PatientForm {
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            local_name: self.local_name.clone(),
            sex: arogya_domain::patient::details::PatientSex::from(self.sex)
                .as_str()
                .to_owned(),
            date_of_birth: self.date_of_birth,
            age_years: self.age_years,
            phone: self.phone.clone(),
            address_unit: unit,
            address_line: self.address.as_ref().and_then(|a| a.line.clone()),
            pincode: self.address.as_ref().and_then(|a| a.pincode.clone()),
            guardian_name: self.guardian.as_ref().map(|g| g.name.clone()),
            guardian_relation: self.guardian.as_ref().map(|g| {
                arogya_domain::patient::details::Relation::from(g.relation)
                    .as_str()
                    .to_owned()
            }),
            guardian_phone: self.guardian.as_ref().and_then(|g| g.phone.clone()),
            preferred_language: self.preferred_language.clone(),
            abha_number: self.abha_number.clone(),
            national_id: self.national_id.clone(),
        };
        Ok(form.validate(today())?)
    }
}

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
            Some(u) => super::units::load_unit(
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

fn registration(
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
        Ok(super::units::load_unit(
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

#[derive(InputObject)]
pub struct PatientSearchInput {
    pub phone: Option<String>,
    /// Words of the name; spelling variants match.
    pub name: Option<String>,
    /// Age band in years (with `name`).
    pub age_from: Option<i32>,
    pub age_to: Option<i32>,
}

#[derive(InputObject)]
pub struct HouseholdInput {
    pub unit_id: ID,
    pub address_line: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl HouseholdInput {
    fn parse(&self) -> ApiResult<HouseholdDetails> {
        let geo = match (self.latitude, self.longitude) {
            (Some(la), Some(lo)) => Some((la, lo)),
            (None, None) => None,
            _ => {
                return Err(ApiError::validation(
                    "longitude",
                    "give both latitude and longitude, or neither",
                ))
            }
        };
        Ok(HouseholdDetails::new(
            UnitId(parse_id("unitId", &self.unit_id)?),
            &self.address_line,
            geo,
        )?)
    }
}

/// Does a `households` connection query ask for members?
fn members_requested(ctx: &Context<'_>) -> bool {
    let look = ctx.look_ahead();
    look.field("edges").field("node").field("members").exists()
        || look.field("nodes").field("members").exists()
}

#[derive(Default)]
pub struct PatientQuery;

#[Object]
impl PatientQuery {
    /// The patient behind a card number (typed or scanned); merged records resolve to
    /// the survivor. Audited.
    async fn patient_by_health_id(
        &self,
        ctx: &Context<'_>,
        health_id: String,
        purpose: Option<String>,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let p = usecase::by_health_id(&c, &health_id, purpose.as_deref()).await?;
        Patient::new(ctx, p)
    }

    /// One patient record by its id. Audited.
    async fn patient(
        &self,
        ctx: &Context<'_>,
        id: ID,
        purpose: Option<String>,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let p = usecase::by_id(&c, parse_id("id", &id)?, purpose.as_deref()).await?;
        Patient::new(ctx, p)
    }

    /// Find patients by phone, or by name (spelling variants match) within an age band.
    /// At most 50 results. Audited.
    async fn search_patients(
        &self,
        ctx: &Context<'_>,
        input: PatientSearchInput,
    ) -> ApiResult<Vec<Patient>> {
        let c = caller(ctx)?;
        let query = match (&input.phone, &input.name) {
            (Some(p), None) => PatientSearch::Phone(
                arogya_domain::patient::identifiers::MobileNumber::parse(p, "phone")?
                    .as_str()
                    .to_owned(),
            ),
            (None, Some(n)) => {
                let age = match (input.age_from, input.age_to) {
                    (None, None) => None,
                    (from, to) => {
                        let (from, to) = (from.unwrap_or(0), to.unwrap_or(120));
                        if !(0..=120).contains(&from) || !(from..=120).contains(&to) {
                            return Err(ApiError::validation(
                                "ageTo",
                                "the age band must lie within 0–120, from ≤ to",
                            ));
                        }
                        Some((from, to))
                    }
                };
                PatientSearch::Name {
                    words: n.split_whitespace().map(str::to_owned).collect(),
                    age,
                }
            }
            _ => {
                return Err(ApiError::validation(
                    "name",
                    "search by phone or by name, one of the two",
                ))
            }
        };
        usecase::search(&c, query)
            .await?
            .into_iter()
            .map(|p| Patient::new(ctx, p))
            .collect()
    }

    /// Likely duplicates of a registration, before registering.
    async fn patient_duplicates(
        &self,
        ctx: &Context<'_>,
        input: PatientInput,
    ) -> ApiResult<Vec<DuplicateCandidate>> {
        let c = caller(ctx)?;
        let details = input.parse()?;
        usecase::duplicates(&c, &details)
            .await?
            .into_iter()
            .map(|d| {
                Ok(DuplicateCandidate {
                    patient: Patient::new(ctx, d.patient)?,
                    reasons: d.reasons.into_iter().map(Into::into).collect(),
                })
            })
            .collect()
    }

    /// Check a scanned card QR code: signature and whether the card is current.
    async fn verify_card(&self, ctx: &Context<'_>, payload: String) -> ApiResult<CardVerification> {
        let c = caller(ctx)?;
        let r = usecase::verify_card(&c, &payload).await?;
        Ok(CardVerification {
            signature_valid: r.signature_valid,
            current: r.current,
            status: r.status.map(Into::into),
            claims: r.claims.map(|c| CardClaimsView {
                health_id: c.hid,
                tenant_code: c.tnt,
                name: c.name,
                year_of_birth: c.yob,
            }),
            message: r.message,
        })
    }

    /// Households, newest first (a surveyor sees their own).
    async fn households(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Household>> {
        let c = caller(ctx)?;
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let own = c.access.only_own_enrollments.then_some(c.access.user.0);
        let tx = c.state.db.tenant_tx(c.access.tenant, Access::Read).await?;
        let rows = households::list(&tx, own, page).await?;
        tx.commit().await?;
        if members_requested(ctx) {
            let ids: Vec<_> = rows.items.iter().map(|h| h.id).collect();
            usecase::record_member_views(&c, &ids).await?;
        }
        Ok(connection(rows, had_cursor, |h| h.id, Household))
    }

    async fn household(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Household> {
        let c = caller(ctx)?;
        let tx = c.state.db.tenant_tx(c.access.tenant, Access::Read).await?;
        let h = usecase::household(&c, &tx, parse_id("id", &id)?).await?;
        tx.commit().await?;
        if ctx.look_ahead().field("members").exists() {
            usecase::record_member_views(&c, &[h.id]).await?;
        }
        Ok(Household(h))
    }

    /// Survey progress of a unit and each unit under it (the whole tenant and its
    /// districts when `unitId` is left out).
    async fn survey_progress(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
    ) -> ApiResult<Vec<SurveyProgressRow>> {
        let c = caller(ctx)?;
        let root = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u).map(UnitId))
            .transpose()?;
        Ok(usecase::survey_progress(&c, root)
            .await?
            .into_iter()
            .map(|r| SurveyProgressRow {
                unit: r.unit.map(AdminUnit),
                households: r.households,
                people_enrolled: r.enrolled,
                cards_issued: r.cards_issued,
                cards_printed: r.cards_printed,
                cards_delivered: r.cards_delivered,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct PatientMutation;

#[Object]
impl PatientMutation {
    /// Register a patient. When likely duplicates exist and `confirmNotDuplicate` is
    /// not set, nothing is created and the candidates are returned.
    async fn register_patient(
        &self,
        ctx: &Context<'_>,
        input: PatientInput,
        confirm_not_duplicate: Option<bool>,
    ) -> ApiResult<Registration> {
        let c = caller(ctx)?;
        let details = input.parse()?;
        let r = usecase::register(&c, &details, confirm_not_duplicate.unwrap_or(false)).await?;
        registration(ctx, r, None)
    }

    /// Correct a patient's details. Pass the `version` you read as `expectedVersion`;
    /// leave `nationalId` out to keep the one on record.
    async fn update_patient(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: PatientInput,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let details = input.parse()?;
        let p = usecase::update(&c, parse_id("id", &id)?, expected_version, &details).await?;
        Patient::new(ctx, p)
    }

    /// Merge `mergedId` into `survivorId` (administrators). `expectedVersion` is the
    /// merged record's version.
    async fn merge_patients(
        &self,
        ctx: &Context<'_>,
        survivor_id: ID,
        merged_id: ID,
        expected_version: i32,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let (survivor, _) = usecase::merge(
            &c,
            parse_id("survivorId", &survivor_id)?,
            parse_id("mergedId", &merged_id)?,
            expected_version,
        )
        .await?;
        Patient::new(ctx, survivor)
    }

    /// Undo a merge (administrators).
    async fn unmerge_patient(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let p = usecase::unmerge(&c, parse_id("id", &id)?, expected_version).await?;
        Patient::new(ctx, p)
    }

    async fn issue_card(&self, ctx: &Context<'_>, patient_id: ID) -> ApiResult<Card> {
        let c = caller(ctx)?;
        Ok(Card(
            usecase::issue_card(&c, parse_id("patientId", &patient_id)?).await?,
        ))
    }

    /// A new card for a lost or damaged one; the old card is marked replaced.
    async fn reissue_card(
        &self,
        ctx: &Context<'_>,
        card_id: ID,
        reason: ReissueReason,
        note: Option<String>,
    ) -> ApiResult<Card> {
        let c = caller(ctx)?;
        Ok(Card(
            usecase::reissue_card(
                &c,
                parse_id("cardId", &card_id)?,
                reason.into(),
                note.as_deref(),
            )
            .await?,
        ))
    }

    /// Revoke a card (administrators).
    async fn revoke_card(&self, ctx: &Context<'_>, card_id: ID, reason: String) -> ApiResult<Card> {
        let c = caller(ctx)?;
        Ok(Card(
            usecase::revoke_card(&c, parse_id("cardId", &card_id)?, &reason).await?,
        ))
    }

    /// Record that a card was printed or delivered.
    async fn set_card_delivery(
        &self,
        ctx: &Context<'_>,
        card_id: ID,
        delivery: CardDelivery,
    ) -> ApiResult<Card> {
        let c = caller(ctx)?;
        Ok(Card(
            usecase::set_delivery(&c, parse_id("cardId", &card_id)?, delivery.into()).await?,
        ))
    }

    async fn create_household(
        &self,
        ctx: &Context<'_>,
        input: HouseholdInput,
    ) -> ApiResult<Household> {
        let c = caller(ctx)?;
        let details = input.parse()?;
        Ok(Household(usecase::create_household(&c, &details).await?))
    }

    /// Enrol a household member: registered (with duplicate detection) and given a card.
    async fn enroll_household_member(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        patient: PatientInput,
        head: Option<bool>,
        confirm_not_duplicate: Option<bool>,
    ) -> ApiResult<Registration> {
        let c = caller(ctx)?;
        let details = patient.parse()?;
        let (r, card) = usecase::enroll_member(
            &c,
            parse_id("householdId", &household_id)?,
            &details,
            head.unwrap_or(false),
            confirm_not_duplicate.unwrap_or(false),
        )
        .await?;
        registration(ctx, r, card)
    }
}
