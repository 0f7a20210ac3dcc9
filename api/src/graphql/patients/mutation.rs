//! Patient mutations: registration, corrections, merges, cards, households.

#[allow(unused_imports)]
use super::*;

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
        let id = input.offline_id()?;
        Ok(Household(
            usecase::create_household(&c, &details, id).await?,
        ))
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
