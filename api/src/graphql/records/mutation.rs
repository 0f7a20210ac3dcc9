//! Mutations: encounters, entries, corrections, entered-in-error, access review.

#[allow(unused_imports)]
use super::*;
use arogya_domain::clinical::encounter::EncounterForm;

#[derive(Default)]
pub struct RecordMutation;

fn optional_id(field: &str, id: Option<&ID>) -> ApiResult<Option<Uuid>> {
    id.map(|i| parse_id(field, i)).transpose()
}

#[Object]
impl RecordMutation {
    /// Open an encounter at one of the caller's facilities (doctors and nurses).
    async fn start_encounter(
        &self,
        ctx: &Context<'_>,
        input: StartEncounterInput,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let patient = parse_id("patientId", &input.patient_id)?;
        let facility = parse_id("facilityId", &input.facility_id)?;
        let attending = optional_id(
            "attendingProfessionalId",
            input.attending_professional_id.as_ref(),
        )?;
        let form = EncounterForm {
            kind: input.kind.into(),
            attending: Uuid::nil(),
            department: input.department,
            reason: input.reason,
            start: input.start,
            end: input.end,
            outcome: None,
        };
        let input = usecase::EncounterInput { form, attending };
        Ok(ClinicalEntry(
            usecase::start_encounter(&c, patient, facility, input).await?,
        ))
    }

    /// Finish or cancel an encounter, or correct its fields (a new version).
    async fn update_encounter(
        &self,
        ctx: &Context<'_>,
        input: UpdateEncounterInput,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let id = parse_id("id", &input.id)?;
        let change = usecase::EncounterChange {
            status: input.status.map(Into::into),
            department: input.department,
            reason: input.reason,
            end: input.end,
            outcome: input.outcome.map(Into::into),
            attending: optional_id(
                "attendingProfessionalId",
                input.attending_professional_id.as_ref(),
            )?,
        };
        Ok(ClinicalEntry(
            usecase::update_encounter(&c, id, input.expected_version, change).await?,
        ))
    }

    /// Record vitals, a diagnosis, a prescription, a lab order or result, a note or a
    /// discharge summary in an encounter. Each kind has its treating roles.
    async fn add_clinical_entry(
        &self,
        ctx: &Context<'_>,
        encounter_id: ID,
        entry: ClinicalEntryInput,
        occurred_at: Option<DateTime<Utc>>,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let encounter = parse_id("encounterId", &encounter_id)?;
        let (details, order) = entry.parse()?;
        Ok(ClinicalEntry(
            usecase::add_entry(&c, encounter, details, occurred_at, order).await?,
        ))
    }

    /// Correct an entry: the corrected details become a new version; earlier versions
    /// stay in its history. `expectedVersion` guards against concurrent edits.
    async fn correct_clinical_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        entry: ClinicalEntryInput,
        occurred_at: Option<DateTime<Utc>>,
        reason: Option<String>,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let id = parse_id("id", &id)?;
        let (details, _) = entry.parse()?;
        Ok(ClinicalEntry(
            usecase::correct_entry(&c, id, expected_version, details, occurred_at, reason).await?,
        ))
    }

    /// Entries are never deleted: mark one entered in error, saying why.
    async fn mark_entered_in_error(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let id = parse_id("id", &id)?;
        Ok(ClinicalEntry(
            usecase::mark_entered_in_error(&c, id, expected_version, &reason).await?,
        ))
    }

    /// Mark a break-glass opening as reviewed (state and district administrators).
    async fn review_break_glass_access(
        &self,
        ctx: &Context<'_>,
        id: ID,
        note: Option<String>,
    ) -> ApiResult<RecordAccess> {
        let id = parse_id("id", &id)?;
        let meta = ctx.request()?.meta();
        Ok(RecordAccess(
            usecase::review_break_glass(ctx.app()?, ctx.principal()?, meta, id, note).await?,
        ))
    }
}
