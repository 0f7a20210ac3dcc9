//! Inpatient care's mutations.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::{self as app, AdmitInput as AppAdmit, FamilyLookup};
use arogya_domain::inpatient::admission::AdmissionForm;
use arogya_domain::inpatient::condition::ConditionForm;
use arogya_domain::inpatient::news2::Observations;
use arogya_domain::inpatient::wards::WardForm;

fn attendant(a: AttendantInput) -> app::AttendantInput {
    app::AttendantInput {
        name: a.name,
        relationship: a.relationship,
        phone: a.phone,
    }
}

/// A ward board's tile after a change: the admission as lists show it.
async fn shown(ctx: &Context<'_>, id: Uuid) -> ApiResult<Admission> {
    Ok(inpatient(ctx)?.admission_detail(id).await?.patient.into())
}

#[derive(Default)]
pub struct InpatientMutation;

#[Object]
impl InpatientMutation {
    async fn create_ward(&self, ctx: &Context<'_>, input: WardInput) -> ApiResult<Ward> {
        let facility = parse_id("facilityId", &input.facility_id)?;
        let form = WardForm {
            name: &input.name,
            department: input.department.into(),
            floor: input.floor.as_deref(),
            phone: input.phone.as_deref(),
        };
        Ok(inpatient(ctx)?.create_ward(facility, form).await?.into())
    }

    /// Beds of one type added to a ward, one per label.
    async fn add_beds(
        &self,
        ctx: &Context<'_>,
        ward_id: ID,
        bed_type: BedType,
        labels: Vec<String>,
    ) -> ApiResult<Vec<Bed>> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?
            .add_beds(w, bed_type.into(), &labels)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Cleaning done, isolating, closing (with a reason): occupancy is not set here.
    async fn set_bed_housekeeping(
        &self,
        ctx: &Context<'_>,
        bed_id: ID,
        expected_version: i32,
        housekeeping: BedHousekeeping,
        reason: Option<String>,
    ) -> ApiResult<Bed> {
        let b = parse_id("bedId", &bed_id)?;
        Ok(inpatient(ctx)?
            .set_bed_status(b, expected_version, housekeeping.into(), reason.as_deref())
            .await?
            .into())
    }

    /// Admit to a free bed: `CONFLICT` when the bed was taken (it says by what).
    async fn admit_patient(&self, ctx: &Context<'_>, input: AdmitInput) -> ApiResult<Admission> {
        let bed = parse_id("bedId", &input.bed_id)?;
        let admitting = parse_id("admittingProfessionalId", &input.admitting_professional_id)?;
        let a = inpatient(ctx)?
            .admit(AppAdmit {
                health_id: input.health_id.as_deref(),
                bed,
                admitting_professional: admitting,
                department: input.department.into(),
                form: AdmissionForm {
                    reason: &input.reason,
                    provisional_diagnosis: input.provisional_diagnosis.as_deref(),
                    admitted_at: input.admitted_at,
                    unidentified: input.unidentified.as_deref(),
                },
                attendants: input.attendants.into_iter().map(attendant).collect(),
            })
            .await?;
        shown(ctx, a.id).await
    }

    /// Move to another bed of the facility; the old bed goes for cleaning.
    async fn transfer_patient(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        expected_version: i32,
        bed_id: ID,
    ) -> ApiResult<Admission> {
        let a = parse_id("admissionId", &admission_id)?;
        let b = parse_id("bedId", &bed_id)?;
        inpatient(ctx)?.transfer(a, expected_version, b).await?;
        shown(ctx, a).await
    }

    /// Hold a free bed of the facility for the patient until they are transferred
    /// into it (a bed held before for them is given up). The bed counts as reserved.
    async fn reserve_bed(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        bed_id: ID,
    ) -> ApiResult<BedReservation> {
        let a = parse_id("admissionId", &admission_id)?;
        let b = parse_id("bedId", &bed_id)?;
        Ok(inpatient(ctx)?.reserve_bed(a, b).await?.into())
    }

    /// Give up the bed held for the patient; false if none was held.
    async fn cancel_bed_reservation(&self, ctx: &Context<'_>, admission_id: ID) -> ApiResult<bool> {
        let a = parse_id("admissionId", &admission_id)?;
        inpatient(ctx)?.cancel_bed_reservation(a).await
    }

    async fn discharge_patient(
        &self,
        ctx: &Context<'_>,
        input: DischargeInput,
    ) -> ApiResult<Admission> {
        let a = parse_id("admissionId", &input.admission_id)?;
        inpatient(ctx)?
            .discharge(
                a,
                input.expected_version,
                input.outcome.into(),
                input.discharged_at,
                input.time_of_death,
                input.note.as_deref(),
            )
            .await?;
        shown(ctx, a).await
    }

    /// An unidentified patient turns out to be a registered one.
    async fn identify_admitted_patient(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        expected_version: i32,
        health_id: String,
    ) -> ApiResult<Admission> {
        let a = parse_id("admissionId", &admission_id)?;
        inpatient(ctx)?
            .identify(a, expected_version, &health_id)
            .await?;
        shown(ctx, a).await
    }

    /// Record the condition (rounds, or a change): appended, never edited.
    async fn record_condition(
        &self,
        ctx: &Context<'_>,
        input: ConditionInput,
    ) -> ApiResult<ConditionEntry> {
        let a = parse_id("admissionId", &input.admission_id)?;
        let form = ConditionForm {
            category: input.category.into(),
            life_support: input.life_support.into(),
            consciousness: input.consciousness.into(),
            remark: input.remark.as_deref(),
            observations: input.observations.map(|o| Observations {
                respiratory_rate: o.respiratory_rate,
                spo2: o.spo2,
                systolic_bp: o.systolic_bp,
                pulse: o.pulse,
                temperature_c: o.temperature_c,
                diastolic_bp: o.diastolic_bp,
            }),
        };
        Ok(inpatient(ctx)?
            .record_condition(a, form, input.recorded_at)
            .await?
            .into())
    }

    async fn add_attendant(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        input: AttendantInput,
    ) -> ApiResult<Attendant> {
        let a = parse_id("admissionId", &admission_id)?;
        Ok(inpatient(ctx)?
            .add_attendant(a, attendant(input))
            .await?
            .into())
    }

    /// No more status codes go to this attendant.
    async fn remove_attendant(&self, ctx: &Context<'_>, attendant_id: ID) -> ApiResult<bool> {
        let a = parse_id("attendantId", &attendant_id)?;
        inpatient(ctx)?.remove_attendant(a).await?;
        Ok(true)
    }

    /// Send a code to the attendant's phone, to prove the number on the spot.
    async fn send_attendant_code(
        &self,
        ctx: &Context<'_>,
        attendant_id: ID,
    ) -> ApiResult<DateTime<Utc>> {
        let a = parse_id("attendantId", &attendant_id)?;
        inpatient(ctx)?.send_attendant_code(a).await
    }

    async fn verify_attendant(
        &self,
        ctx: &Context<'_>,
        attendant_id: ID,
        code: String,
    ) -> ApiResult<Attendant> {
        let a = parse_id("attendantId", &attendant_id)?;
        Ok(inpatient(ctx)?.verify_attendant(a, &code).await?.into())
    }

    /// Refer an admitted patient to another facility; they keep their bed until it answers.
    async fn refer_patient(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        expected_version: i32,
        to_facility_id: ID,
        reason: String,
    ) -> ApiResult<Referral> {
        let a = parse_id("admissionId", &admission_id)?;
        let to = parse_id("toFacilityId", &to_facility_id)?;
        Ok(inpatient(ctx)?
            .refer(a, expected_version, to, &reason)
            .await?
            .into())
    }

    /// The receiving facility admits the referred patient to one of its free beds
    /// (they are discharged as referred where they were).
    async fn accept_referral(
        &self,
        ctx: &Context<'_>,
        referral_id: ID,
        bed_id: ID,
        admitting_professional_id: ID,
    ) -> ApiResult<Admission> {
        let r = parse_id("referralId", &referral_id)?;
        let b = parse_id("bedId", &bed_id)?;
        let p = parse_id("admittingProfessionalId", &admitting_professional_id)?;
        let a = inpatient(ctx)?.accept_referral(r, b, p).await?;
        shown(ctx, a.id).await
    }

    async fn decline_referral(
        &self,
        ctx: &Context<'_>,
        referral_id: ID,
        note: String,
    ) -> ApiResult<Referral> {
        let r = parse_id("referralId", &referral_id)?;
        Ok(inpatient(ctx)?.decline_referral(r, &note).await?.into())
    }

    /// Count a past day's census again (state and district administrators); returns
    /// the number of wards counted. The server counts yesterday by itself.
    async fn recount_census(&self, ctx: &Context<'_>, day: chrono::NaiveDate) -> ApiResult<i32> {
        Ok(inpatient(ctx)?.recount_census(day).await? as i32)
    }

    /// Public, no sign-in: ask for a code to see a patient's condition. It goes only
    /// to the attendants the ward registered; the answer is the same either way.
    async fn request_family_code(
        &self,
        ctx: &Context<'_>,
        tenant_code: String,
        lookup: FamilyLookupInput,
    ) -> ApiResult<FamilyCodeRequest> {
        let lookup = match lookup {
            FamilyLookupInput::HealthId(h) => FamilyLookup::HealthId(h),
            FamilyLookupInput::NameAtHospital(n) => FamilyLookup::NameAt {
                name: n.name,
                facility: parse_id("lookup.nameAtHospital.facilityId", &n.facility_id)?,
            },
        };
        let meta = ctx.request()?.meta();
        Ok(
            app::request_family_code(ctx.app()?, &meta, &tenant_code, lookup)
                .await?
                .into(),
        )
    }

    /// Public, no sign-in: the patient's condition, once, for a right code.
    async fn family_status(
        &self,
        ctx: &Context<'_>,
        tenant_code: String,
        request_id: ID,
        code: String,
    ) -> ApiResult<FamilyStatus> {
        let r = Uuid::try_parse(request_id.as_str()).map_err(|_| {
            ApiError::validation(
                "code",
                "the code is wrong, used or expired: ask for a new one",
            )
        })?;
        let meta = ctx.request()?.meta();
        Ok(
            app::family_status(ctx.app()?, &meta, &tenant_code, r, &code)
                .await?
                .into(),
        )
    }
}
